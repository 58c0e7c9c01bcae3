package provider

import (
	"slices"
	"strings"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource/plugin"
	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// diffInputs compares the old inputs with the new ones the way upstream's provider does (the default
// Diff of pulumi-go-provider v1.3.0, infer/resource.go, diff): a property-by-property diff of the
// inputs, where a change under triggers replaces the resource and any other change updates it.
// Values of ignored paths are taken from the old state first, and "version" and "__"-prefixed keys
// are left out. The resource is never deleted before its replacement is created.
//
// Upstream marks only the addition or removal of the whole triggers list as a replacement and
// leaves a changed element to the replaceOnChanges ["triggers[*]"] option its Node.js SDK always
// sets (local/command.js); this provider marks every change under triggers, so the replacement does
// not rest on the SDK. diffInputs edits news.
func diffInputs(oldInputs, state, news resource.PropertyMap, ignoreChanges []string) *pulumirpc.DiffResponse {
	keepIgnored(news, state, ignoreChanges)
	for key := range news {
		if key == "version" || strings.HasPrefix(string(key), "__") {
			delete(news, key)
		}
	}

	objectDiff := oldInputs.Diff(news)
	response := &pulumirpc.DiffResponse{
		Changes:         pulumirpc.DiffResponse_DIFF_NONE,
		HasDetailedDiff: true,
		DetailedDiff:    map[string]*pulumirpc.PropertyDiff{},
	}
	if objectDiff.AnyChanges() {
		response.Changes = pulumirpc.DiffResponse_DIFF_SOME
	}
	for path, change := range plugin.NewDetailedDiffFromObjectDiff(objectDiff, false) {
		top := topLevelKey(path)
		if top == "triggers" {
			change.Kind = change.Kind.AsReplace()
		}
		response.DetailedDiff[path] = &pulumirpc.PropertyDiff{Kind: rpcDiffKind(change.Kind)}
		if !slices.Contains(response.Diffs, top) {
			response.Diffs = append(response.Diffs, top)
		}
		if change.Kind.IsReplace() && !slices.Contains(response.Replaces, top) {
			response.Replaces = append(response.Replaces, top)
		}
	}
	slices.Sort(response.Diffs)
	slices.Sort(response.Replaces)
	return response
}

// keepIgnored sets the ignored paths of news to their values in state (where state has them), as
// upstream does before a diff or an update. Upstream sets each path as a top-level key, which is the
// same for a top-level path; a nested path (the engine has applied ignoreChanges to news already) is
// set where it points instead of adding a key named after it.
func keepIgnored(news, state resource.PropertyMap, ignoreChanges []string) {
	for _, ignored := range ignoreChanges {
		path, err := resource.ParsePropertyPath(ignored)
		if err != nil {
			continue
		}
		if v, ok := path.Get(resource.NewObjectProperty(state)); ok {
			path.Set(resource.NewObjectProperty(news), v)
		}
	}
}

// oldInputsFromState stands in for the old inputs when the engine does not send them: the input
// properties of the old state.
func oldInputsFromState(state resource.PropertyMap) resource.PropertyMap {
	inputs := resource.PropertyMap{}
	for name := range inputKinds {
		if v, ok := state[resource.PropertyKey(name)]; ok {
			inputs[resource.PropertyKey(name)] = v
		}
	}
	return inputs
}

func topLevelKey(path string) string {
	if parsed, err := resource.ParsePropertyPath(path); err == nil && len(parsed) > 0 {
		if key, ok := parsed[0].(string); ok {
			return key
		}
	}
	return path
}

func rpcDiffKind(kind plugin.DiffKind) pulumirpc.PropertyDiff_Kind {
	switch kind {
	case plugin.DiffAddReplace:
		return pulumirpc.PropertyDiff_ADD_REPLACE
	case plugin.DiffDelete:
		return pulumirpc.PropertyDiff_DELETE
	case plugin.DiffDeleteReplace:
		return pulumirpc.PropertyDiff_DELETE_REPLACE
	case plugin.DiffUpdate:
		return pulumirpc.PropertyDiff_UPDATE
	case plugin.DiffUpdateReplace:
		return pulumirpc.PropertyDiff_UPDATE_REPLACE
	default:
		return pulumirpc.PropertyDiff_ADD
	}
}
