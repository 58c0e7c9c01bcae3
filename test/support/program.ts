// Runs the program or a single component under the project's mocks, for tests.
import { planStack, type StackPlan } from "../../tools/plan/planStack";
import { isSecretMarker } from "../../tools/plan/present";
import type { CloudCatalog } from "../../tools/plan/cloudCatalog";
import type { MockMode } from "../../tools/plan/mocks";
import { runProgram, type DeclaredResource, type ProgramRun } from "../../tools/plan/runProgram";
import { PROJECT_DIR } from "./paths";

export { PROJECT_DIR };

/** index.ts exports the program as a function, so one loaded copy serves every config. */
export function loadIndex(): unknown {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded only once the mocks are set
  return require("../../index") as unknown;
}

const committedPlans = new Map<string, Promise<StackPlan>>();

/**
 * The committed stack (or a stack file) run through the program, in test mode unless asked
 * otherwise. A committed stack is planned once per test file, mode and environment (the locale and
 * provider credentials in process.env change a plan), without a custom catalog: its plan depends
 * only on the committed files then, and tests only read it. The tests of the committed stacks share
 * one file (test/unit/stacks/committedStacks.test.ts) so that each stack is planned once per run.
 */
export function planOf(
  stackOrFile: { stack: string } | { configFile: string },
  mode: MockMode = "test",
  catalog?: CloudCatalog,
): Promise<StackPlan> {
  const plan = () => planStack({ projectDir: PROJECT_DIR, ...stackOrFile, mode, catalog, loadProgram: loadIndex });
  if (!("stack" in stackOrFile) || catalog) return plan();
  const environment = JSON.stringify(Object.entries(process.env).sort(([a], [b]) => a.localeCompare(b)));
  const key = `${stackOrFile.stack} ${mode} ${environment}`;
  const planned = committedPlans.get(key) ?? plan();
  committedPlans.set(key, planned);
  return planned;
}

/** Runs `build` (which declares components) under the mocks and records what it registers. */
export function runComponents(
  build: () => void,
  config: Record<string, string> = {},
  mode: MockMode = "test",
  catalog?: CloudCatalog,
): Promise<ProgramRun> {
  return runProgram({
    project: "wechat-https-backend",
    stack: "test",
    config: { "alicloud:region": "cn-hangzhou", ...config },
    mode,
    catalog,
    loadProgram: () => {
      build();
      return {};
    },
  });
}

/** The one resource of a type (and name, when several exist); fails the test when missing or ambiguous. */
export function findResource(run: { resources: DeclaredResource[] }, type: string, name?: string): DeclaredResource {
  const matches = run.resources.filter((r) => r.type === type && (name === undefined || r.name === name));
  if (matches.length !== 1) {
    const have = run.resources.map((r) => `${r.type} ${r.name}`).join("\n  ");
    throw new Error(`expected one ${type}${name ? ` named ${name}` : ""}, found ${matches.length}; registered:\n  ${have}`);
  }
  return matches[0];
}

export function resourcesOfType(run: { resources: DeclaredResource[] }, type: string): DeclaredResource[] {
  return run.resources.filter((r) => r.type === type);
}

/** The type tokens of the provider resources this project uses. */
export const T = {
  vpc: "alicloud:vpc/network:Network",
  vswitch: "alicloud:vpc/switch:Switch",
  securityGroup: "alicloud:ecs/securityGroup:SecurityGroup",
  securityGroupRule: "alicloud:ecs/securityGroupRule:SecurityGroupRule",
  instance: "alicloud:ecs/instance:Instance",
  command: "alicloud:ecs/command:Command",
  invocation: "alicloud:ecs/ecsInvocation:EcsInvocation",
  ramRoleAttachment: "alicloud:ecs/ramRoleAttachment:RamRoleAttachment",
  ramRole: "alicloud:ram/role:Role",
  ramPolicy: "alicloud:ram/policy:Policy",
  ramRolePolicyAttachment: "alicloud:ram/rolePolicyAttachment:RolePolicyAttachment",
  secretParameter: "alicloud:oos/secretParameter:SecretParameter",
  registryVpcLink: "alicloud:cr/vpcEndpointLinkedVpc:VpcEndpointLinkedVpc",
  loadBalancer: "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
  listener: "alicloud:slb/listener:Listener",
  backendServer: "alicloud:slb/backendServer:BackendServer",
  serverGroup: "alicloud:slb/serverGroup:ServerGroup",
  serverAttachment: "alicloud:slb/serverGroupServerAttachment:ServerGroupServerAttachment",
  localCommand: "command:local:Command",
  serverCertificate: "alicloud:slb/serverCertificate:ServerCertificate",
  dnsRecord: "alicloud:dns/alidnsRecord:AlidnsRecord",
  tlsKey: "tls:index/privateKey:PrivateKey",
  selfSigned: "tls:index/selfSignedCert:SelfSignedCert",
  certRequest: "tls:index/certRequest:CertRequest",
  acmeRegistration: "acme:index/registration:Registration",
  acmeCertificate: "acme:index/certificate:Certificate",
  fcFunction: "alicloud:fc/v3Function:V3Function",
  fcTrigger: "alicloud:fc/v3Trigger:V3Trigger",
  siteMonitor: "alicloud:cms/siteMonitor:SiteMonitor",
  alarm: "alicloud:cms/alarm:Alarm",
  alarmContact: "alicloud:cms/alarmContact:AlarmContact",
  alarmContactGroup: "alicloud:cms/alarmContactGroup:AlarmContactGroup",
  logProject: "alicloud:log/project:Project",
  logStore: "alicloud:log/store:Store",
  logStoreIndex: "alicloud:log/storeIndex:StoreIndex",
  machineGroup: "alicloud:log/machineGroup:MachineGroup",
  logtailConfig: "alicloud:log/logTailConfig:LogTailConfig",
  logtailAttachment: "alicloud:log/logTailAttachment:LogTailAttachment",
  ossBucket: "alicloud:oss/bucket:Bucket",
} as const;

/** True when an input arrived at the provider as a Pulumi secret. */
export const isSecretInput = isSecretMarker;

/** The value inside a secret input. */
export function revealSecret(value: unknown): unknown {
  return isSecretInput(value) ? (value as { value: unknown }).value : value;
}
