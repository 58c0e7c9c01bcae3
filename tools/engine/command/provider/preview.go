package provider

import "github.com/pulumi/pulumi/sdk/v3/go/common/resource"

// What a preview reports, following pulumi-go-provider v1.3.0 (infer/resource.go, markComputed with
// the default dependencies: every output depends on every input), which upstream relies on. Inputs
// are reported as given, unknowns included.

// previewCreateState: stdout and stderr are unknown; assets and archive are left out (a program
// sees them as unknown in a preview too).
func previewCreateState(news resource.PropertyMap) resource.PropertyMap {
	state := news.Copy()
	state[keyStdout] = resource.MakeComputed(resource.NewProperty(""))
	state[keyStderr] = resource.MakeComputed(resource.NewProperty(""))
	return state
}

// previewUpdateState: the previous outputs, all made unknown when an input is unknown or differs from
// the old state's value. As upstream, an input the old state does not have does not count as a
// change.
func previewUpdateState(olds, news resource.PropertyMap, previous commandOutputs) resource.PropertyMap {
	state := stateOf(news, previous)
	if !inputsChanged(olds, news) {
		return state
	}
	for _, key := range outputKeys {
		if v, ok := state[resource.PropertyKey(key)]; ok {
			state[resource.PropertyKey(key)] = resource.MakeComputed(v)
		}
	}
	return state
}

func inputsChanged(olds, news resource.PropertyMap) bool {
	for name := range inputKinds {
		key := resource.PropertyKey(name)
		current := news[key]
		if current.IsComputed() {
			return true
		}
		if old, had := olds[key]; had && !current.DeepEquals(old) {
			return true
		}
	}
	return false
}
