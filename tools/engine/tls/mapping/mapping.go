// Package mapping is this project's bridge of HashiCorp's TLS provider, under the tokens @pulumi/tls
// gives its types (every type in the package's one module, `tls:index/<camelName>:<PascalName>`).
package mapping

import (
	"github.com/hashicorp/terraform-provider-tls/shim"
	pf "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfbridge"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	tftokens "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge/tokens"
)

// Info describes the provider to the bridge, with the runtime settings the published plugin turns on
// (pulumi/pulumi-tls provider/resources.go): the zero default schema version and the bridge's
// accurate preview of plugin-framework resources.
func Info(version string) tfbridge.ProviderInfo {
	info := tfbridge.ProviderInfo{
		P:                              pf.ShimProvider(shim.NewProvider()),
		Name:                           "tls",
		Version:                        version,
		GitHubOrg:                      "hashicorp",
		MetadataInfo:                   tfbridge.NewProviderMetadata(nil),
		EnableZeroDefaultSchemaVersion: true,
		EnableAccurateBridgePreview:    true,
	}
	info.MustComputeTokens(tftokens.SingleModule("tls_", "index", tftokens.MakeStandard("tls")))
	return info
}
