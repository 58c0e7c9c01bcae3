// The cost estimate of the committed stacks on both edges: each line is the table's figures times the
// plan's resources and the assumptions, the instance edge drops the CLB's fees, and every figure of
// the table names its page and whether it was read there.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { DEFAULT_ASSUMPTIONS, estimateCost, type CostEstimate } from "../../../tools/costs/estimate";
import { INSTANCE_TYPE_PRICES, PRICES } from "../../../tools/costs/priceTable";
import { PROJECT_DIR, planOf } from "../../support/program";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cost-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function estimateOf(
  stack: string,
  changes: Record<string, string> = {},
  assumptions = DEFAULT_ASSUMPTIONS,
  mode: "test" | "plan" = "test",
): Promise<CostEstimate> {
  const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  const file = path.join(dir, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify({ config: { ...committed.config, ...changes } }));
  return estimateCost((await planOf({ configFile: file }, mode)).document, assumptions);
}

const H = DEFAULT_ASSUMPTIONS.hoursPerMonth;
const cents = (value: number) => Math.round(value * 100) / 100;
const INSTANCE = cents(INSTANCE_TYPE_PRICES["ecs.c7.large"].value * H);
const DISK = cents(PRICES.essdDisk.value * 40 * H);
const CLB = cents((PRICES.clbInstance.value + PRICES.clbPublicIp.value + PRICES.clbLcu.value * DEFAULT_ASSUMPTIONS.lcuPerHour) * H);
const TRAFFIC = cents(PRICES.publicTraffic.value * DEFAULT_ASSUMPTIONS.trafficGbPerMonth);
const INSTANCE_EDGE = {
  "wechat-https-backend:edge": "instance",
  "wechat-https-backend:instanceCount": "1",
  "wechat-https-backend:zoneCount": "1",
};

describe("dev", () => {
  test("edge loadBalancer: the instance, its disk, the CLB's fees and the traffic", async () => {
    const estimate = await estimateOf("dev");
    expect(estimate.lines.map((l) => [l.item, l.monthlyCny])).toEqual([
      ["ecs.c7.large instance wechat-app-0", INSTANCE],
      ["system disk of wechat-app-0 (cloud_essd, 40 GiB)", DISK],
      ["CLB wechat-lb-clb: instance fee, public IP, LCU", CLB],
      ["public traffic out through wechat-lb-clb", TRAFFIC],
    ]);
    expect(estimate.totalCny).toBe(cents(INSTANCE + DISK + CLB + TRAFFIC));
    expect(estimate.notPriced).toEqual([]);
  });

  test("edge instance: no CLB, a bound EIP with no holding fee, the same traffic", async () => {
    const estimate = await estimateOf("dev", INSTANCE_EDGE);
    expect(estimate.lines.map((l) => [l.item, l.monthlyCny])).toEqual([
      ["ecs.c7.large instance wechat-app-0", INSTANCE],
      ["system disk of wechat-app-0 (cloud_essd, 40 GiB)", DISK],
      ["EIP wechat-edge-eip: no holding fee while bound to the instance", 0],
      ["public traffic out through wechat-edge-eip", TRAFFIC],
    ]);
    expect(estimate.totalCny).toBe(cents(INSTANCE + DISK + TRAFFIC));
  });

  test("before a lookup has answered (the plan's view) the assumed instance type is priced and said to be assumed", async () => {
    const estimate = await estimateOf("dev", INSTANCE_EDGE, DEFAULT_ASSUMPTIONS, "plan");
    const instance = estimate.lines.find((l) => l.item.startsWith("ecs.c7.large"));
    expect(instance).toMatchObject({ monthlyCny: INSTANCE, assumed: "a lookup picks the type: ecs.c7.large assumed" });
    const other = await estimateOf("dev", INSTANCE_EDGE, { ...DEFAULT_ASSUMPTIONS, lookedUpInstanceType: "ecs.e-c1m2.large" }, "plan");
    expect(other.notPriced).toEqual(["instance wechat-app-0: ecs.e-c1m2.large is not in the price table (tools/costs/priceTable.ts)"]);
  });

  test("the assumptions move the figures they concern and nothing else", async () => {
    const more = await estimateOf("dev", INSTANCE_EDGE, { ...DEFAULT_ASSUMPTIONS, trafficGbPerMonth: 120 });
    const base = await estimateOf("dev", INSTANCE_EDGE);
    expect(cents(more.totalCny - base.totalCny)).toBe(cents(PRICES.publicTraffic.value * 100));
    const half = await estimateOf("dev", INSTANCE_EDGE, { ...DEFAULT_ASSUMPTIONS, hoursPerMonth: H / 2 });
    expect(half.lines.find((l) => l.item.startsWith("ecs.c7.large"))?.monthlyCny).toBe(cents(INSTANCE / 2));
  });
});

describe("prod (monitoring on)", () => {
  test("edge loadBalancer: two instances, the CLB, and the monitoring's function, logs, bucket and site monitor", async () => {
    const estimate = await estimateOf("prod");
    const items = estimate.lines.map((l) => l.item);
    expect(items.filter((i) => i.includes("instance wechat-app-"))).toHaveLength(2);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/^CLB /),
        expect.stringMatching(/^scheduled verifier .* \(Function Compute\)$/),
        expect.stringMatching(/^Log Service store /),
        expect.stringMatching(/^OSS bucket /),
        expect.stringMatching(/^CloudMonitor site monitor /),
      ]),
    );
    // The verifier runs every hour (the default schedule): 730 runs of 20 s at 0.25 vCPU and 0.5 GB.
    const fc = estimate.lines.find((l) => l.item.startsWith("scheduled verifier"));
    const seconds = 730 * 20;
    expect(fc?.monthlyCny).toBe(
      cents(seconds * 0.25 * PRICES.fcVcpu.value + seconds * 0.5 * PRICES.fcMemory.value + 0.073 * PRICES.fcInvocations.value),
    );
  });

  test("edge instance costs less by the second instance, its disk and the CLB", async () => {
    const lb = await estimateOf("prod");
    const edge = await estimateOf("prod", INSTANCE_EDGE);
    expect(cents(lb.totalCny - edge.totalCny)).toBe(cents(INSTANCE + DISK + CLB));
  });
});

test("every figure of the table names its page and whether it was read there; only the CLB instance fee is", () => {
  const all = [...Object.values(INSTANCE_TYPE_PRICES), ...Object.values(PRICES)];
  for (const price of all) {
    expect(price.source).toMatch(/^https:\/\/(www\.aliyun\.com|help\.aliyun\.com|www\.alibabacloud\.com)\//);
    expect(["read", "unconfirmed"]).toContain(price.status);
    expect(price.note?.length ?? 0).toBeGreaterThan(10);
  }
  expect(
    Object.entries(PRICES)
      .filter(([, p]) => p.status === "read")
      .map(([id]) => id),
  ).toEqual(["clbInstance"]);
});
