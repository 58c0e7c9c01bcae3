package provider

import (
	"io/fs"
	"os"
	"path"
	"strings"

	"github.com/gobwas/glob"
	"github.com/pulumi/pulumi/sdk/v3/go/common/resource"
)

// globAssets finds the files (not directories) under dir that patterns select, keyed by their
// '/'-separated path relative to dir. The rules are upstream's (pulumi-command v1.2.1,
// provider/pkg/provider/local/commandOutputs.go, globAssets): gobwas/glob patterns with '/' as the
// separator, "!" in front excludes, and for each file the rules apply in order, so a later rule
// overrides an earlier one.
func globAssets(dir string, patterns []string) (map[string]*resource.Asset, error) {
	type rule struct {
		glob    glob.Glob
		exclude bool
	}
	rules := make([]rule, 0, len(patterns))
	for _, pattern := range patterns {
		exclude := strings.HasPrefix(pattern, "!")
		g, err := glob.Compile(strings.TrimPrefix(pattern, "!"), '/')
		if err != nil {
			return nil, err
		}
		rules = append(rules, rule{g, exclude})
	}

	assets := map[string]*resource.Asset{}
	err := fs.WalkDir(os.DirFS(dir), ".", func(file string, entry fs.DirEntry, err error) error {
		if err != nil || entry.IsDir() {
			return err
		}
		for _, r := range rules {
			if !r.glob.Match(file) {
				continue
			}
			if r.exclude {
				delete(assets, file)
				continue
			}
			if _, found := assets[file]; found {
				continue
			}
			asset, err := resource.NewPathAsset(path.Join(dir, file))
			if err != nil {
				return err
			}
			assets[file] = asset
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return assets, nil
}
