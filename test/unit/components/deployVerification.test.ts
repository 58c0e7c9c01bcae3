import * as pulumi from "@pulumi/pulumi";
import { DeployVerification } from "../../../components/deployVerification";
import { parseCommandLine, runBudgetMs } from "../../../verifier/command";
import { findResource, runComponents } from "../../support/program";

class Listener extends pulumi.CustomResource {
  constructor(name: string) {
    super("test:index:Listener", name, {});
  }
}

const LOCAL_COMMAND = "command:local:Command";

describe("DeployVerification", () => {
  test("runs the project's verifier against the load balancer address for both ports, after the listeners", async () => {
    const run = await runComponents(() => {
      new DeployVerification("check", {
        domain: "api.example.com",
        address: pulumi.output("203.0.113.10"),
        healthPath: "/api/health",
        hstsMinSeconds: 31536000,
        minDays: 30,
        triggers: ["cert-1", "listener-1"],
        after: [new Listener("https")],
      });
    });
    const check = findResource(run, LOCAL_COMMAND);
    const create = String(check.inputs.create);
    expect(create.startsWith("node bin/verify.js ")).toBe(true);
    // The same arguments the verifier's own parser accepts, so the deploy check cannot drift from the CLI.
    const parsed = parseCommandLine(create.replace(/^node bin\/verify\.js /, "").split(" "));
    expect(parsed).toEqual({
      json: false,
      waitSeconds: 300,
      locale: "en",
      options: expect.objectContaining({
        deadlineSeconds: 120,
        url: "https://api.example.com/",
        healthPath: "/api/health",
        hstsMinSeconds: 31536000,
        minDays: 30,
        resolve: ["api.example.com:443:203.0.113.10", "api.example.com:80:203.0.113.10"],
      }),
    });
    expect(check.inputs.triggers).toEqual(["cert-1", "listener-1"]);
    expect(check.options.dependsOn).toEqual([{ type: "test:index:Listener", name: "https" }]);
    expect(check.inputs.dir).toBeUndefined();
  });

  test("a private root the stack trusts is trusted by the deploy check too, handed over on stdin", async () => {
    const roots = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const run = await runComponents(() => {
      new DeployVerification("check", {
        domain: "api.example.com",
        address: "203.0.113.10",
        healthPath: "/api/health",
        hstsMinSeconds: 31536000,
        minDays: 30,
        triggers: [],
        after: [],
        trustedRootsPem: roots,
      });
    });
    const check = findResource(run, LOCAL_COMMAND);
    expect(String(check.inputs.create)).toMatch(/ --cacert - /);
    expect(check.inputs.stdin).toBe(roots);
  });

  test("without trusted roots the check reads no stdin and trusts the system roots only", async () => {
    const run = await runComponents(() => {
      new DeployVerification("check", {
        domain: "api.example.com",
        address: "203.0.113.10",
        healthPath: "/api/health",
        hstsMinSeconds: 31536000,
        minDays: 30,
        triggers: [],
        after: [],
      });
    });
    const check = findResource(run, LOCAL_COMMAND);
    expect(String(check.inputs.create)).not.toMatch(/--cacert/);
    expect(check.inputs.stdin).toBeUndefined();
  });

  test("the command has a time limit beyond the verifier's own budget, so pulumi up never waits on a hung check", async () => {
    const run = await runComponents(() => {
      new DeployVerification("check", {
        domain: "api.example.com",
        address: "203.0.113.10",
        healthPath: "/api/health",
        hstsMinSeconds: 31536000,
        minDays: 30,
        triggers: [],
        after: [],
        waitSeconds: 300,
        deadlineSeconds: 120,
      });
    });
    // 300 s of retries + a 120 s attempt + a minute = 480 s: 8 minutes, more than the verifier's own budget.
    const timeout = findResource(run, LOCAL_COMMAND).options.customTimeouts;
    expect(timeout).toEqual({ create: "8m", update: "8m" });
    expect(8 * 60_000).toBeGreaterThan(runBudgetMs(300, 120) + 10_000);
  });
});
