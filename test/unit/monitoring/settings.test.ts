// The monitoring function's settings (monitor/config.ts: its environment variables) and its state
// file (monitor/state.ts): what each variable means when set, unset or wrong, and which files read as
// a state.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { FUNCTION_ENV } from "../../../lib/monitoring/functionEnv";
import { readConfig } from "../../../monitor/config";
import { EMPTY_STATE, STATE_FILE, loadState, saveState } from "../../../monitor/state";

const VERIFY = JSON.stringify({ url: "https://api.example.com/" });
const WECOM = { kind: "wecom", url: "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7aaa-4bc4" };

describe("the function's settings", () => {
  /** Every setting but the verifier's options, unset. */
  const DEFAULTS = {
    robots: [],
    stateDir: "/tmp/wechat-https-monitor",
    stack: "stack",
    certificateSource: "unknown",
    renewEveryDays: 7,
    confirmSeconds: 60,
    language: "zh-CN",
  };

  test("only the verifier's options are required; everything else has its default", () => {
    expect(readConfig({ [FUNCTION_ENV.verify]: VERIFY })).toEqual({
      secrets: [],
      config: { verify: { url: "https://api.example.com/" }, ...DEFAULTS },
    });
  });

  test("empty values count as unset", () => {
    const empty = Object.fromEntries(Object.values(FUNCTION_ENV).map((name) => [name, ""]));
    expect(readConfig({ ...empty, [FUNCTION_ENV.verify]: VERIFY }).config).toEqual({
      verify: { url: "https://api.example.com/" },
      ...DEFAULTS,
    });
  });

  test("set values are taken as they are", () => {
    const config = readConfig({
      [FUNCTION_ENV.verify]: VERIFY,
      [FUNCTION_ENV.robots]: JSON.stringify([WECOM]),
      [FUNCTION_ENV.stateDir]: "/mnt/state",
      [FUNCTION_ENV.stack]: "prod",
      [FUNCTION_ENV.certificateSource]: "pem",
      [FUNCTION_ENV.renewEveryDays]: "14",
      [FUNCTION_ENV.confirmSeconds]: "0",
      [FUNCTION_ENV.alertLanguage]: "en",
    }).config;
    expect(config).toEqual({
      verify: { url: "https://api.example.com/" },
      robots: [WECOM],
      stateDir: "/mnt/state",
      stack: "prod",
      certificateSource: "pem",
      renewEveryDays: 14,
      confirmSeconds: 0,
      language: "en",
    });
  });

  test.each(["-1", "soon", "Infinity", "NaN", "  "])(
    "a number that is negative, blank or not a number (%j) falls back to its default",
    (value) => {
      const config = readConfig({
        [FUNCTION_ENV.verify]: VERIFY,
        [FUNCTION_ENV.renewEveryDays]: value,
        [FUNCTION_ENV.confirmSeconds]: value,
      });
      expect([config.config?.renewEveryDays, config.config?.confirmSeconds]).toEqual([7, 60]);
    },
  );

  test("robots that are not robots are dropped; a list that is not a list is no robots", () => {
    const robots = [
      WECOM,
      { kind: "slack", url: "https://hooks.slack.com/x" },
      { kind: "wecom" },
      null,
      "https://x",
      { kind: "dingtalk", url: 1 },
    ];
    expect(readConfig({ [FUNCTION_ENV.verify]: VERIFY, [FUNCTION_ENV.robots]: JSON.stringify(robots) }).config?.robots).toEqual([WECOM]);
    expect(readConfig({ [FUNCTION_ENV.verify]: VERIFY, [FUNCTION_ENV.robots]: JSON.stringify(WECOM) }).config?.robots).toEqual([]);
  });

  test("robots that are not JSON: a problem naming the variable, never its value, and no secrets known", () => {
    expect(readConfig({ [FUNCTION_ENV.verify]: VERIFY, [FUNCTION_ENV.robots]: `[${WECOM.url}` })).toEqual({
      secrets: [],
      problem: "environment variable ALERT_ROBOTS is not JSON",
    });
  });

  test("without a url to verify, or options that are not JSON: a problem, with the robots' secrets still known to redact", () => {
    const robots = JSON.stringify([WECOM]);
    for (const verify of [undefined, "{}", JSON.stringify({ url: 443 }), "null"]) {
      expect(readConfig({ [FUNCTION_ENV.verify]: verify, [FUNCTION_ENV.robots]: robots })).toEqual({
        secrets: expect.arrayContaining([WECOM.url]),
        problem: "VERIFY_OPTIONS must hold the verifier's options with a url",
      });
    }
    expect(readConfig({ [FUNCTION_ENV.verify]: "{url", [FUNCTION_ENV.robots]: robots })).toEqual({
      secrets: expect.arrayContaining([WECOM.url]),
      problem: "environment variable VERIFY_OPTIONS is not JSON",
    });
  });
});

describe("the state file", () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "monitor-state-"))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  test.each([
    ["null", "null"],
    ["a number", "1"],
    ["another version", JSON.stringify({ version: 2, failing: {} })],
    ["no failing checks", JSON.stringify({ version: 1 })],
    ["failing checks that are null", JSON.stringify({ version: 1, failing: null })],
    ["failing checks that are text", JSON.stringify({ version: 1, failing: "health" })],
  ])("%s is not a state: read as nothing failing, and said so", (_what, text) => {
    writeFileSync(join(dir, STATE_FILE), text);
    expect(loadState(dir)).toEqual({ state: EMPTY_STATE, problem: `${STATE_FILE} is not a state this version wrote; starting afresh` });
  });

  test("a state file that cannot be read is said so by its error code; a missing one is the first run", () => {
    mkdirSync(join(dir, STATE_FILE));
    expect(loadState(dir)).toEqual({ state: EMPTY_STATE, problem: "cannot read the state: EISDIR" });
    expect(loadState(join(dir, "nothing-here"))).toEqual({ state: EMPTY_STATE });
  });

  test("saved into a directory that does not exist yet, as readable JSON, and read back", () => {
    const state = { version: 1 as const, failing: { health: { since: "2026-03-01T00:00:00.000Z", detail: "503" } } };
    const nested = join(dir, "a", "b");
    saveState(nested, state);
    const text = readFileSync(join(nested, STATE_FILE), "utf8");
    expect(text).toBe(`${JSON.stringify(state, null, 2)}\n`);
    expect(loadState(nested)).toEqual({ state });
  });
});
