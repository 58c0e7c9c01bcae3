package provider

import (
	"context"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

func diff(t *testing.T, s *Server, oldInputs, news resource.PropertyMap, ignore ...string) *pulumirpc.DiffResponse {
	t.Helper()
	state := stateOf(oldInputs, commandOutputs{stdout: "out"})
	resp, err := s.Diff(context.Background(), &pulumirpc.DiffRequest{
		Id: "greet1234", Urn: testURN, Olds: toStruct(t, state), OldInputs: toStruct(t, oldInputs),
		News: toStruct(t, news), IgnoreChanges: ignore,
	})
	if err != nil {
		t.Fatal(err)
	}
	return resp
}

func TestChangedTriggersReplace(t *testing.T) {
	s, _ := newTestServer(t)
	olds := props(map[string]any{"create": "echo hi", "triggers": []any{"a", "b"}})

	resp := diff(t, s, olds, props(map[string]any{"create": "echo hi", "triggers": []any{"a", "c"}}))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME ||
		resp.GetDetailedDiff()["triggers[1]"].GetKind() != pulumirpc.PropertyDiff_UPDATE_REPLACE ||
		!slices.Equal(resp.GetReplaces(), []string{"triggers"}) {
		t.Errorf("changed trigger: %v", resp)
	}

	resp = diff(t, s, olds, props(map[string]any{"create": "echo hi", "triggers": []any{"a", "b", "c"}}))
	if resp.GetDetailedDiff()["triggers[2]"].GetKind() != pulumirpc.PropertyDiff_ADD_REPLACE {
		t.Errorf("added trigger: %v", resp)
	}

	resp = diff(t, s, props(map[string]any{"create": "echo hi"}), olds)
	if resp.GetDetailedDiff()["triggers"].GetKind() != pulumirpc.PropertyDiff_ADD_REPLACE {
		t.Errorf("triggers set: %v", resp)
	}
}

func TestOtherChangesUpdate(t *testing.T) {
	s, _ := newTestServer(t)
	olds := props(map[string]any{"create": "echo hi", "environment": map[string]any{"A": "1"}, "triggers": []any{"a"}})
	resp := diff(t, s, olds, props(map[string]any{"create": "echo bye", "environment": map[string]any{"A": "2"}, "triggers": []any{"a"}}))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_SOME || len(resp.GetReplaces()) != 0 ||
		resp.GetDetailedDiff()["create"].GetKind() != pulumirpc.PropertyDiff_UPDATE ||
		resp.GetDetailedDiff()["environment.A"].GetKind() != pulumirpc.PropertyDiff_UPDATE ||
		!slices.Equal(resp.GetDiffs(), []string{"create", "environment"}) {
		t.Errorf("changed create and environment: %v", resp)
	}
	if resp.GetDeleteBeforeReplace() {
		t.Error("delete before replace")
	}
}

func TestNoChangeIsNoDiff(t *testing.T) {
	s, _ := newTestServer(t)
	olds := props(map[string]any{"create": "echo hi", "triggers": []any{"a"}})
	resp := diff(t, s, olds, props(map[string]any{"create": "echo hi", "triggers": []any{"a"}, "__internal": "x"}))
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE || len(resp.GetDetailedDiff()) != 0 {
		t.Errorf("unchanged inputs: %v", resp)
	}
}

func TestIgnoredChangesAreNoDiff(t *testing.T) {
	s, _ := newTestServer(t)
	olds := props(map[string]any{"create": "echo hi", "triggers": []any{"a"}})
	resp := diff(t, s, olds, props(map[string]any{"create": "echo hi", "triggers": []any{"b"}}), "triggers")
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("ignored triggers change: %v", resp)
	}
}

func TestOldInputsComeFromTheStateWhenTheEngineSendsNone(t *testing.T) {
	s := NewServer("1.2.1", nil, nil) // not configured to receive old inputs
	olds := props(map[string]any{"create": "echo hi"})
	resp, err := s.Diff(context.Background(), &pulumirpc.DiffRequest{
		Urn: testURN, Olds: toStruct(t, stateOf(olds, commandOutputs{stdout: "hi"})),
		News: toStruct(t, props(map[string]any{"create": "echo hi"})),
	})
	if err != nil {
		t.Fatal(err)
	}
	if resp.GetChanges() != pulumirpc.DiffResponse_DIFF_NONE {
		t.Errorf("outputs in the state counted as removed inputs: %v", resp)
	}
}
