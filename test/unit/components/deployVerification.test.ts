import * as pulumi from "@pulumi/pulumi";
import { DeployVerification } from "../../../components/deployVerification";
import { parseCommandLine } from "../../../verifier/command";
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
});
