// What the instance renderers (nginx, cloud-init, the app's container) say about options they cannot
// render, in English. The config checks refuse bad values first; these guard what reaches a file.
import type { Catalog } from "../../i18n";

export const en = {
  port: (p: { field: string; value: string }) => `${p.field} must be an integer port from 1 to 65535, got ${p.value}`,
  wholeSeconds: (p: { field: string; min: number; value: string }) =>
    `${p.field} must be a whole number of seconds >= ${p.min}, got ${p.value}`,
  nginxSize: (p: { field: string; value: string }) =>
    `${p.field} must be an nginx size like "20m" (digits, optional k/m/g), got ${p.value}`,
  uploadSizeRange: (p: { field: string; value: string; max: string }) =>
    `${p.field} must be from 1 byte to ${p.max} (0 turns nginx's limit off), got ${p.value}`,
  urlPath: (p: { field: string; value: string }) =>
    `${p.field} must be an absolute path of letters, digits and ._~/- (no query), got ${p.value}`,
  cidr: (p: { field: string; value: string }) => `${p.field} must be a network in CIDR notation like "100.64.0.0/10", got ${p.value}`,
  ipAddress: (p: { field: string; value: string }) => `${p.field} must be an IP address, got ${p.value}`,
  filePath: (p: { field: string; value: string }) => `${p.field} must be an absolute path of letters, digits and ._/-, got ${p.value}`,
  verifyFileName: (p: { field: string; name: string }) =>
    `${p.field}: ${p.name} is not a WeChat verification file name (10 characters.txt or MP_verify_<16>.txt)`,
  verifyFileContent: (p: { field: string; name: string; value: string }) =>
    `${p.field}.${p.name} must be letters and digits only, got ${p.value}`,
  hostName: (p: { field: string; value: string }) => `${p.field} must be a host name in lowercase like "api.example.com", got ${p.value}`,
  listenPortIsBackendPort: (p: { field: string }) => `${p.field}.listenPort must differ from backendPort (nginx listens on 127.0.0.1 too)`,
  httpsPortTaken: (p: { field: string }) => `${p.field}.tls.httpsPort must differ from listenPort and backendPort`,
  tlsHalfSet: () => "the instance edge needs both tls (the certificate's parameters) and nginx.tls (where nginx reads it)",
  tlsParameterName: () => "the certificate's parameter names and region are letters, digits, '/', '_' and '-' only",

  appVariableName: (p: { name: string }) => `app variable ${p.name} is not a name the app may be given`,
  variablePlainAndSecret: () => "a variable is both plain (env) and secret",
  appVariableControlCharacter: (p: { name: string }) => `app variable ${p.name} holds a control or line-separator character`,
  appSettingControlCharacter: () =>
    "the app's user, region, secret parameter names or registry login hold a control or line-separator character",
  regionNeeded: () => "region is needed to read secrets or log in to a registry",
  appAsRoot: () => "the app container may not run as root (uid 0) or in the root group (gid 0)",
  appImage: (p: { value: string }) =>
    `appImage must be an image reference like "registry-vpc.cn-hangzhou.aliyuncs.com/team/app:1.2.0", got ${p.value}`,
  environment: (p: { value: string }) => `environment must be lowercase letters, digits and "-" (e.g. "dev"), got ${p.value}`,
  logShipping: () => `logShipping needs a region id and a machine group id of at most 30 lowercase letters, digits and "-"`,
  readinessTimeout: (p: { min: number; max: number; value: string }) =>
    `readinessTimeout must be whole seconds from ${p.min} to ${p.max}, got ${p.value}`,

  invalidNginxOptions: () => "invalid nginx options:",
  invalidAppContainer: () => "invalid app container:",
  invalidCloudInitOptions: () => "invalid cloud-init options:",

  userDataTooBig: (p: { bytes: number; max: number }) =>
    `the instances' user data is ${p.bytes} bytes, above the ${p.max} bytes (before base64) ECS accepts, so RunInstances ` +
    "would fail at pulumi up; make what it embeds smaller (npm run render -- --stack <name> --out <dir> shows it)",
  userDataAboveOldLimit: (p: { bytes: number; max: number; old: number }) =>
    `the instances' user data is ${p.bytes} bytes: within ECS's ${p.max}-byte limit, above ` +
    `the ${p.old} bytes older Alibaba Cloud pages give`,
} as const satisfies Catalog;

export type InstanceMessages = typeof en;
