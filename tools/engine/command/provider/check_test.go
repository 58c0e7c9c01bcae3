package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func check(t *testing.T, news resource.PropertyMap) *pulumirpc.CheckResponse {
	t.Helper()
	s, _ := newTestServer(t)
	resp, err := s.Check(context.Background(), &pulumirpc.CheckRequest{Urn: testURN, News: toStruct(t, news)})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func failedProperties(resp *pulumirpc.CheckResponse) []string {
	var names []string
	for _, f := range resp.GetFailures() {
		names = append(names, f.GetProperty())
	}
	slices.Sort(names)
	return names
}

func TestCheckAcceptsEveryInputAndKeepsSecretsAndUnknowns(t *testing.T) {
	news := props(map[string]any{
		"create": "a", "update": "b", "delete": "c", "dir": ".", "stdin": "in",
		"interpreter": []any{"/bin/sh", "-c"}, "assetPaths": []any{"*.txt"}, "archivePaths": []any{},
		"addPreviousOutputInEnv": false, "logging": "none", "triggers": []any{1.0, "x", map[string]any{"k": true}},
	})
	news["environment"] = resource.NewObjectProperty(resource.PropertyMap{
		"TOKEN": resource.MakeSecret(resource.NewProperty("s3cret")),
		"LATER": resource.MakeComputed(resource.NewProperty("")),
	})
	resp := check(t, news)
	if len(resp.GetFailures()) != 0 {
		t.Fatalf("failures %v", resp.GetFailures())
	}
	if inputs := fromStruct(t, resp.GetInputs()); !inputs.DeepEquals(news) {
		t.Errorf("check changed the inputs: %v", inputs)
	}
}

func TestCheckNamesEachBadProperty(t *testing.T) {
	resp := check(t, props(map[string]any{
		"create":      1.0,
		"interpreter": []any{"sh", 2.0},
		"environment": map[string]any{"A": true},
		"logging":     "everything",
		"triggers":    "not a list",
		"command":     "echo",
	}))
	want := []string{"command", "create", "environment.A", "interpreter[1]", "logging", "triggers"}
	if got := failedProperties(resp); !slices.Equal(got, want) {
		t.Errorf("failures on %q, want %q (%v)", got, want, resp.GetFailures())
	}
}

func TestCreateRefusesBadInputs(t *testing.T) {
	s, _ := newTestServer(t)
	if _, _, err := create(t, s, props(map[string]any{"create": []any{"echo"}})); err == nil {
		t.Error("a list as create was run")
	}
}
