package provider

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// commandOutputs are what a run adds to the inputs in the resource's state.
type commandOutputs struct {
	stdout, stderr string
	// assets and archive are absent (nil) until a run with assetPaths or archivePaths sets them; a
	// later run without those paths keeps them, as upstream's Update does.
	assets, archive *resource.PropertyValue
}

// outputsOf reads the outputs of a state. Secrecy is dropped: the engine marks outputs secret again
// from additionalSecretOutputs, as it does for upstream's outputs.
func outputsOf(state resource.PropertyMap) commandOutputs {
	var out commandOutputs
	if v, ok := known(state[keyStdout]); ok && v.IsString() {
		out.stdout = v.StringValue()
	}
	if v, ok := known(state[keyStderr]); ok && v.IsString() {
		out.stderr = v.StringValue()
	}
	if v, ok := known(state[keyAssets]); ok && v.IsObject() {
		out.assets = &v
	}
	if v, ok := known(state[keyArchive]); ok && v.IsArchive() {
		out.archive = &v
	}
	return out
}

// stateOf is the state the resource reports: its inputs as given (secrets and unknowns kept), plus the
// outputs.
func stateOf(inputs resource.PropertyMap, out commandOutputs) resource.PropertyMap {
	state := inputs.Copy()
	state[keyStdout] = resource.NewProperty(out.stdout)
	state[keyStderr] = resource.NewProperty(out.stderr)
	if out.assets != nil {
		state[keyAssets] = *out.assets
	}
	if out.archive != nil {
		state[keyArchive] = *out.archive
	}
	return state
}
