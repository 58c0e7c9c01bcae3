// The cost estimate as a user sees it (npm run plan, both edges side by side) and the price table's
// command (npm run prices), with --check refusing to guess without credentials and comparing with a
// fake of BSS GetPayAsYouGoPrice on loopback when given some.
import { spawn, spawnSync } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { INSTANCE_TYPE_PRICES, PRICES } from "../../../tools/costs/priceTable";
import { PROJECT_DIR } from "../../support/paths";

const RUN = path.join(PROJECT_DIR, "bin", "run.js");
const WITHOUT_CREDENTIALS = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith("ALICLOUD_")));

function command(name: string, args: string[], env: NodeJS.ProcessEnv = WITHOUT_CREDENTIALS) {
  const result = spawnSync(process.execPath, [RUN, `tools/commands/${name}`, ...args], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    timeout: 60000,
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** The same, asynchronously: the fake BSS server lives in this process and must keep answering. */
function commandAsync(
  name: string,
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [RUN, `tools/commands/${name}`, ...args], { cwd: PROJECT_DIR, env });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

function instanceEdgeStack(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "cost-plan-"));
  const file = path.join(dir, "Pulumi.dev.yaml");
  writeFileSync(file, `${readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8")}  wechat-https-backend:edge: instance\n`);
  return file;
}

describe("npm run plan: the cost estimate", () => {
  test("the instance edge's estimate per resource and in total, labelled an estimate, beside the loadBalancer edge's", () => {
    const { code, stdout } = command("plan", ["--config-file", instanceEdgeStack()]);
    expect(code).toBe(0);
    const section = stdout.slice(stdout.indexOf("Estimated monthly cost"));
    expect(section).toMatch(/^Estimated monthly cost, CNY: an estimate, not a quote \(pay-as-you-go list prices of \d{4}-\d\d-\d\d/);
    expect(section).toMatch(/ecs\.c7\.large instance wechat-app-0 +299\.30 \? +\(a lookup picks the type: ecs\.c7\.large assumed\)/);
    expect(section).toMatch(/EIP wechat-edge-eip: no holding fee while bound to the instance +0\.00/);
    expect(section).toMatch(/public traffic out through wechat-edge-eip +16\.00 \? +\(20 GB a month\)/);
    expect(section).toMatch(/total +359\.10\n/);
    expect(section.slice(0, section.indexOf("  total"))).not.toMatch(/CLB/);
    expect(section).toMatch(/^The same stack with edge loadBalancer: 484\.59 a month\.$/m);
  });

  test("the assumptions are set on the command line; a bad one is refused naming the flag", () => {
    const { stdout } = command("plan", ["--config-file", instanceEdgeStack(), "--traffic-gb", "120", "--json"]);
    const cost = (JSON.parse(stdout) as { cost: { estimate: { totalCny: number; assumptions: { trafficGbPerMonth: number } } } }).cost;
    expect(cost.estimate.assumptions.trafficGbPerMonth).toBe(120);
    expect(cost.estimate.totalCny).toBe(439.1);
    const bad = command("plan", ["--stack", "dev", "--hours", "a lot"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/--hours "a lot": give a number from 0 to 744, e\.g\. --hours 10/);
  });
});

describe("npm run prices", () => {
  test("lists every figure with its page and whether it was read there", () => {
    const { code, stdout } = command("prices", []);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Price table of \d{4}-\d\d-\d\d: pay-as-you-go list prices, CNY/);
    for (const id of [...Object.keys(INSTANCE_TYPE_PRICES), ...Object.keys(PRICES)]) expect(stdout).toContain(`  ${id} `);
    expect(stdout).toMatch(/clbInstance +0\.147 CNY\/hour +read +CLB instance fee/);
  });

  test("--check without credentials says it cannot, and checks nothing", () => {
    const { code, stderr, stdout } = command("prices", ["--check"]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/--check cannot compare the table with BSS GetPayAsYouGoPrice without credentials: set ALICLOUD_ACCESS_KEY/);
    expect(stdout).not.toMatch(/BSS GetPayAsYouGoPrice \(/);
  });

  describe("--check against a fake of BSS GetPayAsYouGoPrice", () => {
    let server: Server;
    const seen: Record<string, string>[] = [];
    beforeAll(async () => {
      server = createServer((req, res) => {
        const url = new URL(req.url ?? "/", "http://bss");
        let body = "";
        req.on("data", (chunk: Buffer) => (body += chunk.toString()));
        req.on("end", () => {
          // The OpenAPI client names the action in a header (x-acs-action), older ones in the query.
          const action = String(req.headers["x-acs-action"] ?? url.searchParams.get("Action") ?? "");
          const params: Record<string, string> = {
            Action: action,
            ...Object.fromEntries(url.searchParams),
            ...Object.fromEntries(new URLSearchParams(body)),
          };
          seen.push(params);
          const modules = Object.keys(params)
            .filter((k) => /^ModuleList\.\d+\.ModuleCode$/.test(k))
            .map((k) => params[k]);
          // The table's figures, but c7.large costs more.
          const cost = (code: string): number => {
            if (code === "InstanceType") {
              const type = /InstanceType:([^,]+)/.exec(params["ModuleList.1.Config"])?.[1] ?? "";
              return type === "ecs.c7.large" ? 0.5 : (INSTANCE_TYPE_PRICES[type]?.value ?? 0);
            }
            if (code === "SystemDisk") return PRICES.essdDisk.value * 40;
            if (code === "InternetChargeType") return PRICES.publicTraffic.value;
            if (code === "ISP") return PRICES.eipHolding.value;
            return 0;
          };
          const details = modules.map((code) => ({
            ModuleCode: code,
            OriginalCost: cost(code),
            CostAfterDiscount: cost(code),
            InvoiceDiscount: 0,
          }));
          res.writeHead(200, { "content-type": "application/json" });
          res.end(
            JSON.stringify({
              RequestId: "r",
              Code: "Success",
              Success: true,
              Data: { Currency: "CNY", ModuleDetails: { ModuleDetail: details } },
            }),
          );
        });
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    });
    afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

    test("reports the figure that drifted and exits 1; the others agree", async () => {
      const port = (server.address() as AddressInfo).port;
      const env = { ...WITHOUT_CREDENTIALS, ALICLOUD_ACCESS_KEY: "LTAI-fake", ALICLOUD_SECRET_KEY: "fake-secret" };
      const { code, stdout, stderr } = await commandAsync("prices", ["--check", "--endpoint", `127.0.0.1:${port}`], env);
      expect({ code, stderr }).toEqual({ code: 1, stderr: "" });
      expect(stdout).toMatch(
        /^ {2}DRIFT +ECS ecs\.c7\.large in cn-hangzhou: ecs\.c7\.large \(2 vCPU, 4 GiB\), Linux: table 0\.41, BSS 0\.5$/m,
      );
      expect(stdout).toMatch(/^ {2}SAME +ECS ecs\.g7\.large in cn-hangzhou: /m);
      expect(stdout).toMatch(/^ {2}SAME +EIP billed by traffic in cn-hangzhou: public traffic out/m);
      expect(stdout).toMatch(/1 figure\(s\) differ: update tools\/costs\/priceTable\.ts/);
      // What BSS was asked: the product, pay-as-you-go, the modules with their configs.
      expect(seen[0]).toMatchObject({
        Action: "GetPayAsYouGoPrice",
        ProductCode: "ecs",
        SubscriptionType: "PayAsYouGo",
        "ModuleList.1.ModuleCode": "InstanceType",
        "ModuleList.1.Config": "InstanceType:ecs.c7.large,IoOptimized:IoOptimized,ImageOs:linux,InstanceTypeFamily:ecs.c7",
        "ModuleList.1.PriceType": "Hour",
      });
    }, 60_000);
  });
});
