// The verifier against real loopback servers: the good site passes every check, each broken site
// fails exactly its own check and passes all the others; then the command line on top of it.
import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { CHECK_IDS, EndpointUnreachableError, Report, verify } from "../../../verifier";
import { runCommand } from "../../../verifier/command";
import { HAN } from "../../support/catalogs";
import { HOST, Lab, startLab, targetOf } from "./cases";

let lab: Lab;
let dir: string;
let rootFile: string;

beforeAll(async () => {
  lab = await startLab();
  dir = mkdtempSync(join(tmpdir(), "verifier-test-"));
  rootFile = join(dir, "root.pem");
  writeFileSync(rootFile, lab.rootPem);
});

afterAll(async () => {
  await lab?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

function site(name: string): ReturnType<typeof targetOf> {
  const running = lab.sites.get(name);
  if (!running) throw new Error(`no test site "${name}"`);
  return targetOf(running);
}

async function verifySite(name: string, extra: { requireWebSocket?: boolean } = {}): Promise<Report> {
  return verify({ ...site(name), extraRootsPem: [lab.rootPem], timeoutMs: 3000, ...extra });
}

/** One default run per site, shared by the verdict table and the detail tests. */
const reports = new Map<string, Promise<Report>>();
function reportOf(name: string): Promise<Report> {
  let report = reports.get(name);
  if (!report) reports.set(name, (report = verifySite(name)));
  return report;
}

function verdicts(report: Report): Record<string, boolean> {
  return Object.fromEntries(report.checks.map((c) => [c.id, c.ok]));
}

function expected(fails?: string): Record<string, boolean> {
  return Object.fromEntries(CHECK_IDS.map((id) => [id, id !== fails]));
}

// Names only here; the specs live in cases.ts (jest needs the table before beforeAll runs).
const TABLE: [string, string | undefined][] = [
  ["good", undefined],
  ["good without WebSocket", undefined],
  ["TLS 1.0 allowed", "tls-versions"],
  ["TLS 1.3 only", "tls-versions"],
  ["RSA key exchange suite accepted", "cipher-suites"],
  ["expired certificate", "certificate-expiry"],
  ["not valid yet", "certificate-expiry"],
  ["wrong host name", "certificate-hostname"],
  ["host name in the CN only", "certificate-hostname"],
  ["issuer with CA:FALSE", "certificate-chain"],
  ["issuer without basicConstraints", "certificate-chain"],
  ["missing intermediate", "certificate-chain"],
  ["self-signed", "certificate-chain"],
  ["HSTS missing", "hsts"],
  ["HSTS too short", "hsts"],
  ["redirect with 302", "http-redirect"],
  ["redirect to http", "http-redirect"],
  ["redirect dropping the path", "http-redirect"],
  ["health answering 503", "health"],
  ["good (nginx)", undefined],
  ["TLS 1.0 allowed (nginx)", "tls-versions"],
];

test("the table covers every site the lab starts, with the same expectations", () => {
  expect(lab.cases.map((c) => [c.name, c.fails])).toEqual(TABLE);
});

describe.each(TABLE)("%s", (name, fails) => {
  test(fails ? `fails ${fails} and nothing else` : "passes every check", async () => {
    const report = await reportOf(name);
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    // The details are in the failure message when a verdict is wrong.
    expect({ verdicts: verdicts(report), details: report.checks }).toMatchObject({ verdicts: expected(fails) });
    expect(report.ok).toBe(fails === undefined);
    for (const check of report.checks) expect(check.detail.length).toBeGreaterThan(10);
  });
});

describe("what the details say", () => {
  const detailOf = async (name: string, id: string): Promise<string> =>
    (await reportOf(name)).checks.find((c) => c.id === id)?.detail ?? "";

  test("the good site: versions, suites and the chain are spelled out", async () => {
    const report = await reportOf("good");
    const byId = Object.fromEntries(report.checks.map((c) => [c.id, c]));
    expect(byId["tls-versions"].detail).toBe("TLS 1.2 accepted, TLS 1.3 accepted; TLS 1.0 and 1.1 refused");
    expect(byId["cipher-suites"].detail).toMatch(/ECDHE-ECDSA-AES128-GCM-SHA256/);
    expect(byId["cipher-suites"].detail).toMatch(/TLS 1\.3: .*TLS_AES_128_GCM_SHA256/);
    expect(byId["cipher-suites"].detail).toMatch(/plus 3DES, RC4, .* suites \(which it cannot\) with a hand-built ClientHello/);
    expect(byId["certificate-chain"].detail).toMatch(/sends 2 certificates.*1 intermediate.*"verifier test Root CA"/);
    expect(byId["certificate-expiry"].detail).toMatch(/valid until \d{4}-\d\d-\d\d, (89|90) days left \(minimum 30\)/);
    expect(byId["websocket"].ok).toBe(true);
    expect(byId["websocket"].note).toBeUndefined();
    expect(byId["http-redirect"].detail).toMatch(/\/wechat-verify\/probe\?x=1 answers 301/);
  });

  test("TLS 1.0 accepted is named with the fix", async () => {
    expect(await detailOf("TLS 1.0 allowed", "tls-versions")).toMatch(/^TLS 1\.0 and 1\.1 accepted: turn them off/);
  });

  test("the RSA key exchange suite is named as not forward secret", async () => {
    expect(await detailOf("RSA key exchange suite accepted", "cipher-suites")).toMatch(
      /accepts AES128-GCM-SHA256 \(not forward secret\).*forward-secret suites accepted: ECDHE-RSA-AES128-GCM-SHA256/,
    );
  });

  test("chain defects say what is wrong and how to fix it", async () => {
    expect(await detailOf("missing intermediate", "certificate-chain")).toMatch(
      /sends only its own certificate, not the intermediate certificate "verifier test Intermediate CA".*phones reject.*leaf first, then intermediates/,
    );
    expect(await detailOf("self-signed", "certificate-chain")).toMatch(/self-signed/);
    for (const [site, issuer] of [
      ["issuer with CA:FALSE", "verifier test notCa CA"],
      ["issuer without basicConstraints", "verifier test absent CA"],
    ]) {
      expect(await detailOf(site, "certificate-chain")).toBe(
        `"${issuer}" signed "${HOST}" but is not a CA certificate: upload the full chain (leaf first, then intermediates)`,
      );
    }
  });

  test("a name only in the CN and a certificate not valid yet are refused with what phones do", async () => {
    expect(await detailOf("host name in the CN only", "certificate-hostname")).toBe(
      `the certificate lists no subject alternative names (only the common name ${HOST}, which phones ignore): issue one with ${HOST} as a DNS name`,
    );
    // Two days after the lab made it (a minute ago at most, which may have been the day before).
    const day = (msAgo: number): string => new Date(Date.now() + 2 * 24 * 3600 * 1000 - msAgo).toISOString().slice(0, 10);
    expect(await detailOf("not valid yet", "certificate-expiry")).toMatch(
      new RegExp(
        `^the certificate is not valid yet: it starts on (${day(0)}|${day(60_000)}) \\(check the server clock or the issue date\\)$`,
      ),
    );
  });

  test("expiry, host name, HSTS, redirect and health failures give their reason", async () => {
    expect(await detailOf("expired certificate", "certificate-expiry")).toMatch(/expired on \d{4}-\d\d-\d\d \(1 day ago\)/);
    expect(await detailOf("wrong host name", "certificate-hostname")).toMatch(/for other\.test, \*\.other\.test, not wechat\.test/);
    expect(await detailOf("HSTS too short", "hsts")).toMatch(
      /max-age=300 \(5 minutes\) is shorter than the 31536000-second \(1 year\) minimum/,
    );
    expect(await detailOf("HSTS missing", "hsts")).toMatch(/no Strict-Transport-Security header/);
    expect(await detailOf("redirect with 302", "http-redirect")).toMatch(/302 is a temporary redirect/);
    expect(await detailOf("redirect to http", "http-redirect")).toMatch(/redirects to http:\/\/ instead of https:\/\//);
    expect(await detailOf("redirect dropping the path", "http-redirect")).toMatch(/drops the path \(asked \/wechat-verify\/probe/);
    expect(await detailOf("health answering 503", "health")).toMatch(/answered 503/);
  });

  test("without a WebSocket endpoint the check passes with a note, and fails when WebSocket is required", async () => {
    const optional = (await reportOf("good without WebSocket")).checks.find((c) => c.id === "websocket");
    expect(optional).toMatchObject({ ok: true, note: true });
    expect(optional?.detail).toMatch(/fine unless the mini program uses wx\.connectSocket/);
    const required = await verifySite("good without WebSocket", { requireWebSocket: true });
    expect(verdicts(required)).toEqual(expected("websocket"));
  });

  test("the minimum days are honoured: a 90-day certificate fails --min-days 100", async () => {
    const report = await verify({ ...site("good"), extraRootsPem: [lab.rootPem], minDays: 100 });
    expect(verdicts(report)).toEqual(expected("certificate-expiry"));
  });

  test("without --cacert the private root is not trusted", async () => {
    const report = await verify({ ...site("good") });
    expect(verdicts(report)).toEqual(expected("certificate-chain"));
    expect(report.checks.find((c) => c.id === "certificate-chain")?.detail).toMatch(/--cacert/);
  });
});

/** A loopback port nothing listens on. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

test("an unreachable endpoint is an error, not a report", async () => {
  const port = await closedPort();
  await expect(verify({ url: `https://${HOST}:${port}/`, resolve: [`${HOST}:${port}:127.0.0.1`] })).rejects.toThrow(
    EndpointUnreachableError,
  );
});

describe("the command line", () => {
  async function run(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await runCommand(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  function argsFor(name: string): string[] {
    const t = site(name);
    return [t.url, "--http-url", t.httpUrl, ...t.resolve.flatMap((r) => ["--resolve", r]), "--cacert", rootFile];
  }

  test("exit 0 and one PASS line per check for the good site", async () => {
    const { code, stdout } = await run(argsFor("good"));
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines).toHaveLength(CHECK_IDS.length + 1);
    CHECK_IDS.forEach((id, i) => expect(lines[i]).toMatch(new RegExp(`^PASS ${id} +\\S`)));
    expect(lines[CHECK_IDS.length]).toMatch(/^all 9 checks passed for https:\/\/wechat\.test:\d+\//);
  });

  test("exit 1 with the failing check named", async () => {
    const { code, stdout } = await run(argsFor("HSTS missing"));
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL hsts +no Strict-Transport-Security header/m);
    expect(stdout).toMatch(/1 of 9 checks failed for .*: hsts/);
  });

  test("--json prints url, ok and every check with id, ok and detail", async () => {
    const { code, stdout } = await run([...argsFor("health answering 503"), "--json"]);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as { url: string; ok: boolean; checks: { id: string; ok: boolean; detail: string }[] };
    expect(report.url).toBe(site("health answering 503").url);
    expect(report.ok).toBe(false);
    expect(report.checks.map((c) => c.id)).toEqual([...CHECK_IDS]);
    for (const c of report.checks)
      expect(c).toEqual(expect.objectContaining({ id: c.id, ok: c.id !== "health", detail: expect.any(String) }));
  });

  test("--require-websocket turns a missing endpoint into exit 1", async () => {
    expect((await run(argsFor("good without WebSocket"))).code).toBe(0);
    const { code, stdout } = await run([...argsFor("good without WebSocket"), "--require-websocket"]);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^FAIL websocket +no WebSocket endpoint answered/m);
  });

  test("exit 2 when the endpoint is unreachable, with the reason", async () => {
    const port = await closedPort();
    const { code, stdout, stderr } = await run([`https://${HOST}:${port}/`, "--resolve", `${HOST}:${port}:127.0.0.1`, "--json"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/unreachable: nothing listens on wechat\.test:\d+ \(at 127\.0\.0\.1\)/);
    expect(JSON.parse(stdout)).toMatchObject({ ok: false, checks: [] });
  });

  test.each([
    [[], /give the https:\/\/ URL to verify/],
    [["http://wechat.test/"], /the URL "http:\/\/wechat\.test\/" must start with https:\/\//],
    [["https://wechat.test/", "--min-days", "soon"], /--min-days "soon" is not a number; e\.g\. --min-days 21/],
    [["https://wechat.test/", "--resolve", "wechat.test:443"], /--resolve "wechat\.test:443": expected host:port:address/],
    [["https://wechat.test/", "--resolve", "wechat.test:443:not-an-ip"], /"not-an-ip" is not an IP address/],
    [["https://wechat.test/", "--cacert", "/nonexistent/root.pem"], /--cacert \/nonexistent\/root\.pem: cannot read it \(ENOENT\)/],
    [["https://wechat.test/", "--frobnicate"], /--frobnicate.*run with --help/],
    [["https://wechat.test/", "--health-path", "api/health"], /--health-path "api\/health" must start with "\/"/],
    [["https://wechat.test/", "--http-url", "https://wechat.test/"], /--http-url .* must start with http:\/\//],
  ])("exit 2 for bad usage %j", async (argv, message) => {
    const { code, stderr, stdout } = await run(argv as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
  });

  test("--help prints the options and exits 0", async () => {
    const { code, stdout } = await run(["--help"]);
    expect(code).toBe(0);
    for (const option of [
      "--http-url",
      "--resolve",
      "--cacert",
      "--min-days",
      "--hsts-min",
      "--health-path",
      "--require-websocket",
      "--timeout",
      "--json",
    ]) {
      expect(stdout).toContain(option);
    }
  });

  test("IPv6 --resolve in brackets reaches the site over ::1", async () => {
    const running = lab.sites.get("good");
    if (!running) throw new Error("no good site");
    // The sites listen on 127.0.0.1 only, so ::1 must be refused: proof the bracketed address is dialled.
    const { code, stderr } = await run([`https://${HOST}:${running.httpsPort}/`, "--resolve", `${HOST}:${running.httpsPort}:[::1]`]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/\(at ::1\)/);
  });
});

describe("the installed bin (bin/verify.js, a real process)", () => {
  const bin = resolve(__dirname, "../../../bin/verify.js");
  function spawnBin(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
    // Async on purpose: the test servers live in this process and must keep answering.
    return new Promise((done) => {
      execFile(process.execPath, [bin, ...args], { timeout: 60_000 }, (error, stdout, stderr) => {
        done({ code: error ? (typeof error.code === "number" ? error.code : null) : 0, stdout, stderr });
      });
    });
  }

  test("exits 0 with JSON for the good site and 2 for bad usage", async () => {
    const t = site("good");
    const args = [t.url, "--http-url", t.httpUrl, ...t.resolve.flatMap((r) => ["--resolve", r]), "--cacert", rootFile, "--json"];
    const [good, bad] = await Promise.all([spawnBin(args), spawnBin(["https://wechat.test/", "--min-days", "-"])]);
    expect(good).toMatchObject({ code: 0 });
    expect(JSON.parse(good.stdout)).toMatchObject({ url: t.url, ok: true });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--min-days "-" is not a number/);
  });
});

describe("what the mini program would show for each failed check", () => {
  // The WeChat symptom each broken site's failure is, and a part of the error text developers see.
  const SYMPTOMS: [string, string, RegExp | undefined][] = [
    ["TLS 1.0 allowed", "noneLegacyVersions", undefined],
    ["TLS 1.3 only", "handshake", /request:fail ssl hand shake error/],
    ["RSA key exchange suite accepted", "noneWeakSuites", undefined],
    ["expired certificate", "dateInvalid", /"errno":600001.*net::ERR_CERT_DATE_INVALID/],
    ["wrong host name", "commonNameInvalid", /"errno":600001.*net::ERR_CERT_COMMON_NAME_INVALID/],
    [
      "missing intermediate",
      "authorityInvalid",
      /^\{"errno":600001,"errMsg":"request:fail errcode:-202 cronet_error_code:-202 error_msg:net::ERR_CERT_AUTHORITY_INVALID"\}$/,
    ],
    ["self-signed", "authorityInvalid", /ERR_CERT_AUTHORITY_INVALID/],
    ["HSTS missing", "noneHsts", undefined],
    ["redirect with 302", "noneRedirect", undefined],
    ["health answering 503", "healthStatus", undefined],
    ["TLS 1.0 allowed (nginx)", "noneLegacyVersions", undefined],
  ];

  test.each(SYMPTOMS)("%s: %s", async (name, symptom, error) => {
    const failed = (await reportOf(name)).checks.filter((c) => !c.ok);
    expect(failed).toHaveLength(1);
    const wechat = failed[0].wechat;
    expect(wechat?.symptom).toBe(symptom);
    if (error) expect(wechat?.errors.join("\n")).toMatch(error);
    else expect(wechat?.errors).toEqual([]);
    expect(wechat?.devices.length).toBeGreaterThan(10);
  });

  test("every failed check of every site says it, and no passed check does", async () => {
    for (const { name } of lab.cases) {
      for (const check of (await reportOf(name)).checks) expect(check.wechat !== undefined).toBe(!check.ok);
    }
  });

  test("a phone without TLS 1.3 is named when only TLS 1.2 is missing; iOS and Android for the chain", async () => {
    const only13 = (await reportOf("TLS 1.3 only")).checks.find((c) => !c.ok);
    expect(only13?.wechat?.devices).toMatch(/phones without TLS 1\.3/);
    // "ssl hand shake error" is in no documentation or forum post read: the report must not pass it off as known.
    expect(only13?.wechat?.source).toBe("unconfirmed");
    const chain = (await reportOf("missing intermediate")).checks.find((c) => !c.ok);
    expect(chain?.wechat?.devices).toMatch(/Android.*iOS/);
    expect(chain?.wechat?.source).toBe("community");
  });
});

describe("a run in a Chinese locale", () => {
  async function runZh(argv: string[], env: "LC_ALL" | "flag"): Promise<{ code: number; stdout: string }> {
    let stdout = "";
    const saved = process.env.LC_ALL;
    if (env === "LC_ALL") process.env.LC_ALL = "zh_CN.UTF-8";
    try {
      const args = env === "flag" ? [...argv, "--lang", "zh-CN"] : argv;
      const code = await runCommand(args, { stdout: (t) => (stdout += t), stderr: () => undefined });
      return { code, stdout };
    } finally {
      process.env.LC_ALL = saved;
    }
  }

  function argsFor(name: string): string[] {
    const t = site(name);
    return [t.url, "--http-url", t.httpUrl, ...t.resolve.flatMap((r) => ["--resolve", r]), "--cacert", rootFile];
  }

  const BROKEN = TABLE.filter(([, fails]) => fails !== undefined).map(([name]) => name);

  test.each(BROKEN)("%s: reports in Chinese and names the WeChat error of the failed check", async (name) => {
    const { code, stdout } = await runZh(argsFor(name), "LC_ALL");
    expect(code).toBe(1);
    const lines = stdout.trimEnd().split("\n");
    const failedAt = lines.findIndex((line) => line.startsWith("失败"));
    expect(failedAt).toBeGreaterThanOrEqual(0);
    // The verdict, then what the mini program shows, in Chinese; WeChat's own text as it is.
    expect(lines[failedAt]).toMatch(HAN);
    expect(lines[failedAt + 1]).toMatch(/^ {5}小程序中：/);
    const report = await reportOf(name);
    const wechat = report.checks.find((c) => !c.ok)?.wechat;
    for (const error of wechat?.errors ?? []) expect(stdout).toContain(error);
    if ((wechat?.errors.length ?? 0) > 0) expect(lines[failedAt + 2]).toMatch(/^ {5}影响：.*[\u4e00-\u9fff]/);
    expect(lines[lines.length - 1]).toMatch(/^https:\/\/wechat\.test:\d+\/ 的 9 项检查中有 1 项失败：/);
    // Every check's verdict is a Chinese sentence, not the English one.
    for (const line of lines.filter((l) => /^(通过|失败)/.test(l))) expect(line).toMatch(HAN);
  });

  test("--lang zh-CN does the same in any locale; --lang en gives English back", async () => {
    const zh = await runZh(argsFor("missing intermediate"), "flag");
    expect(zh.stdout).toMatch(/^失败 certificate-chain +服务器只发送了自己的证书，没有发送签发它的中间证书/m);
    expect(zh.stdout).toContain('小程序中：{"errno":600001,"errMsg":"request:fail errcode:-202');
    let english = "";
    await runCommand([...argsFor("missing intermediate"), "--lang", "en"], { stdout: (t) => (english += t), stderr: () => undefined });
    expect(english).toMatch(/^FAIL certificate-chain +the server sends only its own certificate/m);
    expect(english).toMatch(/^ {5}in the mini program: \{"errno":600001.*\(as developers report it/m);
    expect(english).toMatch(/^ {5}where: every phone that lacks the missing certificate/m);
  });

  test("usage errors and an unreachable endpoint are in Chinese too, naming the same option and fix", async () => {
    const stderrOf = async (argv: string[]): Promise<{ code: number; stderr: string }> => {
      let stderr = "";
      const code = await runCommand([...argv, "--lang", "zh-CN"], { stdout: () => undefined, stderr: (t) => (stderr += t) });
      return { code, stderr };
    };
    const cases: [string[], RegExp][] = [
      [[], /请给出要验证的 https:\/\/ URL/],
      [["https://wechat.test/", "--timeout", "50"], /--timeout 50 太短.*至少 100/],
      [["https://wechat.test/", "--resolve", "wechat.test:443"], /--resolve "wechat\.test:443" 的格式不对：格式为 host:port:address/],
      [["https://wechat.test/", "--cacert", "/nonexistent/root.pem"], /--cacert \/nonexistent\/root\.pem：无法读取（ENOENT）/],
      [["https://wechat.test/", "--health-path", "api/health"], /--health-path "api\/health" 必须以 "\/" 开头/],
    ];
    for (const [argv, message] of cases) {
      const { code, stderr } = await stderrOf(argv);
      expect(code).toBe(2);
      expect(stderr).toMatch(message);
    }
    const port = await closedPort();
    const unreachable = await stderrOf([`https://${HOST}:${port}/`, "--resolve", `${HOST}:${port}:127.0.0.1`]);
    expect(unreachable.code).toBe(2);
    expect(unreachable.stderr).toMatch(/无法连接：wechat\.test:\d+（地址 127\.0\.0\.1） ?上没有程序监听（连接被拒绝）/);
  });

  test("--json carries the WeChat error of each failed check", async () => {
    let stdout = "";
    await runCommand([...argsFor("wrong host name"), "--json", "--lang", "zh-CN"], {
      stdout: (t) => (stdout += t),
      stderr: () => undefined,
    });
    const failed = (JSON.parse(stdout) as Report).checks.filter((c) => !c.ok);
    expect(failed).toEqual([
      expect.objectContaining({
        id: "certificate-hostname",
        detail: expect.stringMatching(/^证书签发给 other\.test，\*\.other\.test，不是 wechat\.test/),
        wechat: {
          symptom: "commonNameInvalid",
          errors: [
            '{"errno":600001,"errMsg":"request:fail errcode:-200 cronet_error_code:-200 error_msg:net::ERR_CERT_COMMON_NAME_INVALID"}',
          ],
          source: "derived",
          devices: expect.stringMatching(/^所有手机/),
        },
      }),
    ]);
  });
});
