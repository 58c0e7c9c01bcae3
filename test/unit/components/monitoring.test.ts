// The Monitoring component under the mocks: every resource, and how they are wired to each other
// and to the stack (function, timer, bucket mount, role, logs, site monitor, alarms, contacts).
import * as pulumi from "@pulumi/pulumi";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Monitoring } from "../../../components/monitoring";
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import type { MonitoringSettings } from "../../../lib/config/settings";
import { FUNCTION_ENV } from "../../../lib/monitoring/functionEnv";
import { globalNames } from "../../../lib/monitoring/names";
import type { ProgramRun } from "../../../tools/plan/runProgram";
import { FAKE } from "../../../tools/plan/mocks";
import { findResource, isSecretInput, resourcesOfType, revealSecret, runComponents, T } from "../../support/program";

const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";

function settings(changes: Record<string, string> = {}): MonitoringSettings {
  const P = "wechat-https-backend:";
  const resolved = resolveStackConfig({
    stack: "prod",
    values: {
      "alicloud:region": "cn-shanghai",
      [P + "domain"]: "api.example.com",
      [P + "environment"]: "prod",
      [P + "icpLicense"]: "京ICP备1号-1",
      [P + "acmeEmail"]: "ops@example.com",
      [P + "alertWebhooks"]: JSON.stringify([WECOM]),
      [P + "alertEmails"]: JSON.stringify(["ops@example.com", "oncall@example.com"]),
      [P + "verifySchedule"]: "@every 30m",
      [P + "logRetentionDays"]: "90",
      ...Object.fromEntries(Object.entries(changes).map(([key, value]) => [P + key, value])),
    },
  });
  if (!resolved.settings.monitoring) throw new Error("monitoring should be on in prod");
  return resolved.settings.monitoring;
}

function monitoringRun(changes: Record<string, string> = {}): Promise<ProgramRun> {
  return runComponents(() => {
    new Monitoring("mon", {
      settings: settings(changes),
      stack: "prod",
      domain: "api.example.com",
      healthPath: "/api/health",
      hstsMinSeconds: 31536000,
      minDaysRemaining: 30,
      certificateSource: "acme",
      loadBalancerId: pulumi.output("lb-123"),
      instanceIds: [pulumi.output("i-1"), pulumi.output("i-2")],
      tags: { stack: "prod" },
    });
  });
}

let run: ProgramRun;
beforeAll(async () => {
  run = await monitoringRun();
});

describe("Monitoring", () => {
  test("the function: nodejs20, the bundled zip, a role, the state bucket mounted, logs to its Logstore", () => {
    const fn = findResource(run, T.fcFunction);
    const bucket = findResource(run, T.ossBucket);
    const role = findResource(run, T.ramRole);
    const store = findResource(run, T.logStore, "mon-function-log");
    expect(fn.inputs).toMatchObject({
      runtime: "nodejs20",
      handler: "index.handler",
      functionName: "whb-prod-monitor",
      internetAccess: true,
    });
    expect(fn.inputs.role).toBe(role.state.arn);
    expect(fn.inputs.ossMountConfig).toEqual({
      mountPoints: [
        {
          bucketName: bucket.inputs.bucket,
          bucketPath: "/",
          endpoint: "http://oss-cn-shanghai-internal.aliyuncs.com",
          mountDir: "/mnt/monitor",
          readOnly: false,
        },
      ],
    });
    expect(fn.inputs.logConfig).toMatchObject({
      project: findResource(run, T.logProject).inputs.projectName,
      logstore: store.inputs.logstoreName,
    });
    // The role's policy must be attached before FC checks the role (mount, logs).
    expect(fn.options.dependsOn).toContainEqual({ type: T.ramRolePolicyAttachment, name: "mon-role-policy" });
    // A real zip (PK signature) holding index.js.
    const zip = Buffer.from(String((fn.inputs.code as { zipFile: string }).zipFile), "base64");
    expect(zip.subarray(0, 4).toString("hex")).toBe("504b0304");
    const dir = mkdtempSync(join(tmpdir(), "monitor-zip-"));
    try {
      writeFileSync(join(dir, "code.zip"), zip);
      const names = execFileSync("python3", [
        "-c",
        "import sys,zipfile;print(zipfile.ZipFile(sys.argv[1]).namelist())",
        join(dir, "code.zip"),
      ]);
      expect(names.toString().trim()).toBe("['index.js']");
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("the function's environment: the verifier's options, the robots only as a secret", () => {
    const fn = findResource(run, T.fcFunction);
    expect(isSecretInput(fn.inputs.environmentVariables)).toBe(true);
    const env = revealSecret(fn.inputs.environmentVariables) as Record<string, string>;
    expect(JSON.parse(env[FUNCTION_ENV.verify])).toEqual({
      url: "https://api.example.com/",
      healthPath: "/api/health",
      hstsMinSeconds: 31536000,
      minDays: 30,
      // Two verifications of 50 s at most and the 60 s between them fit the function's 180 s.
      deadlineSeconds: 50,
    });
    expect(JSON.parse(env[FUNCTION_ENV.robots])).toEqual([{ kind: "wecom", url: WECOM }]);
    expect(env[FUNCTION_ENV.stateDir]).toBe("/mnt/monitor/state");
    expect(env[FUNCTION_ENV.certificateSource]).toBe("acme");
    // alertLanguage's default: the robots post into Chinese team chats.
    expect(env[FUNCTION_ENV.alertLanguage]).toBe("zh-CN");
    // The robot URL appears in no other input of any resource.
    for (const r of run.resources) {
      for (const [key, value] of Object.entries(r.inputs)) {
        if (r.type === T.fcFunction && key === "environmentVariables") continue;
        expect(JSON.stringify(value) ?? "").not.toContain("693a91f6");
      }
    }
  });

  test("the timer: the configured schedule, on the function's latest version", () => {
    const trigger = findResource(run, T.fcTrigger);
    expect(trigger.inputs).toMatchObject({ functionName: "whb-prod-monitor", qualifier: "LATEST", triggerType: "timer" });
    expect(JSON.parse(String(trigger.inputs.triggerConfig))).toEqual({
      cronExpression: "@every 30m",
      enable: true,
      payload: JSON.stringify({ kind: "verify" }),
    });
  });

  test("the bucket and the log project are named for this account, region and stack", () => {
    const expected = globalNames("prod", "cn-shanghai", FAKE.accountId);
    expect(findResource(run, T.ossBucket).inputs.bucket).toBe(expected.bucket);
    expect(findResource(run, T.logProject).inputs.projectName).toBe(expected.logProject);
  });

  test("the role trusts Function Compute only and may touch only its bucket and the function's Logstore, in this account", () => {
    const role = findResource(run, T.ramRole);
    expect(JSON.parse(String(role.inputs.assumeRolePolicyDocument)).Statement[0].Principal).toEqual({ Service: ["fc.aliyuncs.com"] });
    const policy = JSON.parse(String(findResource(run, T.ramPolicy).inputs.policyDocument)) as { Statement: { Resource: string[] }[] };
    const bucket = String(findResource(run, T.ossBucket).inputs.bucket);
    const project = String(findResource(run, T.logProject).inputs.projectName);
    const logstore = String(findResource(run, T.logStore, "mon-function-log").inputs.logstoreName);
    expect(policy.Statement.flatMap((s) => s.Resource)).toEqual([
      `acs:oss:*:${FAKE.accountId}:${bucket}`,
      `acs:oss:*:${FAKE.accountId}:${bucket}/*`,
      `acs:log:cn-shanghai:${FAKE.accountId}:project/${project}/logstore/${logstore}`,
    ]);
  });

  test("the site monitor probes the health URL every minute over TLS 1.2+ from the probe points", () => {
    const site = findResource(run, T.siteMonitor);
    expect(site.inputs).toMatchObject({
      address: "https://api.example.com/api/health",
      taskType: "HTTP",
      interval: "1",
      taskName: "whb_prod_health",
      optionJson: { httpMethod: "get", minTlsVersion: "1.2" },
    });
    expect(site.inputs.ispCities).toEqual([
      { isp: "232", city: "641", type: "IDC" },
      { isp: "5", city: "738", type: "LASTMILE" },
      { isp: "5", city: "641", type: "IDC" },
    ]);
    expect(site.inputs).not.toHaveProperty("alertIds");
  });

  test("a second pulumi up shows no change in the site monitor's options: each provider field is set or ignored", () => {
    // The provider's option fields as the installed package declares them, read from its typings
    // rather than from the program: a field the provider reads back but the program neither sets nor
    // ignores would be a change on every preview (lib/monitoring/siteMonitor.ts says why).
    const typings = readFileSync(require.resolve("@pulumi/alicloud/types/input.d.ts"), "utf8");
    const body = /interface SiteMonitorOptionJson \{([\s\S]*?)\n {4}\}/.exec(typings)?.[1] ?? "";
    const fields = [...body.matchAll(/^ {8}(\w+)\?:/gm)].map((m) => m[1]);
    expect(fields.length).toBeGreaterThanOrEqual(27);
    const site = findResource(run, T.siteMonitor);
    const set = Object.keys(site.inputs.optionJson as object);
    const ignored = site.options.ignoreChanges ?? [];
    expect(set.sort()).toEqual(["httpMethod", "minTlsVersion", "timeout"]);
    for (const field of fields) {
      expect([field, set.includes(field) !== ignored.includes(`optionJson.${field}`)]).toEqual([field, true]);
    }
    expect(ignored.filter((path) => !fields.includes(path.replace(/^optionJson\./, "")))).toEqual([]);
  });

  test("four alarms to the contact group, each also relayed through the function", () => {
    const group = findResource(run, T.alarmContactGroup);
    const fn = findResource(run, T.fcFunction);
    const site = findResource(run, T.siteMonitor);
    const alarms = Object.fromEntries(resourcesOfType(run, T.alarm).map((a) => [a.name, a.inputs]));
    expect(Object.keys(alarms).sort()).toEqual(["mon-5xx", "mon-availability", "mon-cpu", "mon-unhealthy-backends"]);
    expect(alarms["mon-availability"]).toMatchObject({ project: "acs_networkmonitor", metric: "Availability", period: 60 });
    expect(JSON.parse(String(alarms["mon-availability"].metricDimensions))).toEqual([{ taskId: site.id }]);
    expect(alarms["mon-unhealthy-backends"]).toMatchObject({
      project: "acs_slb_dashboard",
      metric: "UnhealthyServerCount",
      escalationsCritical: { comparisonOperator: ">", threshold: "0", times: 3 },
    });
    expect(alarms["mon-5xx"]).toMatchObject({ project: "acs_slb_dashboard", metric: "InstanceStatusCode5xx" });
    expect(JSON.parse(String(alarms["mon-5xx"].metricDimensions))).toEqual([{ instanceId: "lb-123" }]);
    expect(alarms["mon-cpu"]).toMatchObject({ project: "acs_ecs_dashboard", metric: "CPUUtilization" });
    expect(JSON.parse(String(alarms["mon-cpu"].metricDimensions))).toEqual([{ instanceId: "i-1" }, { instanceId: "i-2" }]);
    for (const inputs of Object.values(alarms)) {
      expect(inputs.contactGroups).toEqual([group.inputs.alarmContactGroupName]);
      expect(inputs.targets).toEqual([{ targetId: "relay-to-robots", arn: fn.state.functionArn, level: "Critical" }]);
    }
  });

  test("no relay target without robots, or with alarmRelay off: the alarms reach the contact group only", async () => {
    const cases: Record<string, string>[] = [{ alertWebhooks: "[]" }, { alarmRelay: "off" }];
    for (const changes of cases) {
      const alarms = resourcesOfType(await monitoringRun(changes), T.alarm);
      expect(alarms).toHaveLength(4);
      for (const alarm of alarms) {
        expect(alarm.inputs).not.toHaveProperty("targets");
        expect(alarm.inputs.contactGroups).toHaveLength(1);
      }
    }
  });

  test("one contact per address in the group; the unconfirmed address is ignored on refresh", () => {
    const contacts = resourcesOfType(run, T.alarmContact);
    expect(contacts.map((c) => c.inputs.channelsMail)).toEqual(["ops@example.com", "oncall@example.com"]);
    for (const c of contacts) {
      expect(c.options.ignoreChanges).toEqual(["channelsMail"]);
      expect(String(c.inputs.alarmContactName).length).toBeLessThanOrEqual(40);
    }
    expect(findResource(run, T.alarmContactGroup).inputs.contacts).toEqual(contacts.map((c) => c.inputs.alarmContactName));
  });

  test("nginx's JSON access log to its Logstore through the instances' machine group, kept logRetentionDays", () => {
    const store = findResource(run, T.logStore, "mon-access-log");
    expect(store.inputs.retentionPeriod).toBe(90);
    expect(findResource(run, T.logStore, "mon-function-log").inputs.retentionPeriod).toBe(90);
    const group = findResource(run, T.machineGroup);
    expect(group.inputs).toMatchObject({ identifyType: "userdefined", identifyLists: ["whb-prod"] });
    const config = findResource(run, T.logtailConfig);
    expect(config.inputs.logstore).toBe(store.inputs.logstoreName);
    expect(JSON.parse(String(config.inputs.inputDetail))).toMatchObject({
      logType: "json_log",
      logPath: "/var/log/nginx",
      filePattern: "access.log",
    });
    expect(findResource(run, T.logtailAttachment).inputs).toMatchObject({
      logtailConfigName: config.inputs.name,
      machineGroupName: group.inputs.name,
    });
    const indexes = resourcesOfType(run, T.logStoreIndex);
    expect(indexes).toHaveLength(2);
    // Each with the delimiters a full-text search needs (an index without any has none to split on).
    for (const index of indexes) expect((index.inputs.fullText as { token?: string }).token).toMatch(/^(?=.* )(?=.*\n)(?=.*,).{5,}$/s);
  });
});
