// The monitoring function's handler in-process, every branch of a run: the verifier stubbed with the
// reports it would give, the robots' HTTP answers stubbed at fetch, the state in a temporary
// directory. (test/integration/monitor/bundle.test.ts runs the real zip against real sites.)
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FUNCTION_ENV } from "../../../lib/monitoring/functionEnv";
import { EndpointUnreachableError, verify, type Report } from "../../../verifier";
import { handler } from "../../../monitor/handler";
import { STATE_FILE } from "../../../monitor/state";

jest.mock("../../../verifier", () => ({ ...jest.requireActual<object>("../../../verifier"), verify: jest.fn() }));
const verifyStub = verify as jest.MockedFunction<typeof verify>;

const URL_VERIFIED = "https://monitor.test/";
const WECOM = { kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9" };
const DING = { kind: "dingtalk", url: "https://oapi.dingtalk.com/robot/send?access_token=d1n9t0k3nd1n9", secret: "SEC5e1f2a3b4c5d6e7f8" };
const TIMER = { triggerTime: "2026-01-01T00:00:00Z", triggerName: "verify-schedule", payload: '{"kind":"verify"}' };

/** A report with these checks failing (each with its detail) and the rest passing. */
function report(failing: Record<string, string> = {}): Report {
  const ids = ["tls-versions", "health", "hsts", ...Object.keys(failing)];
  const checks = [...new Set(ids)].map((id) => ({ id, ok: !(id in failing), detail: failing[id] ?? `${id} fine` }));
  return { url: URL_VERIFIED, ok: checks.every((c) => c.ok), checks, durationMs: 5 } as unknown as Report;
}

let dir: string;
let lines: string[];
let posts: { url: string; body: string }[];
/** What the robots answer, in order of the posts; the last one repeats. */
let answers: (() => Promise<Response>)[];

const ok = () => Promise.resolve(new Response('{"errcode":0,"errmsg":"ok"}', { status: 200 }));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "monitor-run-"));
  lines = [];
  posts = [];
  answers = [ok];
  jest.spyOn(console, "log").mockImplementation((line: string) => void lines.push(line));
  jest.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    posts.push({ url: String(input), body: String(init?.body) });
    return (answers[Math.min(posts.length - 1, answers.length - 1)] ?? ok)();
  });
  verifyStub.mockReset();
  setEnv({});
});

afterEach(() => {
  jest.restoreAllMocks();
  for (const name of Object.values(FUNCTION_ENV)) delete process.env[name];
  rmSync(dir, { recursive: true, force: true });
});

function setEnv(overrides: Partial<Record<keyof typeof FUNCTION_ENV, string | undefined>>): void {
  const values: Record<keyof typeof FUNCTION_ENV, string | undefined> = {
    verify: JSON.stringify({ url: URL_VERIFIED, minDays: 30 }),
    robots: JSON.stringify([WECOM, DING]),
    stateDir: join(dir, "state"),
    stack: "prod",
    certificateSource: "acme",
    renewEveryDays: "7",
    alertLanguage: "en",
    confirmSeconds: "0",
    ...overrides,
  };
  for (const [key, value] of Object.entries(values) as [keyof typeof FUNCTION_ENV, string | undefined][]) {
    if (value === undefined) delete process.env[FUNCTION_ENV[key]];
    else process.env[FUNCTION_ENV[key]] = value;
  }
}

const savedState = () => JSON.parse(readFileSync(join(dir, "state", STATE_FILE), "utf8")) as { failing: Record<string, unknown> };
const log = () => lines.join("\n");

describe("a timer run", () => {
  test("all passing: nothing sent, the state saved with nothing failing, one log line saying so", async () => {
    verifyStub.mockResolvedValue(report());
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: [], failed: [], recovered: [] });
    expect(posts).toEqual([]);
    expect(savedState().failing).toEqual({});
    expect(lines).toEqual([`verified ${URL_VERIFIED}: every check passes; newly failing: none; recovered: none`]);
    // The verifier is asked in the alerts' language.
    expect(verifyStub).toHaveBeenCalledWith({ url: URL_VERIFIED, minDays: 30, locale: "en" });
  });

  test("a new failure is sent to every robot, a repeat is not, the recovery is", async () => {
    verifyStub.mockResolvedValue(report({ health: "the health path answered 503" }));
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: ["health"], failed: ["health"], recovered: [], delivered: 2 });
    expect(posts.map((p) => new URL(p.url).host)).toEqual(["qyapi.weixin.qq.com", "oapi.dingtalk.com"]);
    expect(posts[0].body).toMatch(/FAILING: monitor\.test \(prod\): health/);
    expect(Object.keys(savedState().failing)).toEqual(["health"]);
    expect(log()).toMatch(/verified https:\/\/monitor\.test\/: failing: health; newly failing: health; recovered: none/);
    expect(log()).toMatch(/robot 1 \(wecom\) took the alert "FAILING/);
    expect(log()).toMatch(/robot 2 \(dingtalk\) took the alert/);

    posts = [];
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: ["health"], failed: [], recovered: [] });
    expect(posts).toEqual([]);

    verifyStub.mockResolvedValue(report());
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: [], failed: [], recovered: ["health"], delivered: 2 });
    expect(posts[0].body).toMatch(/RECOVERED/);
    expect(savedState().failing).toEqual({});
  });

  test("an unreachable endpoint is a failure of its own, with the verifier's reason", async () => {
    verifyStub.mockRejectedValue(new EndpointUnreachableError("https://monitor.test is unreachable: ECONNREFUSED"));
    const summary = await handler(TIMER);
    expect(summary).toMatchObject({ failing: ["reachable"], failed: ["reachable"], delivered: 2 });
    expect(posts[0].body).toContain("ECONNREFUSED");
  });

  test("any other error of the verifier fails the run, logged, so Function Compute retries it", async () => {
    verifyStub.mockRejectedValue(new Error("out of sockets"));
    await expect(handler(TIMER)).rejects.toThrow("out of sockets");
    expect(lines).toEqual(["error: the verification could not run: out of sockets"]);
    expect(posts).toEqual([]);
  });

  test("a new failure is looked at again after confirmSeconds; gone by then, nothing is sent", async () => {
    setEnv({ confirmSeconds: "1" });
    verifyStub.mockResolvedValueOnce(report({ hsts: "no header" })).mockResolvedValue(report());
    const started = Date.now();
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: [], failed: [], recovered: [] });
    expect(Date.now() - started).toBeGreaterThanOrEqual(950);
    expect(verifyStub).toHaveBeenCalledTimes(2);
    expect(lines[0]).toBe("new failure(s) hsts; checking again in 1 s");
    expect(posts).toEqual([]);
  });

  test("a failure already known is not looked at twice", async () => {
    setEnv({ confirmSeconds: "1" });
    verifyStub.mockResolvedValue(report({ hsts: "no header" }));
    await handler(TIMER);
    verifyStub.mockClear();
    // hsts is in the state now: the next run looks once.
    const started = Date.now();
    await handler(TIMER);
    expect([verifyStub.mock.calls.length, Date.now() - started < 900]).toEqual([1, true]);
  });
});

describe("robots that do not take the alert", () => {
  test.each([
    [
      "an errcode",
      () => Promise.resolve(new Response('{"errcode":93000,"errmsg":"invalid webhook url"}')),
      "errcode 93000 (invalid webhook url)",
    ],
    ["an HTTP error", () => Promise.resolve(new Response("busy", { status: 502 })), "HTTP 502"],
    ["an answer that is not JSON", () => Promise.resolve(new Response("<html>")), "an answer that is not JSON"],
    ["an errcode without errmsg", () => Promise.resolve(new Response('{"errcode":1}')), "errcode 1 ()"],
    [
      "a refused connection",
      () => Promise.reject(Object.assign(new TypeError("fetch failed"), { cause: { code: "ECONNREFUSED" } })),
      "TypeError ECONNREFUSED",
    ],
    ["a timeout", () => Promise.reject(Object.assign(new Error("timed out"), { name: "TimeoutError" })), "TimeoutError"],
  ])("%s: logged by robot, and with none delivered the state is kept so the next run sends again", async (_what, answer, problem) => {
    answers = [answer];
    verifyStub.mockResolvedValue(report({ health: "503" }));
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: ["health"], failed: ["health"], recovered: [], delivered: 0 });
    expect(lines).toContain(`error: robot 1 (wecom) did not take the alert: ${problem}`);
    expect(lines).toContain(`error: robot 2 (dingtalk) did not take the alert: ${problem}`);
    expect(lines).toContain("error: no robot took the alert; the state is kept so the next run sends it again");
    expect(() => savedState()).toThrow(/ENOENT/);
  });

  test("one robot of two is enough: the change is recorded", async () => {
    answers = [() => Promise.resolve(new Response("busy", { status: 500 })), ok];
    verifyStub.mockResolvedValue(report({ health: "503" }));
    expect(await handler(TIMER)).toMatchObject({ failed: ["health"], delivered: 1 });
    expect(Object.keys(savedState().failing)).toEqual(["health"]);
  });

  test("the DingTalk robot's URL is signed; the WeCom one is posted as configured", async () => {
    verifyStub.mockResolvedValue(report({ health: "503" }));
    await handler(TIMER);
    expect(posts[0].url).toBe(WECOM.url);
    expect(new URL(posts[1].url).searchParams.get("sign")).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(JSON.parse(posts[1].body)).toMatchObject({ msgtype: "markdown", markdown: { title: expect.stringMatching(/FAILING/) } });
  });
});

describe("settings and state", () => {
  test("no robots configured: the change is only logged, and recorded", async () => {
    setEnv({ robots: undefined });
    verifyStub.mockResolvedValue(report({ health: "503" }));
    expect(await handler(TIMER)).toMatchObject({ failed: ["health"], delivered: 0 });
    expect(lines).toContain("no robots configured (alertWebhooks); the change is only in this log: FAILING: monitor.test (prod): health");
    expect(posts).toEqual([]);
    expect(Object.keys(savedState().failing)).toEqual(["health"]);
  });

  test("state that cannot be saved is logged and the run still succeeds", async () => {
    const file = join(dir, "a-file");
    writeFileSync(file, "");
    setEnv({ stateDir: join(file, "state") });
    verifyStub.mockResolvedValue(report({ health: "503" }));
    expect(await handler(TIMER)).toMatchObject({ failed: ["health"], delivered: 2, stateSaved: false });
    expect(log()).toMatch(/error: cannot save the state in .*a-file\/state \(ENOTDIR\): the next run reports the same changes again/);
    verifyStub.mockResolvedValue(report());
    expect(await handler(TIMER)).toEqual({ kind: "verify", failing: [], failed: [], recovered: [], stateSaved: false });
  });

  test("an unreadable state file is logged and read as nothing failing", async () => {
    const stateDir = join(dir, "state");
    setEnv({ stateDir });
    verifyStub.mockResolvedValue(report({ health: "503" }));
    await handler(TIMER);
    writeFileSync(join(stateDir, STATE_FILE), "{not json");
    posts = [];
    expect(await handler(TIMER)).toMatchObject({ failed: ["health"], delivered: 2 });
    expect(lines).toContain(`error: ${STATE_FILE} is not a state this version wrote; starting afresh`);
  });

  test("bad settings fail the run with the reason, never quoting the robots", async () => {
    setEnv({ verify: undefined });
    await expect(handler(TIMER)).rejects.toThrow("bad function settings: VERIFY_OPTIONS must hold the verifier's options with a url");
    expect(lines).toEqual(["error: bad function settings: VERIFY_OPTIONS must hold the verifier's options with a url"]);
    setEnv({ robots: "{broken" });
    await expect(handler(TIMER)).rejects.toThrow("bad function settings: environment variable ALERT_ROBOTS is not JSON");
    expect(verifyStub).not.toHaveBeenCalled();
  });

  test("no secret reaches the log, even when an error quotes a robot URL", async () => {
    answers = [() => Promise.reject(new Error(`connect to ${DING.url} failed`))];
    verifyStub.mockRejectedValue(new Error(`proxy refused ${WECOM.url}`));
    await expect(handler(TIMER)).rejects.toThrow();
    for (const secret of [WECOM.url, DING.url, "0f1e2d3c-4b5a-6978-8695-a4b3c2d1e0f9", DING.secret]) expect(log()).not.toContain(secret);
    expect(log()).toContain("[redacted]");
  });
});

describe("an alarm event", () => {
  test("is relayed to every robot and nothing is verified", async () => {
    const summary = await handler({ alertName: "prod: unhealthy backends", alertState: "ALERT", metricName: "UnhealthyServerCount" });
    expect(summary).toEqual({ kind: "alarm", delivered: 2 });
    expect(verifyStub).not.toHaveBeenCalled();
    expect(posts[0].body).toMatch(/ALARM: prod: unhealthy backends \(prod\)/);
    expect(lines[0]).toMatch(/^relaying .*: ALARM: prod: unhealthy backends \(prod\)$/);
  });

  test("with no robots, nothing is sent and none is delivered", async () => {
    setEnv({ robots: "[]" });
    expect(await handler({ alertName: "x", alertState: "ALERT" })).toEqual({ kind: "alarm", delivered: 0 });
    expect(posts).toEqual([]);
  });
});
