// The monitoring function as Function Compute runs it: the zip built the way `pulumi up` builds it,
// unpacked by another zip implementation (Python's) into an empty temporary directory, and its
// handler called by a bare `node` with nothing installed, against loopback TLS sites and a fake
// robot server. A failure is alerted once, a repeat not at all, the recovery once; no log line
// carries a robot URL, key, token or signing secret.
import { execFile, execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import * as http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildFunctionBundle } from "../../../lib/monitoring/bundle";
import { FUNCTION_ENV } from "../../../lib/monitoring/functionEnv";
import { EC_P256, chainPem, createPki } from "../../support/pki";
import { startSite, type RunningSite } from "../../support/tlsServers";

const HOST = "monitor.test";
const WECOM_KEY = "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9";
const DING_TOKEN = "d1n9t0k3nd1n9t0k3nd1n9t0k3nd1n9t0k3n";
const DING_SECRET = "SEC5e1f2a3b4c5d6e7f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7";

interface Posted {
  readonly path: string;
  readonly query: URLSearchParams;
  readonly body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}

let dir: string;
let functionDir: string;
let sites: Record<"good" | "unhealthy" | "expiring", RunningSite>;
let rootPem: string;
let robotServer: http.Server;
let robotPort: number;
const posted: Posted[] = [];

function listen(server: http.Server): Promise<number> {
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port)));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "monitor-bundle-"));
  functionDir = join(dir, "code");
  const bundle = buildFunctionBundle(undefined, true);
  writeFileSync(join(dir, "code.zip"), Buffer.from(bundle.zipBase64, "base64"));
  execFileSync("python3", ["-m", "zipfile", "-e", join(dir, "code.zip"), functionDir]);

  const pki = await createPki("monitor test");
  rootPem = pki.root.certPem;
  const [good, expiring] = await Promise.all([
    pki.leaf({ dnsNames: [HOST], key: EC_P256 }),
    pki.leaf({ dnsNames: [HOST], key: EC_P256, notAfterDays: 10 }),
  ]);
  const base = { chainPem: chainPem(good, pki.intermediate), keyPem: good.keyPem, hsts: "max-age=31536000" };
  const [g, u, e] = await Promise.all([
    startSite(HOST, base),
    startSite(HOST, { ...base, healthStatus: 503 }),
    startSite(HOST, { ...base, chainPem: chainPem(expiring, pki.intermediate), keyPem: expiring.keyPem }),
  ]);
  sites = { good: g, unhealthy: u, expiring: e };

  robotServer = http.createServer((req, res) => {
    let body = "";
    req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://robot");
      posted.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(body) as Posted["body"] });
      res.writeHead(200, { "content-type": "application/json" }).end('{"errcode":0,"errmsg":"ok"}');
    });
  });
  robotPort = await listen(robotServer);
});

afterAll(async () => {
  await Promise.all(Object.values(sites ?? {}).map((s) => s.close()));
  await new Promise<void>((resolve) => (robotServer ? robotServer.close(() => resolve()) : resolve()));
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function robots(): { kind: string; url: string; secret?: string }[] {
  return [
    { kind: "wecom", url: `http://127.0.0.1:${robotPort}/cgi-bin/webhook/send?key=${WECOM_KEY}` },
    { kind: "dingtalk", url: `http://127.0.0.1:${robotPort}/robot/send?access_token=${DING_TOKEN}`, secret: DING_SECRET },
  ];
}

interface Invocation {
  readonly summary: { kind: string; failed?: string[]; recovered?: string[]; delivered?: number };
  readonly output: string;
}

/**
 * Calls the unpacked handler the way FC does (event as a Buffer), from a directory with nothing
 * installed; alerts in English unless asked (the stack's default is zh-CN).
 */
function invoke(
  site: RunningSite,
  stateDir: string,
  event: unknown,
  certificateSource = "acme",
  alertLanguage = "en",
): Promise<Invocation> {
  const verify = {
    url: `https://${HOST}:${site.httpsPort}/`,
    httpUrl: `http://${HOST}:${site.httpPort}/`,
    resolve: [`${HOST}:${site.httpsPort}:127.0.0.1`, `${HOST}:${site.httpPort}:127.0.0.1`],
    extraRootsPem: [rootPem],
    timeoutMs: 3000,
    healthPath: "/api/health",
    minDays: 30,
  };
  const script =
    `require(${JSON.stringify(join(functionDir, "index.js"))}).handler(Buffer.from(process.argv[1]))` +
    `.then((r) => console.log("SUMMARY " + JSON.stringify(r)), (e) => { console.log("THREW " + e.message); process.exitCode = 1; })`;
  const env = {
    PATH: process.env.PATH ?? "/usr/bin:/bin",
    [FUNCTION_ENV.verify]: JSON.stringify(verify),
    [FUNCTION_ENV.robots]: JSON.stringify(robots()),
    [FUNCTION_ENV.stateDir]: stateDir,
    [FUNCTION_ENV.stack]: "prod",
    [FUNCTION_ENV.certificateSource]: certificateSource,
    [FUNCTION_ENV.confirmSeconds]: "0",
    [FUNCTION_ENV.alertLanguage]: alertLanguage,
  };
  return new Promise((resolve, reject) => {
    execFile(process.execPath, ["-e", script, JSON.stringify(event)], { cwd: functionDir, env, timeout: 30_000 }, (err, stdout, stderr) => {
      const output = stdout + stderr;
      const line = output.split("\n").find((l) => l.startsWith("SUMMARY "));
      if (!line) return reject(new Error(`the handler did not finish: ${err?.message ?? ""}\n${output}`));
      resolve({ summary: JSON.parse(line.slice("SUMMARY ".length)) as Invocation["summary"], output });
    });
  });
}

const TIMER_EVENT = { triggerTime: "2026-01-01T00:00:00Z", triggerName: "verify-schedule", payload: '{"kind":"verify"}' };

function expectNoSecrets(output: string): void {
  for (const robot of robots()) {
    expect(output).not.toContain(robot.url);
    expect(output).not.toContain(encodeURIComponent(robot.url));
  }
  for (const secret of [WECOM_KEY, DING_TOKEN, DING_SECRET]) expect(output).not.toContain(secret);
  expect(output).not.toContain(`127.0.0.1:${robotPort}`);
}

test("the zip holds one index.js and nothing else", () => {
  expect(readdirSync(functionDir)).toEqual(["index.js"]);
});

test("the zip is the same bytes on every build, with a fixed entry date", () => {
  const first = buildFunctionBundle(undefined, true).zipBase64;
  const second = buildFunctionBundle(undefined, true).zipBase64;
  expect(second).toBe(first);
  const info = execFileSync("python3", [
    "-c",
    "import sys, zipfile; print([i.date_time for i in zipfile.ZipFile(sys.argv[1]).infolist()])",
    join(dir, "code.zip"),
  ]).toString();
  expect(info.trim()).toBe("[(1980, 1, 1, 0, 0, 0)]");
});

test("a failure alerts once, a repeat not at all, the recovery once, without a secret in any log line", async () => {
  const stateDir = join(dir, "state-health");
  posted.length = 0;

  const first = await invoke(sites.unhealthy, stateDir, TIMER_EVENT);
  expect(first.summary).toMatchObject({ kind: "verify", failed: ["health"], recovered: [], delivered: 2 });
  expect(posted).toHaveLength(2);
  const wecom = posted.find((p) => p.path === "/cgi-bin/webhook/send");
  const ding = posted.find((p) => p.path === "/robot/send");
  expect(wecom?.query.get("key")).toBe(WECOM_KEY);
  expect(wecom?.body.msgtype).toBe("markdown");
  expect(wecom?.body.markdown.content).toMatch(/FAILING: monitor\.test \(prod\): health/);
  // The check, what the verifier saw, and where to fix it.
  expect(wecom?.body.markdown.content).toMatch(/\*\*health\*\* failed: .*503/);
  expect(wecom?.body.markdown.content).toMatch(/Fix: .*app/);
  // DingTalk: markdown with a title, signed as its documentation describes.
  expect(ding?.body.markdown.title).toMatch(/FAILING/);
  const timestamp = ding?.query.get("timestamp") ?? "";
  const expectedSign = createHmac("sha256", DING_SECRET).update(`${timestamp}\n${DING_SECRET}`).digest("base64");
  expect(ding?.query.get("sign")).toBe(expectedSign);
  expect(Math.abs(Number(timestamp) - Date.now())).toBeLessThan(60_000);
  // The log does say what happened, by robot position and kind.
  expect(first.output).toMatch(/robot 1 \(wecom\) took the alert/);
  expect(first.output).toMatch(/robot 2 \(dingtalk\) took the alert/);
  expectNoSecrets(first.output);

  const repeat = await invoke(sites.unhealthy, stateDir, TIMER_EVENT);
  expect(repeat.summary).toMatchObject({ failed: [], recovered: [] });
  expect(repeat.summary.delivered).toBeUndefined();
  expect(posted).toHaveLength(2);
  expectNoSecrets(repeat.output);

  const recovery = await invoke(sites.good, stateDir, TIMER_EVENT);
  expect(recovery.summary).toMatchObject({ failed: [], recovered: ["health"], delivered: 2 });
  expect(posted).toHaveLength(4);
  expect(posted[2].body.markdown.content ?? posted[2].body.markdown.text).toMatch(/RECOVERED: .*health|\*\*health\*\* passes again/);
  expectNoSecrets(recovery.output);

  const quiet = await invoke(sites.good, stateDir, TIMER_EVENT);
  expect(quiet.summary).toMatchObject({ failed: [], recovered: [] });
  expect(posted).toHaveLength(4);
}, 60_000);

test("a certificate under minDaysRemaining says the days left and that acme renewal should have happened", async () => {
  posted.length = 0;
  const run = await invoke(sites.expiring, join(dir, "state-expiry"), TIMER_EVENT, "acme");
  expect(run.summary.failed).toEqual(["certificate-expiry"]);
  const text = posted[0].body.markdown.content ?? posted[0].body.markdown.text ?? "";
  // Valid for 10 more days with a 30-day minimum: renewal was due 20 days ago, past a weekly renewal run.
  expect(text).toMatch(/\b(9|10) day\(s\) left/);
  expect(text).toMatch(/acme renewal should have happened/);
  expectNoSecrets(run.output);
}, 30_000);

test("a CloudMonitor alarm event is relayed to the robots as it came", async () => {
  posted.length = 0;
  const event = { alertName: "prod: unhealthy backends", alertState: "ALERT", metricName: "UnhealthyServerCount", curValue: "1" };
  const run = await invoke(sites.good, join(dir, "state-alarm"), event);
  expect(run.summary).toEqual({ kind: "alarm", delivered: 2 });
  expect(posted[0].body.markdown.content).toMatch(/ALARM: prod: unhealthy backends \(prod\)/);
  expect(posted[0].body.markdown.content).toMatch(/\*\*metric\*\*: UnhealthyServerCount/);
  expectNoSecrets(run.output);
}, 30_000);

test("an event of a shape nobody foresaw is relayed as it came, not taken for a timer tick", async () => {
  posted.length = 0;
  // E.g. the alarm wrapped in an envelope: what CloudMonitor sends to an FC target is not documented.
  const event = { source: "acs.cms", data: { alertName: "prod: 5xx rate", alertState: "ALERT" } };
  const run = await invoke(sites.unhealthy, join(dir, "state-unknown-event"), event);
  expect(run.summary).toEqual({ kind: "alarm", delivered: 2 });
  expect(posted[0].body.markdown.content).toContain('"alertName":"prod: 5xx rate"');
  // What the log says about it: its shape, to learn the real format from.
  expect(run.output).toMatch(/relaying an object with keys source, data/);
  expectNoSecrets(run.output);
}, 30_000);

test("verdicts that cannot be saved are logged, and the run still succeeds (a failed run is retried and would alert again)", async () => {
  posted.length = 0;
  const notADirectory = join(dir, "not-a-directory");
  writeFileSync(notADirectory, "");
  const run = await invoke(sites.unhealthy, join(notADirectory, "state"), TIMER_EVENT);
  expect(run.summary).toMatchObject({ kind: "verify", failed: ["health"], delivered: 2, stateSaved: false });
  expect(posted).toHaveLength(2);
  expect(run.output).toMatch(/cannot save the state in .*not-a-directory\/state \(ENOTDIR\): the next run reports the same changes again/);
  expectNoSecrets(run.output);
}, 30_000);

/** Chinese characters (CJK Unified Ideographs). */
const HAN = /[\u4e00-\u9fff]/;

test("alertLanguage zh-CN: the robots get the alert in Chinese, naming the same check, setting and command", async () => {
  posted.length = 0;
  const run = await invoke(sites.unhealthy, join(dir, "state-zh"), TIMER_EVENT, "acme", "zh-CN");
  expect(run.summary).toMatchObject({ kind: "verify", failed: ["health"], delivered: 2 });
  const wecom = posted.find((p) => p.path === "/cgi-bin/webhook/send")?.body.markdown.content ?? "";
  const ding = posted.find((p) => p.path === "/robot/send")?.body.markdown ?? {};
  expect(wecom).toMatch(HAN);
  expect(wecom).toContain("检查失败：monitor.test（prod）：health");
  expect(wecom).toMatch(/\*\*health\*\* 未通过：.*503/);
  expect(wecom).toMatch(/> 处理：.*应用/);
  expect(wecom).not.toMatch(/\bfailed:|Fix:/);
  expect(ding.title).toMatch(/^检查失败/);
  expect(ding.text).toMatch(HAN);
  expectNoSecrets(run.output);

  posted.length = 0;
  const alarm = await invoke(
    sites.good,
    join(dir, "state-zh-alarm"),
    { alertName: "prod: 5xx", alertState: "OK", metricName: "StatusCode5xx" },
    "acme",
    "zh-CN",
  );
  expect(alarm.summary).toEqual({ kind: "alarm", delivered: 2 });
  expect(posted[0].body.markdown.content).toContain("已恢复：prod: 5xx（prod）");
  expect(posted[0].body.markdown.content).toContain("**指标**：StatusCode5xx");
}, 30_000);

test("alertLanguage zh-CN: a certificate near expiry says the days left and the acme renewal in Chinese", async () => {
  posted.length = 0;
  const run = await invoke(sites.expiring, join(dir, "state-zh-expiry"), TIMER_EVENT, "acme", "zh-CN");
  expect(run.summary.failed).toEqual(["certificate-expiry"]);
  const text = posted[0].body.markdown.content ?? posted[0].body.markdown.text ?? "";
  expect(text).toMatch(/还剩 (9|10) 天/);
  expect(text).toContain("acme 证书本该已经续期");
  expect(text).toContain("`pulumi up`");
}, 30_000);
