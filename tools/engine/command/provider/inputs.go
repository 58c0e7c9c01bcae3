package provider

import (
	"fmt"
	"slices"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// valueKind is the type an input property must have.
type valueKind int

const (
	kindString valueKind = iota
	kindBool
	kindStringList
	kindStringMap
	kindAnyList
	kindLogging
)

// inputKinds are the inputs of command:local:Command in @pulumi/command 1.2.1 (local/command.d.ts), with
// their types. The schema (schema.json) declares the same names; a test keeps the two in step.
var inputKinds = map[string]valueKind{
	"addPreviousOutputInEnv": kindBool,
	"archivePaths":           kindStringList,
	"assetPaths":             kindStringList,
	"create":                 kindString,
	"delete":                 kindString,
	"dir":                    kindString,
	"environment":            kindStringMap,
	"interpreter":            kindStringList,
	"logging":                kindLogging,
	"stdin":                  kindString,
	"triggers":               kindAnyList,
	"update":                 kindString,
}

// The outputs the resource adds to its inputs in its state.
const (
	keyStdout  = "stdout"
	keyStderr  = "stderr"
	keyAssets  = "assets"
	keyArchive = "archive"
)

var outputKeys = []string{keyStdout, keyStderr, keyAssets, keyArchive}

// loggingModes are the values of the command:local:Logging enum.
var loggingModes = []string{"stdout", "stderr", "stdoutAndStderr", "none"}

// commandInputs holds the inputs a run reads. Unknown values (only seen in previews) read as unset.
type commandInputs struct {
	create, update, delete *string
	dir, stdin             *string
	logging                *string
	interpreter            []string
	environment            map[string]string
	assetPaths             *[]string
	archivePaths           *[]string
	addPreviousOutputInEnv *bool
}

// logsStdout and logsStderr follow the enum's meaning; unset logs both streams.
func (in commandInputs) logsStdout() bool {
	return in.logging == nil || *in.logging == "stdout" || *in.logging == "stdoutAndStderr"
}

func (in commandInputs) logsStderr() bool {
	return in.logging == nil || *in.logging == "stderr" || *in.logging == "stdoutAndStderr"
}

// passesPreviousOutput is addPreviousOutputInEnv with its default, true.
func (in commandInputs) passesPreviousOutput() bool {
	return in.addPreviousOutputInEnv == nil || *in.addPreviousOutputInEnv
}

// decodeInputs reads props into commandInputs and reports every property of the wrong type and every
// property the resource does not have. With fromState, the outputs a state holds are accepted too.
func decodeInputs(props resource.PropertyMap, fromState bool) (commandInputs, []*pulumirpc.CheckFailure) {
	var in commandInputs
	var d decoder
	for key, value := range props {
		name := string(key)
		kind, isInput := inputKinds[name]
		if !isInput {
			if !fromState || !slices.Contains(outputKeys, name) {
				d.fail(name, "command:local:Command has no property %q", name)
			}
			continue
		}
		value, known := known(value)
		if !known {
			continue
		}
		switch kind {
		case kindString:
			if s, ok := d.str(name, value); ok {
				*stringField(&in, name) = &s
			}
		case kindLogging:
			if s, ok := d.str(name, value); ok {
				if slices.Contains(loggingModes, s) {
					in.logging = &s
				} else {
					d.fail(name, "logging must be one of %q, not %q", loggingModes, s)
				}
			}
		case kindBool: // addPreviousOutputInEnv is the only one
			if value.IsBool() {
				b := value.BoolValue()
				in.addPreviousOutputInEnv = &b
			} else {
				d.fail(name, "%s must be a boolean, not a %s", name, value.TypeString())
			}
		case kindStringList:
			if list, ok := d.strings(name, value); ok {
				switch name {
				case "interpreter":
					in.interpreter = list
				case "assetPaths":
					in.assetPaths = &list
				case "archivePaths":
					in.archivePaths = &list
				}
			}
		case kindStringMap:
			if env, ok := d.stringMap(name, value); ok {
				in.environment = env
			}
		case kindAnyList:
			if !value.IsArray() {
				d.fail(name, "%s must be a list, not a %s", name, value.TypeString())
			}
		}
	}
	return in, d.failures
}

// stringField is the field of a kindString input.
func stringField(in *commandInputs, name string) **string {
	switch name {
	case "create":
		return &in.create
	case "update":
		return &in.update
	case "delete":
		return &in.delete
	case "dir":
		return &in.dir
	default:
		return &in.stdin
	}
}

// known strips secrecy from v and says whether its value is known.
func known(v resource.PropertyValue) (resource.PropertyValue, bool) {
	for {
		switch {
		case v.IsSecret():
			v = v.SecretValue().Element
		case v.IsComputed():
			return v, false
		case v.IsOutput():
			if !v.OutputValue().Known {
				return v, false
			}
			v = v.OutputValue().Element
		default:
			return v, true
		}
	}
}

// decoder collects check failures.
type decoder struct{ failures []*pulumirpc.CheckFailure }

func (d *decoder) fail(property, format string, args ...any) {
	d.failures = append(d.failures, &pulumirpc.CheckFailure{Property: property, Reason: fmt.Sprintf(format, args...)})
}

func (d *decoder) str(path string, v resource.PropertyValue) (string, bool) {
	if !v.IsString() {
		d.fail(path, "%s must be a string, not a %s", path, v.TypeString())
		return "", false
	}
	return v.StringValue(), true
}

// strings reads a list of strings; unknown elements are left out.
func (d *decoder) strings(path string, v resource.PropertyValue) ([]string, bool) {
	if !v.IsArray() {
		d.fail(path, "%s must be a list of strings, not a %s", path, v.TypeString())
		return nil, false
	}
	list := []string{}
	ok := true
	for i, element := range v.ArrayValue() {
		element, isKnown := known(element)
		if !isKnown {
			continue
		}
		s, isString := d.str(fmt.Sprintf("%s[%d]", path, i), element)
		ok = ok && isString
		list = append(list, s)
	}
	return list, ok
}

// stringMap reads a map of strings; unknown values are left out.
func (d *decoder) stringMap(path string, v resource.PropertyValue) (map[string]string, bool) {
	if !v.IsObject() {
		d.fail(path, "%s must be a map of strings, not a %s", path, v.TypeString())
		return nil, false
	}
	m := map[string]string{}
	ok := true
	for key, value := range v.ObjectValue() {
		value, isKnown := known(value)
		if !isKnown {
			continue
		}
		s, isString := d.str(resource.PropertyPath{path, string(key)}.String(), value)
		ok = ok && isString
		m[string(key)] = s
	}
	return m, ok
}
