// Command pulumi-resource-alicloud serves this project's alicloud bridge to the Pulumi engine.
package main

import (
	_ "embed"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"

	"wechat-https-backend/engine/alicloud/mapping"
)

// The schema cmd/schema generated at build time (not committed).
//
//go:embed schema.json
var schema []byte

// Set at build time to the version of @pulumi/alicloud the plugin is installed for.
var version = "0.0.0"

func main() {
	tfbridge.Main("alicloud", version, mapping.Info(version), schema)
}
