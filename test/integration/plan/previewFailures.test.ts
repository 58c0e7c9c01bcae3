// What `pulumi preview` meets when the region or the account cannot serve the stack: the program
// fails before anything is created, naming the config key that fixes it. The lookups answer from a
// described region (tools/plan/cloudCatalog.ts), in a process of their own running the compiled
// program (test/support/planChild.js).
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { defaultCatalog, type CloudCatalog } from "../../../tools/plan/cloudCatalog";
import type { MockOptions } from "../../../tools/plan/mocks";
import { PROJECT_DIR } from "../../support/paths";

/** prod's vSwitches as deployed with looked-up zones (cn-hangzhou-h and -i), now under the names configured zones give them. */
const DEPLOYED_IN_H_AND_I: MockOptions = {
  deployed: {
    "wechat-net-vswitch-cn-hangzhou-i": { zoneId: "cn-hangzhou-h" },
    "wechat-net-vswitch-cn-hangzhou-j": { zoneId: "cn-hangzhou-i" },
  },
};

const CASES: Record<string, { stack: string; changes: Record<string, unknown>; catalog?: CloudCatalog; deployedStack?: MockOptions }> = {
  "zone not hosted": {
    stack: "dev",
    changes: { domain: "dev.example.org" },
    catalog: { ...defaultCatalog("cn-hangzhou"), dnsZones: ["example.com"] },
  },
  "too many zones": { stack: "prod", changes: { instanceCount: 5, zoneCount: 5 } },
  "no image": { stack: "dev", changes: {}, catalog: { ...defaultCatalog("cn-hangzhou"), images: [] } },
  "ARM type": { stack: "dev", changes: { instanceType: "ecs.c8y.large" } },
  "zones moved while pinned": {
    stack: "prod",
    changes: { zoneIds: ["cn-hangzhou-i", "cn-hangzhou-j"] },
    deployedStack: DEPLOYED_IN_H_AND_I,
  },
  "committed prod": { stack: "prod", changes: {} },
};

/**
 * The cases whose failures a zh run words in Chinese (the program takes its language from the
 * environment); a passing case last, as in CASES, so the child's Pulumi runtime exits cleanly.
 */
const ZH_CASES = ["zone not hosted", "too many zones", "no image", "ARM type", "zones moved while pinned", "committed prod"];

let dir: string;
/** A case for the child: a stack file and the cloud it plans against. */
interface ChildCase {
  readonly configFile: string;
  readonly catalog?: CloudCatalog;
  readonly deployedStack?: MockOptions;
}

type ChildResult = { readonly ok: true; readonly resources: string[] } | { readonly ok: false; readonly error: string };

const results = new Map<string, ChildResult>();
const zhResults = new Map<string, ChildResult>();

/** Runs the named cases in one child process with `env`; its answers in the cases' order. */
function runCases(names: readonly string[], env: NodeJS.ProcessEnv, sub: string): ChildResult[] {
  const cases: ChildCase[] = names.map((name, i) => {
    const { stack, changes, catalog, deployedStack } = CASES[name];
    const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
    const config = { ...committed.config };
    for (const [key, value] of Object.entries(changes)) config[`wechat-https-backend:${key}`] = value;
    // The stack name is in every URN: keep it, one directory per case.
    const caseDir = path.join(dir, sub, String(i));
    mkdirSync(caseDir, { recursive: true });
    const configFile = path.join(caseDir, `Pulumi.${stack}.yaml`);
    writeFileSync(configFile, stringify({ config }));
    return { configFile, catalog, deployedStack };
  });
  const casesFile = path.join(dir, sub, "cases.json");
  writeFileSync(casesFile, JSON.stringify(cases));
  const child = spawnSync(process.execPath, [path.join(PROJECT_DIR, "test", "support", "planChild.js"), casesFile], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    timeout: 120_000,
    env,
  });
  if (child.status !== 0) throw new Error(`planChild failed (${child.status}, ${sub}): ${child.stdout}\n${child.stderr}`);
  return JSON.parse(child.stdout) as ChildResult[];
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "preview-failures-"));
  const names = Object.keys(CASES);
  runCases(names, process.env, "en").forEach((answer, i) => results.set(names[i], answer));
  runCases(ZH_CASES, { ...process.env, LC_ALL: "zh_CN.UTF-8" }, "zh").forEach((answer, i) => zhResults.set(ZH_CASES[i], answer));
}, 240_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function failure(name: string, from = results): string {
  const result = from.get(name);
  if (!result || result.ok) throw new Error(`expected case "${name}" to fail, got ${JSON.stringify(result)}`);
  return result.error;
}

describe("failures at preview", () => {
  test("a dnsZone the account's Alibaba Cloud DNS does not host stops the plan, naming dnsZone and the fix", () => {
    const error = failure("zone not hosted");
    expect(error).toMatch(/dnsZone: example\.org is not a zone of this account's Alibaba Cloud DNS, so neither /);
    expect(error).toMatch(/neither the A record for dev\.example\.org nor an ACME DNS-01 challenge can be written/);
    expect(error).toMatch(/pulumi config set dnsZone <zone>/);
  });

  test("no instance type fits in enough zones: the error names instanceType, zoneCount and the region", () => {
    const error = failure("too many zones");
    expect(error).toMatch(/instanceType: no pay-as-you-go 2 vCPU \/ 4 GiB instance type in cn-hangzhou .* at least 5 zone\(s\)/);
    expect(error).toMatch(/pulumi config set instanceType .* lower zoneCount, or use another alicloud:region/);
  });

  test("a region without the Ubuntu image: the error names imageId", () => {
    expect(failure("no image")).toMatch(/imageId: no Ubuntu 22\.04 x86_64 .* system image in cn-hangzhou; set imageId/);
  });

  test("a configured ARM type is refused", () => {
    expect(failure("ARM type")).toMatch(/instanceType: ecs\.c8y\.large is not sold .* ARM types such as c8y/);
  });

  test("zones pinned to other zones than the vSwitches are in, in one step: the plan stops, naming the zones to pin first", () => {
    const error = failure("zones moved while pinned");
    expect(error).toMatch(
      /zoneIds: the stack's vSwitches are in \["cn-hangzhou-h","cn-hangzhou-i"\], in this order, not \["cn-hangzhou-i","cn-hangzhou-j"\]/,
    );
    expect(error).toMatch(
      /Set zoneIds to exactly \["cn-hangzhou-h","cn-hangzhou-i"\] first and run pulumi up \(nothing moves\), then change it/,
    );
  });

  test("the committed prod stack passes", () => {
    expect(results.get("committed prod")).toMatchObject({ ok: true });
  });
});

/** Chinese characters (CJK Unified Ideographs). */
const HAN = /[\u4e00-\u9fff]/;

describe("failures at preview in a zh environment: in Chinese, naming the same key and fix", () => {
  test("the committed prod stack passes there too", () => {
    expect(zhResults.get("committed prod")).toMatchObject({ ok: true });
  });

  test.each([
    ["zone not hosted", ["dnsZone：example.org", "dev.example.org", "pulumi config set dnsZone <zone>"]],
    ["too many zones", ["instanceType：", "cn-hangzhou", "至少 5 个", "pulumi config set instanceType ecs.c7.large", "zoneCount"]],
    ["no image", ["imageId：cn-hangzhou 中没有", "pulumi config set imageId <id>", "alicloud:region"]],
    ["ARM type", ["instanceType：ecs.c8y.large", "ARM", "pulumi config set instanceType ecs.c7.large"]],
    ["zones moved while pinned", ["zoneIds：", '["cn-hangzhou-h","cn-hangzhou-i"]', "pulumi up"]],
  ])("%s", (name, parts) => {
    const error = failure(name, zhResults);
    expect(error).toMatch(HAN);
    for (const part of parts) expect(error).toContain(part);
  });
});
