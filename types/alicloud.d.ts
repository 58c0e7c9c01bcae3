// What tsc reads for `import * as alicloud from "@pulumi/alicloud"` (tsconfig.json "paths"): the
// provider modules this project uses, re-exported from the installed provider itself. The package's
// own index pulls in all of its 200-odd modules, over 2,000 declaration files and most of the type
// check's time. Node still loads the real package at run time, so only the types come from here: a
// provider module the code starts using is added below, or tsc says it does not exist.
export * as cas from "@pulumi/alicloud/cas";
export * as cms from "@pulumi/alicloud/cms";
export * as cr from "@pulumi/alicloud/cr";
export * as dns from "@pulumi/alicloud/dns";
export * as ecs from "@pulumi/alicloud/ecs";
export * as fc from "@pulumi/alicloud/fc";
export * as log from "@pulumi/alicloud/log";
export * as oos from "@pulumi/alicloud/oos";
export * as oss from "@pulumi/alicloud/oss";
export * as ram from "@pulumi/alicloud/ram";
export * as slb from "@pulumi/alicloud/slb";
export * as vpc from "@pulumi/alicloud/vpc";
export * as types from "@pulumi/alicloud/types";
export { getCallerIdentity, getCallerIdentityOutput } from "@pulumi/alicloud/getCallerIdentity";
export { getZones, getZonesOutput } from "@pulumi/alicloud/getZones";
export { Provider, type ProviderArgs } from "@pulumi/alicloud/provider";
