package provider

import (
	"context"
	"encoding/json"
	"maps"
	"slices"
	"strings"
	"testing"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

type schemaProperty struct {
	Type             string          `json:"type"`
	Ref              string          `json:"$ref"`
	Items            *schemaProperty `json:"items"`
	Additional       *schemaProperty `json:"additionalProperties"`
	ReplaceOnChanges bool            `json:"replaceOnChanges"`
	Secret           bool            `json:"secret"`
	Default          any             `json:"default"`
}

type schemaDoc struct {
	Name      string `json:"name"`
	Version   string `json:"version"`
	Resources map[string]struct {
		InputProperties map[string]schemaProperty `json:"inputProperties"`
		Properties      map[string]schemaProperty `json:"properties"`
		Required        []string                  `json:"required"`
		RequiredInputs  []string                  `json:"requiredInputs"`
	} `json:"resources"`
	Types map[string]struct {
		Enum []struct {
			Value string `json:"value"`
		} `json:"enum"`
	} `json:"types"`
	Functions map[string]any `json:"functions"`
}

func servedSchema(t *testing.T) schemaDoc {
	t.Helper()
	s, _ := newTestServer(t)
	resp, err := s.GetSchema(context.Background(), &pulumirpc.GetSchemaRequest{})
	if err != nil {
		t.Fatal(err)
	}
	var doc schemaDoc
	if err := json.Unmarshal([]byte(resp.GetSchema()), &doc); err != nil {
		t.Fatal(err)
	}
	return doc
}

// The schema's inputs are the ones the provider reads, with the types it checks.
func TestSchemaDeclaresTheInputsTheProviderReads(t *testing.T) {
	doc := servedSchema(t)
	if doc.Name != "command" || doc.Version != "1.2.1" || len(doc.Resources) != 1 || len(doc.Functions) != 0 {
		t.Fatalf("schema %s %s serves %d resources and %d functions", doc.Name, doc.Version, len(doc.Resources), len(doc.Functions))
	}
	command, ok := doc.Resources[resourceType]
	if !ok {
		t.Fatalf("no %s in the schema", resourceType)
	}
	if got, want := slices.Sorted(maps.Keys(command.InputProperties)), slices.Sorted(maps.Keys(inputKinds)); !slices.Equal(got, want) {
		t.Errorf("schema inputs %q, provider inputs %q", got, want)
	}
	for name, p := range command.InputProperties {
		if got, want := schemaKind(p), inputKinds[name]; got != want {
			t.Errorf("%s is %+v in the schema, kind %d in the provider", name, p, want)
		}
		if p.ReplaceOnChanges != (name == "triggers") || p.Secret || p.Default != nil {
			t.Errorf("%s: replaceOnChanges %v, secret %v, default %v", name, p.ReplaceOnChanges, p.Secret, p.Default)
		}
		if out, ok := command.Properties[name]; !ok || schemaKind(out) != schemaKind(p) || out.ReplaceOnChanges != p.ReplaceOnChanges {
			t.Errorf("output %s is %+v, input %+v", name, out, p)
		}
	}
	for _, key := range outputKeys {
		if _, ok := command.Properties[key]; !ok {
			t.Errorf("output %s missing", key)
		}
	}
	if len(command.Properties) != len(inputKinds)+len(outputKeys) {
		t.Errorf("%d outputs, want %d", len(command.Properties), len(inputKinds)+len(outputKeys))
	}
	if !slices.Equal(command.Required, []string{"stdout", "stderr"}) || len(command.RequiredInputs) != 0 {
		t.Errorf("required %q, requiredInputs %q", command.Required, command.RequiredInputs)
	}
	var modes []string
	for _, e := range doc.Types["command:local:Logging"].Enum {
		modes = append(modes, e.Value)
	}
	if !slices.Equal(modes, loggingModes) {
		t.Errorf("logging enum %q, provider accepts %q", modes, loggingModes)
	}
}

func schemaKind(p schemaProperty) valueKind {
	switch {
	case strings.HasSuffix(p.Ref, "command:local:Logging"):
		return kindLogging
	case p.Type == "string":
		return kindString
	case p.Type == "boolean":
		return kindBool
	case p.Type == "array" && p.Items != nil && p.Items.Type == "string":
		return kindStringList
	case p.Type == "array" && p.Items != nil && p.Items.Ref == "pulumi.json#/Any":
		return kindAnyList
	case p.Type == "object" && p.Additional != nil && p.Additional.Type == "string":
		return kindStringMap
	}
	return -1
}
