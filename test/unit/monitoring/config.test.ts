// The monitoring keys through the stack config: on/off/auto, robots (a secret, never quoted), email
// addresses, the FC schedule syntax, probe points, and warnings when alerts would reach nobody.
import { resolveStackConfig, UNREADABLE_SECRET } from "../../../lib/config/stackConfig";
import { P, refusalOf } from "../../support/config";
import { DEFAULT_SITE_MONITOR_PROBES } from "../../../lib/monitoring/defaults";
import { globalNames } from "../../../lib/monitoring/names";
import { checkSchedule } from "../../../lib/monitoring/schedule";
import { FUNCTION_ENV } from "../../../lib/monitoring/functionEnv";
import { readConfig } from "../../../monitor/config";

const WECOM = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa";
const DING = "https://oapi.dingtalk.com/robot/send?access_token=0123456789abcdef0123456789abcdef";
const DING_SECRET = "SEC0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

function resolve(values: Record<string, string>, stack = "dev") {
  const full = Object.fromEntries(Object.entries(values).map(([k, v]) => [P + k, v]));
  return resolveStackConfig({
    stack,
    values: { "alicloud:region": "cn-hangzhou", [P + "domain"]: "api.example.com", [P + "certificateSource"]: "pem", ...full },
  });
}

function problems(values: Record<string, string>, stack = "dev"): string[] {
  return refusalOf(() => resolve(values, stack));
}

const pem = { certificatePem: UNREADABLE_SECRET, privateKeyPem: UNREADABLE_SECRET };

describe("monitoring on, off, auto", () => {
  test("auto is off in dev and on in prod", () => {
    expect(resolve(pem).settings.monitoring).toBeUndefined();
    const prod = resolve({ ...pem, environment: "prod", icpLicense: "京ICP备1号-1", alertWebhooks: UNREADABLE_SECRET }, "prod");
    expect(prod.settings.monitoring).toMatchObject({ verifySchedule: "@every 60m", logRetentionDays: 30, region: "cn-hangzhou" });
    expect(prod.settings.monitoring?.robots).toEqual({ known: false });
  });

  test("on in dev, with the defaults and the probe points of the provider's acceptance tests", () => {
    const monitoring = resolve({ ...pem, monitoring: "on", alertEmails: '["Ops@Example.com", "ops@example.com"]' }).settings.monitoring;
    expect(monitoring?.alertEmails).toEqual(["ops@example.com"]);
    expect(monitoring?.siteMonitorProbes.map((p) => `${p.isp}:${p.city}:${p.type}`)).toEqual([...DEFAULT_SITE_MONITOR_PROBES]);
    expect(monitoring?.names).toMatchObject({
      functionName: "whb-dev-monitor",
      machineGroupId: "whb-dev",
      siteMonitorTask: "whb_dev_health",
    });
  });

  test("the globally unique names follow account, region and stack, never the domain (a new name would delete the logs)", () => {
    const names = globalNames("dev", "cn-hangzhou", "1234567890123456");
    expect(names.bucket).toMatch(/^whb-dev-monitor-[0-9a-f]{8}$/);
    expect(names.logProject).toMatch(/^whb-dev-logs-[0-9a-f]{8}$/);
    // Another account, region or stack: other names, so nobody else's bucket or project is hit.
    for (const other of [
      globalNames("dev", "cn-hangzhou", "6543210987654321"),
      globalNames("dev", "cn-shanghai", "1234567890123456"),
      globalNames("qa", "cn-hangzhou", "1234567890123456"),
    ]) {
      expect(other.bucket).not.toBe(names.bucket);
      expect(other.logProject).not.toBe(names.logProject);
    }
  });

  test("off says so when alert destinations are set", () => {
    const { warnings } = resolve({ ...pem, monitoring: "off", alertEmails: '["ops@example.com"]' });
    expect(warnings).toContainEqual(expect.stringMatching(/alertEmails is set but monitoring is off.*pulumi config set monitoring on/));
  });

  test("on with nobody to tell is a warning naming both keys", () => {
    const { warnings } = resolve({ ...pem, monitoring: "on" });
    expect(warnings).toContainEqual(expect.stringMatching(/tells nobody: set alertWebhooks .* or alertEmails/));
  });

  test("a value other than on, off or auto is refused with the choices", () => {
    expect(problems({ ...pem, monitoring: "yes" })).toContainEqual(expect.stringMatching(/^monitoring: "yes" is not auto, on or off/));
  });
});

describe("alertWebhooks", () => {
  test("WeCom and DingTalk robots, a DingTalk signing secret after #", () => {
    const robots = resolve({ ...pem, monitoring: "on", alertWebhooks: JSON.stringify([WECOM, `${DING}#${DING_SECRET}`]) }).settings
      .monitoring?.robots;
    expect(robots).toEqual({
      known: true,
      value: [
        { kind: "wecom", url: WECOM },
        { kind: "dingtalk", url: DING, secret: DING_SECRET },
      ],
    });
  });

  test("one URL set without --path is one robot", () => {
    expect(resolve({ ...pem, monitoring: "on", alertWebhooks: WECOM }).settings.monitoring?.robots).toEqual({
      known: true,
      value: [{ kind: "wecom", url: WECOM }],
    });
  });

  test("per-item secure values (the offline plan) are an unknown secret, not an error", () => {
    const raw = JSON.stringify([{ secure: "v1:abc" }]);
    expect(resolve({ ...pem, monitoring: "on", alertWebhooks: raw }).settings.monitoring?.robots).toEqual({ known: false });
  });

  test.each([
    ["not a URL", "qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abcdef", /alertWebhooks\[0\] is not a URL/],
    ["another host", "https://hooks.example.org/send?key=abcdefgh", /alertWebhooks\[0\] points at hooks\.example\.org, which is neither/],
    ["http", WECOM.replace("https:", "http:"), /alertWebhooks\[0\] must be an https:\/\/ URL/],
    ["no key", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send", /alertWebhooks\[0\] is not a wecom robot webhook/],
    ["a secret on WeCom", `${WECOM}#${DING_SECRET}`, /only DingTalk robots take a signing secret/],
    ["a malformed secret", `${DING}#hunter2`, /does not look like DingTalk's/],
    ["a broken %-escape after #", `${DING}#SEC%zz`, /has a "#" part with a broken %-escape/],
  ])("%s is refused by position, never quoting the value", (_name, entry, message) => {
    const found = problems({ ...pem, monitoring: "on", alertWebhooks: JSON.stringify([entry]) });
    expect(found).toContainEqual(expect.stringMatching(message));
    const key = new URL(entry.includes("://") ? entry : `https://${entry}`).searchParams.get("key");
    for (const problem of found) {
      expect(problem).not.toContain(entry);
      if (key) expect(problem).not.toContain(key);
      expect(problem).not.toContain(DING_SECRET);
      expect(problem).toMatch(/pulumi config set --secret --path 'alertWebhooks\[0\]'/);
    }
  });

  test("in a zh run the refusal is Chinese, still by position and without the URL", () => {
    const entry = WECOM.replace("https:", "http:");
    const found = refusalOf(() =>
      resolveStackConfig({
        stack: "dev",
        locale: "zh-CN",
        values: {
          "alicloud:region": "cn-hangzhou",
          [P + "domain"]: "api.example.com",
          [P + "certificateSource"]: "pem",
          [P + "certificatePem"]: UNREADABLE_SECRET,
          [P + "privateKeyPem"]: UNREADABLE_SECRET,
          [P + "monitoring"]: "on",
          [P + "alertWebhooks"]: JSON.stringify([entry]),
        },
      }),
    );
    const problem = found.find((p) => p.startsWith("alertWebhooks[0]"));
    expect(problem).toMatch(
      /^alertWebhooks\[0\] 必须是 https:\/\/ URL（wecom 机器人的地址以 https:\/\/ 开头）；请用 pulumi config set --secret/,
    );
    expect(problem).not.toContain(entry);
  });

  test("more robots than fit in FC's 4 KB of environment variables are refused", () => {
    const many = Array.from({ length: 30 }, (_, i) => `${DING}${i}#${DING_SECRET}`);
    expect(problems({ ...pem, monitoring: "on", alertWebhooks: JSON.stringify(many) })).toContainEqual(
      expect.stringMatching(/alertWebhooks: 30 robots take \d+ bytes.*4 KB/),
    );
  });
});

describe("alertEmails, verifySchedule, logRetentionDays, siteMonitorProbes", () => {
  test("a bad address is named with the fix", () => {
    expect(problems({ ...pem, monitoring: "on", alertEmails: '["ops-at-example.com"]' })).toContainEqual(
      expect.stringMatching(
        /alertEmails\[0\]: "ops-at-example.com" is not an email address; e\.g\. pulumi config set --path 'alertEmails\[0\]'/,
      ),
    );
  });

  test("a five-field crontab is refused with FC's six-field form", () => {
    expect(problems({ ...pem, verifySchedule: "0 * * * *" })).toContainEqual(
      expect.stringMatching(/verifySchedule: "0 \* \* \* \*" has 5 fields; FC's cron has six, seconds first/),
    );
  });

  test("retention outside Log Service's 1-3650 days is refused", () => {
    expect(problems({ ...pem, logRetentionDays: "0" })).toContainEqual(expect.stringMatching(/logRetentionDays: 0 is outside 1-3650/));
  });

  test("probe points: isp:city with an optional network type", () => {
    const monitoring = resolve({ ...pem, monitoring: "on", siteMonitorProbes: '["232:641", "5:738:MOBILE"]' }).settings.monitoring;
    expect(monitoring?.siteMonitorProbes).toEqual([
      { isp: "232", city: "641" },
      { isp: "5", city: "738", type: "MOBILE" },
    ]);
    expect(problems({ ...pem, siteMonitorProbes: '["China Telecom:Beijing"]' })).toContainEqual(
      expect.stringMatching(/siteMonitorProbes\[0\]: "China Telecom:Beijing" is not isp:city/),
    );
  });
});

describe("FC timer syntax", () => {
  test.each([
    "@every 60m",
    "@every 1m",
    "@every 24h",
    "0 0 * * * *",
    "0 */15 * * * *",
    "CRON_TZ=Asia/Shanghai 0 30 9 * * MON-FRI",
    "0 0 4 1 * ?",
  ])("%s is accepted", (schedule) => expect(checkSchedule(schedule)).toBeUndefined());

  test.each([
    ["@every 0m", /between @every 1m and @every 24h/],
    ["@every 25h", /between @every 1m and @every 24h/],
    ["@hourly", /not an interval FC takes/],
    ["@every 1d", /not an interval FC takes/],
    ["0 60 * * * *", /minutes field "60" is outside 0-59/],
    ["0 0 24 * * *", /hours field "24" is outside 0-23/],
    ["0 0 0 0 * *", /day of month field "0" is outside 1-31/],
    ["0 0 0 * 13 *", /month field "13" is outside 1-12/],
    ["0 0 0 * * 7", /day of week field "7" is outside 0-6/],
    ["0 */0 * * * *", /bad step/],
    ["CRON_TZ= 0 0 * * * *", /CRON_TZ=Asia\/Shanghai/],
  ])("%s is refused: %s", (schedule, message) => expect(checkSchedule(schedule)).toMatch(message));
});

describe("alertLanguage", () => {
  const prod = { ...pem, environment: "prod", icpLicense: "京ICP备1号-1", alertWebhooks: UNREADABLE_SECRET };

  test("Chinese by default, en when set; anything else is refused naming the key and the values", () => {
    expect(resolve(prod, "prod").settings.monitoring?.alertLanguage).toBe("zh-CN");
    expect(resolve({ ...prod, alertLanguage: "en" }, "prod").settings.monitoring?.alertLanguage).toBe("en");
    const refused = problems({ ...prod, alertLanguage: "fr" }, "prod").join("\n");
    expect(refused).toContain("alertLanguage");
    expect(refused).toContain("zh-CN");
  });

  test("the function reads it from its environment: zh-CN when absent or unreadable, en when set", () => {
    const base = { [FUNCTION_ENV.verify]: JSON.stringify({ url: "https://api.example.com/" }) };
    expect(readConfig(base).config?.language).toBe("zh-CN");
    expect(readConfig({ ...base, [FUNCTION_ENV.alertLanguage]: "en" }).config?.language).toBe("en");
    expect(readConfig({ ...base, [FUNCTION_ENV.alertLanguage]: "zh-CN" }).config?.language).toBe("zh-CN");
    expect(readConfig({ ...base, [FUNCTION_ENV.alertLanguage]: "klingon" }).config?.language).toBe("zh-CN");
  });
});
