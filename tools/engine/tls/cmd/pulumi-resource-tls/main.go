// Command pulumi-resource-tls serves this project's TLS bridge to the Pulumi engine.
package main

import (
	"context"
	_ "embed"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfbridge"

	"wechat-https-backend/engine/tls/mapping"
)

// The schema cmd/schema generated at build time (not committed).
//
//go:embed schema.json
var schema []byte

// Set at build time to the version of @pulumi/tls the plugin is installed for.
var version = "0.0.0"

func main() {
	tfbridge.Main(context.Background(), "tls", mapping.Info(version), tfbridge.ProviderMetadata{PackageSchema: schema})
}
