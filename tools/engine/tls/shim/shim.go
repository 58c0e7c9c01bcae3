// Package shim hands the TLS provider's constructor to the bridge. Go lets only packages under
// github.com/hashicorp/terraform-provider-tls/ import its internal/provider, hence this module's path.
package shim

import (
	"github.com/hashicorp/terraform-plugin-framework/provider"
	upstream "github.com/hashicorp/terraform-provider-tls/internal/provider"
)

// NewProvider returns the upstream TLS provider.
func NewProvider() provider.Provider { return upstream.New() }
