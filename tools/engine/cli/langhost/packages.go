package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	pulumirpc "github.com/pulumi/pulumi/sdk/v3/proto/go"
)

// packageJSON is the part of a package.json that says whether a package brings a provider plugin.
type packageJSON struct {
	Name    string `json:"name"`
	Version string `json:"version"`
	Pulumi  struct {
		Resource bool   `json:"resource"`
		Name     string `json:"name"`
		Version  string `json:"version"`
		Server   string `json:"server"`
	} `json:"pulumi"`
}

// providerPackages finds every package.json in a node_modules folder below dir whose "pulumi" section
// marks a resource plugin, following linked folders once, with the plugin's name and version derived
// as the release's host derives them (getPluginName, getPluginVersion): the section's own values,
// else the package's.
func providerPackages(dir string) ([]*pulumirpc.PackageDependency, error) {
	w := walker{visited: map[string]bool{}, seen: map[string]bool{}}
	err := w.walk(dir, false)
	return w.pkgs, err
}

type walker struct {
	visited map[string]bool
	seen    map[string]bool
	pkgs    []*pulumirpc.PackageDependency
}

func (w *walker) walk(dir string, inNodeModules bool) error {
	real, err := filepath.EvalSymlinks(dir)
	if err != nil || w.visited[real] {
		return nil // a dangling link, or a folder already read through another path
	}
	w.visited[real] = true
	entries, err := os.ReadDir(dir)
	if err != nil {
		return err
	}
	for _, e := range entries {
		path := filepath.Join(dir, e.Name())
		isDir := e.IsDir()
		if e.Type()&fs.ModeSymlink != 0 {
			if info, err := os.Stat(path); err == nil {
				isDir = info.IsDir()
			}
		}
		switch {
		case isDir && e.Name() == ".git":
		case isDir:
			if err := w.walk(path, inNodeModules || e.Name() == "node_modules"); err != nil {
				return err
			}
		case inNodeModules && e.Name() == "package.json":
			pkg, err := readPackage(path)
			if err != nil {
				return err
			}
			if pkg != nil && !w.seen[pkg.Name+"@"+pkg.Version] {
				w.seen[pkg.Name+"@"+pkg.Version] = true
				w.pkgs = append(w.pkgs, pkg)
			}
		}
	}
	return nil
}

func readPackage(path string) (*pulumirpc.PackageDependency, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	var info packageJSON
	if json.Unmarshal(data, &info) != nil || !info.Pulumi.Resource {
		return nil, nil // not a provider package (or not a package.json we can read: npm's test fixtures)
	}
	name := info.Pulumi.Name
	if name == "" {
		if !strings.HasPrefix(info.Name, "@pulumi/") {
			return nil, fmt.Errorf("%s: a third-party provider package must name its plugin in \"pulumi\".name", path)
		}
		name = strings.TrimPrefix(info.Name, "@pulumi/")
	}
	version := info.Pulumi.Version
	if version == "" {
		version = info.Version
	}
	if version == "" {
		return nil, errors.New(path + ": no version")
	}
	if !strings.HasPrefix(version, "v") {
		version = "v" + version
	}
	return &pulumirpc.PackageDependency{Kind: "resource", Name: name, Version: version, Server: info.Pulumi.Server}, nil
}
