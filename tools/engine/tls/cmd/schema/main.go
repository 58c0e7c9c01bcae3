// Command schema writes the Pulumi schema of this project's TLS bridge, which the plugin embeds.
package main

import (
	"context"
	"fmt"
	"os"

	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/pf/tfgen"

	"wechat-https-backend/engine/tls/mapping"
)

func main() {
	if len(os.Args) != 3 {
		fmt.Fprintln(os.Stderr, "usage: schema <version> <out.json>")
		os.Exit(2)
	}
	res, err := tfgen.GenerateSchema(context.Background(), tfgen.GenerateSchemaOptions{
		ProviderInfo:  mapping.Info(os.Args[1]),
		XInMemoryDocs: true, // descriptions from the provider's own schema; no docs repository here
	})
	if err == nil {
		err = os.WriteFile(os.Args[2], res.ProviderMetadata.PackageSchema, 0o644)
	}
	if err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}
