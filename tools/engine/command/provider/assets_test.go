package provider

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

func TestAssetAndArchivePathsCollectMatchingFiles(t *testing.T) {
	s, _ := newTestServer(t)
	dir := t.TempDir()
	state := mustCreate(t, s, props(map[string]any{
		"create":       "mkdir -p sub/deeper && echo a > a.txt && echo b > sub/b.txt && echo c > sub/deeper/secret.txt && echo d > d.log",
		"dir":          dir,
		"assetPaths":   []any{"**.txt", "!**secret.*"},
		"archivePaths": []any{"sub/**", "*.log"},
	}))

	assets := state["assets"].ObjectValue()
	var names []string
	for name, v := range assets {
		names = append(names, string(name))
		if !v.IsAsset() || v.AssetValue().Path != filepath.Join(dir, string(name)) {
			t.Errorf("asset %s is %v", name, v)
		}
	}
	slices.Sort(names)
	if want := []string{"a.txt", "sub/b.txt"}; !slices.Equal(names, want) {
		t.Errorf("assets %q, want %q", names, want)
	}

	archive := state["archive"].ArchiveValue()
	names = nil
	for name := range archive.Assets {
		names = append(names, name)
	}
	slices.Sort(names)
	if want := []string{"d.log", "sub/b.txt", "sub/deeper/secret.txt"}; !slices.Equal(names, want) {
		t.Errorf("archive holds %q, want %q", names, want)
	}
}

func TestAssetsOfAnUpdateWithoutPathsStay(t *testing.T) {
	s, _ := newTestServer(t)
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "kept.txt"), []byte("k"), 0o600); err != nil {
		t.Fatal(err)
	}
	olds := mustCreate(t, s, props(map[string]any{"create": "true", "dir": dir, "assetPaths": []any{"*.txt"}}))
	state, err := update(t, s, olds, props(map[string]any{"create": "echo again", "dir": dir}), false)
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := state["assets"].ObjectValue()[resource.PropertyKey("kept.txt")]; !ok {
		t.Errorf("assets after the update: %v", state["assets"])
	}
}

// Without dir, paths are relative to the plugin's working directory (the program's directory).
func TestAssetPathsWithoutDirAreRelativeToTheWorkingDirectory(t *testing.T) {
	s, _ := newTestServer(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	state := mustCreate(t, s, props(map[string]any{"create": "true", "assetPaths": []any{"schema.json"}}))
	asset := state["assets"].ObjectValue()["schema.json"]
	if !asset.IsAsset() || asset.AssetValue().Path != filepath.Join(wd, "schema.json") {
		t.Errorf("assets %v", state["assets"])
	}
}
