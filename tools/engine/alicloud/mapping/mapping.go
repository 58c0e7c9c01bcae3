// Package mapping is this project's bridge of the upstream Terraform provider for Alibaba Cloud: the
// resources and data sources the stacks use, under the tokens @pulumi/alicloud gives them.
package mapping

import (
	"fmt"
	"sort"

	"github.com/aliyun/terraform-provider-alicloud/alicloud"
	"github.com/hashicorp/terraform-plugin-sdk/helper/schema"
	"github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfbridge"
	shimv1 "github.com/pulumi/pulumi-terraform-bridge/v3/pkg/tfshim/sdk-v1"
	"github.com/pulumi/pulumi/sdk/v3/go/common/tokens"
)

// Resources: Terraform type → the token the npm SDK registers (each class's __pulumiType).
var Resources = map[string]string{
	"alicloud_alidns_record":                      "alicloud:dns/alidnsRecord:AlidnsRecord",
	"alicloud_cms_alarm":                          "alicloud:cms/alarm:Alarm",
	"alicloud_cms_alarm_contact":                  "alicloud:cms/alarmContact:AlarmContact",
	"alicloud_cms_alarm_contact_group":            "alicloud:cms/alarmContactGroup:AlarmContactGroup",
	"alicloud_cms_site_monitor":                   "alicloud:cms/siteMonitor:SiteMonitor",
	"alicloud_cr_vpc_endpoint_linked_vpc":         "alicloud:cr/vpcEndpointLinkedVpc:VpcEndpointLinkedVpc",
	"alicloud_ecs_command":                        "alicloud:ecs/command:Command",
	"alicloud_ecs_invocation":                     "alicloud:ecs/ecsInvocation:EcsInvocation",
	"alicloud_ecs_ram_role_attachment":            "alicloud:ecs/ramRoleAttachment:RamRoleAttachment",
	"alicloud_eip_address":                        "alicloud:ecs/eipAddress:EipAddress",
	"alicloud_eip_association":                    "alicloud:ecs/eipAssociation:EipAssociation",
	"alicloud_fcv3_function":                      "alicloud:fc/v3Function:V3Function",
	"alicloud_fcv3_trigger":                       "alicloud:fc/v3Trigger:V3Trigger",
	"alicloud_instance":                           "alicloud:ecs/instance:Instance",
	"alicloud_log_machine_group":                  "alicloud:log/machineGroup:MachineGroup",
	"alicloud_log_project":                        "alicloud:log/project:Project",
	"alicloud_log_store":                          "alicloud:log/store:Store",
	"alicloud_log_store_index":                    "alicloud:log/storeIndex:StoreIndex",
	"alicloud_logtail_attachment":                 "alicloud:log/logTailAttachment:LogTailAttachment",
	"alicloud_logtail_config":                     "alicloud:log/logTailConfig:LogTailConfig",
	"alicloud_oos_secret_parameter":               "alicloud:oos/secretParameter:SecretParameter",
	"alicloud_oss_bucket":                         "alicloud:oss/bucket:Bucket",
	"alicloud_ram_policy":                         "alicloud:ram/policy:Policy",
	"alicloud_ram_role":                           "alicloud:ram/role:Role",
	"alicloud_ram_role_policy_attachment":         "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
	"alicloud_security_group":                     "alicloud:ecs/securityGroup:SecurityGroup",
	"alicloud_security_group_rule":                "alicloud:ecs/securityGroupRule:SecurityGroupRule",
	"alicloud_slb_backend_server":                 "alicloud:slb/backendServer:BackendServer",
	"alicloud_slb_listener":                       "alicloud:slb/listener:Listener",
	"alicloud_slb_load_balancer":                  "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
	"alicloud_slb_server_certificate":             "alicloud:slb/serverCertificate:ServerCertificate",
	"alicloud_slb_server_group":                   "alicloud:slb/serverGroup:ServerGroup",
	"alicloud_slb_server_group_server_attachment": "alicloud:slb/serverGroupServerAttachment:ServerGroupServerAttachment",
	"alicloud_vpc":                                "alicloud:vpc/network:Network",
	"alicloud_vswitch":                            "alicloud:vpc/switch:Switch",
}

// DataSources: Terraform data source → the token of the npm SDK's function.
var DataSources = map[string]string{
	"alicloud_alidns_domains":                        "alicloud:dns/getAlidnsDomains:getAlidnsDomains",
	"alicloud_caller_identity":                       "alicloud:index/getCallerIdentity:getCallerIdentity",
	"alicloud_images":                                "alicloud:ecs/getImages:getImages",
	"alicloud_instance_types":                        "alicloud:ecs/getInstanceTypes:getInstanceTypes",
	"alicloud_ssl_certificates_service_certificates": "alicloud:cas/getServiceCertificates:getServiceCertificates",
	"alicloud_zones":                                 "alicloud:index/getZones:getZones",
}

// Info is the bridge's description of the provider: the upstream provider with only the mapped types
// left in it, so a type the stacks start using fails plainly ("unrecognized resource type") until it
// is added above, instead of reaching a half-mapped schema.
func Info(version string) tfbridge.ProviderInfo {
	upstream := alicloud.Provider().(*schema.Provider)
	keepOnly(upstream.ResourcesMap, Resources)
	keepOnly(upstream.DataSourcesMap, DataSources)

	info := tfbridge.ProviderInfo{
		P:           shimv1.NewProvider(upstream),
		Name:        "alicloud",
		Version:     version,
		DisplayName: "Alibaba Cloud",
		GitHubOrg:   "aliyun",
		// The environment defaults @pulumi/alicloud's provider declares (its config vars.d.ts).
		Config: map[string]*tfbridge.SchemaInfo{
			"ecs_role_name": {Default: &tfbridge.DefaultInfo{EnvVars: []string{"ALICLOUD_ECS_ROLE_NAME"}}},
			"region":        {Default: &tfbridge.DefaultInfo{EnvVars: []string{"ALICLOUD_REGION"}}},
			"profile":       {Default: &tfbridge.DefaultInfo{EnvVars: []string{"ALICLOUD_PROFILE"}}},
		},
		Resources:   map[string]*tfbridge.ResourceInfo{},
		DataSources: map[string]*tfbridge.DataSourceInfo{},
	}
	for tf, tok := range Resources {
		info.Resources[tf] = &tfbridge.ResourceInfo{Tok: tokens.Type(tok)}
	}
	for tf, tok := range DataSources {
		info.DataSources[tf] = &tfbridge.DataSourceInfo{Tok: tokens.ModuleMember(tok)}
	}
	// As the published provider does: a `name` left unset gets the resource's name and a random suffix.
	info.SetAutonaming(255, "-")
	return info
}

func keepOnly(types map[string]*schema.Resource, mapped map[string]string) {
	for name := range mapped {
		if _, ok := types[name]; !ok {
			panic(fmt.Sprintf("the upstream provider has no %s: the mapping names a type it lacks", name))
		}
	}
	for name := range types {
		if _, ok := mapped[name]; !ok {
			delete(types, name)
		}
	}
}

// Names lists the mapped Terraform types, sorted, for messages.
func Names() []string {
	var names []string
	for n := range Resources {
		names = append(names, n)
	}
	for n := range DataSources {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}
