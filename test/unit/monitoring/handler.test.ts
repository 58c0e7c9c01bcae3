// The monitoring function's parts in-process: state transitions, the alert text, robot message
// formats and signing, the state file, and the redacting log.
import { execFileSync } from "node:child_process";
import { createHmac } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_MESSAGE_BYTES, robotBody, robotSecrets, signedUrl, truncateUtf8, type Robot } from "../../../lib/monitoring/robots";
import { DAY_MS } from "../../../lib/constants";
import { alarmAlert, isVerifyEvent, parseEvent } from "../../../monitor/alarmRelay";
import { redactingLog } from "../../../monitor/log";
import { alertFor, type MessageContext } from "../../../monitor/messages";
import { EMPTY_STATE, STATE_FILE, loadState, saveState } from "../../../monitor/state";
import { UNREACHABLE, transitions, type Failure } from "../../../monitor/transitions";
import { HAN } from "../../support/catalogs";

const T0 = "2026-03-01T00:00:00.000Z";
const T1 = "2026-03-01T01:00:00.000Z";
const health: Failure = { id: "health", detail: "the health path answered 503" };
const hsts: Failure = { id: "hsts", detail: "no Strict-Transport-Security header" };

describe("transitions", () => {
  test("new failures, repeats and recoveries", () => {
    const first = transitions(EMPTY_STATE, [health], T0);
    expect(first.failed.map((f) => f.id)).toEqual(["health"]);
    expect(first.next.failing.health.since).toBe(T0);

    const repeat = transitions(first.next, [{ ...health, detail: "now 502" }, hsts], T1);
    expect(repeat.failed.map((f) => f.id)).toEqual(["hsts"]);
    expect(repeat.recovered).toEqual([]);
    // Still failing since the first sighting; the detail kept current.
    expect(repeat.next.failing.health).toEqual({ since: T0, detail: "now 502" });

    const recovery = transitions(repeat.next, [hsts], T1);
    expect(recovery.failed).toEqual([]);
    expect(recovery.recovered).toEqual([{ id: "health", since: T0 }]);
  });

  test("an unreachable endpoint does not count the checks that could not run as recovered", () => {
    const before = transitions(EMPTY_STATE, [hsts], T0).next;
    const down = transitions(before, [{ id: UNREACHABLE, detail: "connection refused" }], T1);
    expect(down.failed.map((f) => f.id)).toEqual([UNREACHABLE]);
    expect(down.recovered).toEqual([]);
    expect(Object.keys(down.next.failing).sort()).toEqual(["hsts", UNREACHABLE]);
    const back = transitions(down.next, [hsts], T1);
    expect(back.recovered.map((r) => r.id)).toEqual([UNREACHABLE]);
  });
});

describe("alert text", () => {
  const ctx: MessageContext = { domain: "api.example.com", stack: "prod", certificateSource: "acme", minDays: 30, renewEveryDays: 7 };
  const now = Date.parse("2026-03-01T00:00:00Z");
  const expiring = (daysLeft: number): Failure => ({
    id: "certificate-expiry",
    detail: "the certificate expires soon",
    result: {
      id: "certificate-expiry",
      ok: false,
      detail: "x",
      facts: { notAfter: new Date(now + daysLeft * DAY_MS).toISOString(), daysLeft },
    },
  });

  test("nothing changed: no alert", () => {
    expect(alertFor({ failed: [], recovered: [], next: EMPTY_STATE }, ctx, now)).toBeUndefined();
  });

  test("a failed check: the check, the verifier's detail and where to fix it", () => {
    const alert = alertFor(transitions(EMPTY_STATE, [health], T0), ctx, now);
    expect(alert?.title).toBe("FAILING: api.example.com (prod): health");
    expect(alert?.markdown).toMatch(/\*\*health\*\* failed: the health path answered 503/);
    expect(alert?.markdown).toMatch(/> Fix: The app behind nginx/);
  });

  test("acme, 25 days left of a 30-day minimum: renewal is due, not yet overdue", () => {
    const text = alertFor(transitions(EMPTY_STATE, [expiring(25)], T0), ctx, now)?.markdown ?? "";
    expect(text).toMatch(/25 day\(s\) left \(expires 2026-03-26; minimum 30\)/);
    expect(text).toMatch(/acme renewal is due since 2026-02-24: the next `pulumi up`/);
  });

  test("acme, 10 days left: renewal should have happened", () => {
    const text = alertFor(transitions(EMPTY_STATE, [expiring(10)], T0), ctx, now)?.markdown ?? "";
    expect(text).toMatch(/10 day\(s\) left/);
    expect(text).toMatch(/acme renewal should have happened: renewal was due on 2026-02-09/);
  });

  test("pem is not renewed by the stack: says which keys to set", () => {
    const text = alertFor(transitions(EMPTY_STATE, [expiring(10)], T0), { ...ctx, certificateSource: "pem" }, now)?.markdown ?? "";
    expect(text).toMatch(/not renewed automatically: set the renewed chain and key \(certificatePem, privateKeyPem\)/);
  });

  test("a recovery names the check and since when it failed", () => {
    const failed = transitions(EMPTY_STATE, [health], T0).next;
    const alert = alertFor(transitions(failed, [], T1), ctx, now);
    expect(alert?.title).toBe("RECOVERED: api.example.com (prod): health");
    expect(alert?.markdown).toMatch(/\*\*health\*\* passes again \(failing since 2026-03-01 00:00 UTC\)/);
  });

  test("zh-CN: the same checks, dates, settings and commands, in Chinese", () => {
    const zh = { ...ctx, locale: "zh-CN" as const };
    const failing = alertFor(transitions(EMPTY_STATE, [health, expiring(10)], T0), zh, now);
    expect(failing?.title).toBe("检查失败：api.example.com（prod）：health, certificate-expiry");
    const text = failing?.markdown ?? "";
    expect(text).toMatch(HAN);
    expect(text).toContain("**health** 未通过：the health path answered 503");
    expect(text).toMatch(/> 处理：nginx 后面的应用/);
    expect(text).toContain("还剩 10 天（到期日 2026-03-11；要求至少剩 30 天）");
    expect(text).toContain("续期日是 2026-02-09");
    expect(text).toContain("`pulumi up`");
    expect(text).not.toMatch(/\bfailed:|Fix:|day\(s\)/);
    const pem = alertFor(transitions(EMPTY_STATE, [expiring(10)], T0), { ...zh, certificateSource: "pem" }, now)?.markdown ?? "";
    expect(pem).toContain("certificatePem、privateKeyPem");
    const recovered = alertFor(transitions(transitions(EMPTY_STATE, [hsts], T0).next, [], T1), zh, now);
    expect(recovered?.title).toBe("已恢复：api.example.com（prod）：hsts");
    expect(recovered?.markdown).toContain("**hsts** 已恢复正常（自 UTC 2026-03-01 00:00 起失败）");
  });
});

describe("robots", () => {
  const wecom: Robot = { kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc-123-def" };
  const ding: Robot = {
    kind: "dingtalk",
    url: "https://oapi.dingtalk.com/robot/send?access_token=tok123456",
    secret: "SEC0123456789abcdef",
  };

  test("WeCom takes markdown content, DingTalk a title and text", () => {
    expect(JSON.parse(robotBody("wecom", "T", "body"))).toEqual({ msgtype: "markdown", markdown: { content: "### T\nbody" } });
    expect(JSON.parse(robotBody("dingtalk", "T", "body"))).toEqual({ msgtype: "markdown", markdown: { title: "T", text: "### T\nbody" } });
  });

  test("long messages are cut at WeCom's 4096 bytes without splitting a character", () => {
    const body = JSON.parse(robotBody("wecom", "证书", "过期".repeat(2000))) as { markdown: { content: string } };
    expect(Buffer.byteLength(body.markdown.content, "utf8")).toBeLessThanOrEqual(MAX_MESSAGE_BYTES);
    expect(body.markdown.content.endsWith("…(cut)")).toBe(true);
    expect(truncateUtf8("short", 100)).toBe("short");
  });

  test("a signed DingTalk URL carries timestamp and HmacSHA256(secret, timestamp\\nsecret)", () => {
    const url = new URL(signedUrl(ding, 1700000000000));
    expect(url.searchParams.get("access_token")).toBe("tok123456");
    expect(url.searchParams.get("timestamp")).toBe("1700000000000");
    const expected = createHmac("sha256", "SEC0123456789abcdef").update("1700000000000\nSEC0123456789abcdef").digest("base64");
    expect(url.searchParams.get("sign")).toBe(expected);
    expect(signedUrl(wecom, 1700000000000)).toBe(wecom.url);
  });

  test("the signature in the URL is what DingTalk's documented steps give, byte for byte, as sent", () => {
    // DingTalk's custom robot documentation, in Python: HmacSHA256 keyed with the secret over
    // timestamp + "\n" + secret, base64, then urllib.parse.quote_plus. Timestamps whose signature has
    // "+", "/" or "=" check the escaping too.
    const timestamps = [1700000000000, 1700000000001, 1700000000002, 1700000000003, 1700000000004];
    const python = [
      "import base64, hashlib, hmac, sys, urllib.parse",
      "secret = sys.argv[1]",
      "for ts in sys.argv[2:]:",
      "    code = hmac.new(secret.encode('utf-8'), '{}\\n{}'.format(ts, secret).encode('utf-8'), digestmod=hashlib.sha256).digest()",
      "    print(urllib.parse.quote_plus(base64.b64encode(code)))",
    ].join("\n");
    const documented = execFileSync("python3", ["-c", python, ding.secret ?? "", ...timestamps.map(String)], { encoding: "utf8" })
      .trim()
      .split("\n");
    const sent = timestamps.map((ts) => /[?&]sign=([^&]*)/.exec(signedUrl(ding, ts))?.[1]);
    expect(sent).toEqual(documented);
    expect(documented.some((sign) => /%2B|%2F|%3D/.test(sign))).toBe(true);
  });

  test("the log redacts URLs, keys, tokens and secrets, also URL-encoded", () => {
    const lines: string[] = [];
    const log = redactingLog([...robotSecrets(wecom), ...robotSecrets(ding)], (line) => lines.push(line));
    log.error(`fetch ${wecom.url} failed; token tok123456; ${encodeURIComponent(ding.url)}; secret SEC0123456789abcdef`);
    expect(lines).toHaveLength(1);
    for (const secret of ["abc-123-def", "tok123456", "SEC0123456789abcdef", "qyapi.weixin.qq.com/cgi-bin", encodeURIComponent(ding.url)]) {
      expect(lines[0]).not.toContain(secret);
    }
    expect(lines[0]).toMatch(/^error: fetch \[redacted\] failed; token \[redacted\]/);
  });
});

describe("the state file", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "monitor-state-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test("missing reads as nothing failing; saved and read back", () => {
    expect(loadState(dir)).toEqual({ state: EMPTY_STATE });
    const next = transitions(EMPTY_STATE, [health], T0).next;
    saveState(join(dir, "nested"), next);
    expect(loadState(join(dir, "nested")).state).toEqual(next);
  });

  test("a corrupt file starts afresh and says so", () => {
    writeFileSync(join(dir, STATE_FILE), "{not json");
    const { state, problem } = loadState(dir);
    expect(state).toEqual(EMPTY_STATE);
    expect(problem).toMatch(/not a state this version wrote/);
  });
});

describe("events", () => {
  const kind = (raw: string): string => (isVerifyEvent(parseEvent(Buffer.from(raw))) ? "verify" : "relay");

  test("the timer's event and a run by hand verify; anything else, malformed included, is relayed", () => {
    expect(
      kind(JSON.stringify({ triggerTime: "2026-01-01T00:00:00Z", triggerName: "verify-schedule", payload: '{"kind":"verify"}' })),
    ).toBe("verify");
    for (const raw of ["", "  ", "{}", '{"kind":"verify"}']) expect(kind(raw)).toBe("verify");
    for (const raw of ["null", "[1,2]", "42", "not json {", '{"alertName":"x"}', '{"data":{"alertName":"x"}}', '{"triggerName":"x"}']) {
      expect(kind(raw)).toBe("relay");
    }
  });

  test("a relayed event of an unknown shape is shown as it came; the callback's fields one by one", () => {
    expect(alarmAlert(parseEvent(Buffer.from("not json {")), "prod")).toEqual({
      title: "ALARM: CloudMonitor alarm (prod)",
      markdown: "not json ｛",
    });
    expect(alarmAlert(null, "prod").markdown).toBe("null");
    const fields = alarmAlert({ alertName: "cpu", alertState: "OK", curValue: 12 }, "prod");
    expect(fields.title).toBe("RECOVERED: cpu (prod)");
    expect(fields.markdown).toBe("**state**: OK\n\n**value**: 12");
    const zh = alarmAlert({ alertName: "cpu", alertState: "ALERT", curValue: 97 }, "prod", "zh-CN");
    expect(zh.title).toBe("报警：cpu（prod）");
    expect(zh.markdown).toBe("**状态**：ALERT\n\n**当前值**：97");
    expect(alarmAlert(parseEvent(Buffer.from("x")), "prod", "zh-CN").title).toBe("报警：云监控报警（prod）");
  });
});

describe("what the endpoint or an event controls is inert text in the robots' markdown", () => {
  const ctx: MessageContext = { domain: "api.example.com", stack: "prod", certificateSource: "pem", minDays: 30, renewEveryDays: 7 };
  /** What a malicious endpoint can put into a detail: a CN, a Location header, an error text. */
  const hostile =
    "issuer CN [Official notice: renew here](https://evil.example/pay) ![x](https://evil.example/i.png) " +
    '<font color="warning">urgent</font> <@all> **bold** `code` _it_ ~x~ | a | \n# heading\n> quote www.evil.example &lt;b&gt;';

  /** No markup a robot would render: links, images, tags, mentions, emphasis, code, headings, quotes, URLs. */
  function expectInert(markdown: string): void {
    expect(markdown).not.toMatch(/\]\(|!\[|<|>|\*\*|`|https?:\/\/|www\.|&lt;/);
    expect(markdown).not.toMatch(/\n[#>]/);
  }

  test("a failed check's detail: links, images, tags and mentions become full-width look-alikes, line breaks spaces", () => {
    const alert = alertFor(transitions(EMPTY_STATE, [{ id: "certificate-chain", detail: hostile }], T0), ctx, Date.parse(T0));
    const failedLine = (alert?.markdown ?? "").split("\n\n")[0];
    expect(
      failedLine.startsWith("**certificate-chain** failed: issuer CN ［Official notice: renew here］（https：//evil.example/pay）"),
    ).toBe(true);
    expectInert(failedLine.replace("**certificate-chain**", ""));
    expect(failedLine).toContain(
      '＜font color="warning"＞urgent＜/font＞ ＜@all＞ ＊＊bold＊＊ ｀code｀ ＿it＿ ～x～ ｜ a ｜  ＃ heading ＞ quote www．evil.example',
    );
  });

  test("times and ports keep their colons; a detail is cut at 600 bytes, marked", () => {
    const detail = `answered at 10:30 from host:443; ${"x".repeat(5000)}`;
    const text = alertFor(transitions(EMPTY_STATE, [{ id: "health", detail }], T0), ctx, Date.parse(T0))?.markdown ?? "";
    expect(text).toContain("answered at 10:30 from host:443; xxx");
    expect(Buffer.byteLength(text.split("\n\n")[0])).toBeLessThan(700);
    expect(text).toContain("…(cut)");
  });

  test("an alarm's name and fields: inert, and a 6 MB name is cut to a title a chat can show", () => {
    const alert = alarmAlert({ alertName: `${hostile}${"n".repeat(6 * 1024 * 1024)}`, alertState: "ALERT", curValue: hostile }, "prod");
    expectInert(alert.title);
    expect(Buffer.byteLength(alert.title)).toBeLessThan(200);
    // The labels are the alert's own emphasis; what follows each is the event's.
    for (const line of alert.markdown.split("\n\n")) expectInert(line.replace(/^\*\*(state|value)\*\*: /, ""));
    const dingtalk = JSON.parse(robotBody("dingtalk", alert.title, alert.markdown)) as { markdown: { title: string } };
    expect(dingtalk.markdown.title).toBe(alert.title);
    expectInert(alarmAlert(parseEvent(Buffer.from(`{"unknown":"${hostile.replace(/"/g, "'").replace(/\n/g, " ")}"}`)), "prod").markdown);
  });

  test("an event nested 5000 deep is relayed as the text it is, without throwing", () => {
    const deep = `${"[".repeat(5000)}${"]".repeat(5000)}`;
    const parsed = parseEvent(Buffer.from(deep));
    expect(parsed).toBe(deep);
    const alert = alarmAlert(parsed, "prod");
    expect(alert.title).toBe("ALARM: CloudMonitor alarm (prod)");
    expect(alert.markdown.startsWith("［［［")).toBe(true);
    expect(Buffer.byteLength(alert.markdown)).toBeLessThanOrEqual(1500);
    // Handed over already parsed (not as FC's Buffer), it is shown as unprintable rather than thrown on.
    expect(alarmAlert(JSON.parse(deep), "prod").markdown).toBe("［object that cannot be shown］");
  });

  test("an event over 128 KB is not parsed, only shown cut short", () => {
    const big = JSON.stringify({ alertName: "cpu", padding: "p".repeat(200 * 1024) });
    const parsed = parseEvent(Buffer.from(big));
    expect(typeof parsed).toBe("string");
    expect(Buffer.byteLength(alarmAlert(parsed, "prod").markdown)).toBeLessThanOrEqual(1500);
  });
});
