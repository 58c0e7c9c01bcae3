// The policy pack run by the real CLI (`--policy-pack policy`, started through the language host as
// the release's host starts packs): an insecure change fails the preview, naming the policy.
import * as path from "node:path";
import { labCertificateSettings, stackConfigValues } from "../../../tools/realEngine/labCertificateConfig";
import { withLabStack } from "../../support/labEngine";
import { PROJECT_DIR } from "../../support/paths";

const NS = "wechat-https-backend";

test("dev with SSH open to the internet: the preview fails on no-admin-ports-from-internet", async () => {
  const certificate = await labCertificateSettings(stackConfigValues(path.join(PROJECT_DIR, "Pulumi.dev.yaml")));
  const config = { ...certificate.config, [`${NS}:sshAllowedCidrs`]: ["0.0.0.0/0"] };
  await withLabStack({ stack: "dev", config, secrets: certificate.secrets }, async (stack) => {
    const result = await stack.pulumi(["preview", "--policy-pack", "policy", "--policy-pack-config", "policy/config/dev.json"]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/mandatory\]\s+no-admin-ports-from-internet/);
    expect(result.stdout).toContain("wechat-net-ssh");
  });
});

test("a listener allowing TLS 1.0 and SSH from anywhere, declared past the config checks: both denied", async () => {
  await withLabStack({ stack: "lab", projectDir: path.join(__dirname, "..", "fixtures", "insecure") }, async (stack) => {
    const policy = path.join(PROJECT_DIR, "policy");
    const result = await stack.pulumi([
      "preview",
      "--policy-pack",
      policy,
      "--policy-pack-config",
      path.join(policy, "config", "dev.json"),
    ]);
    expect(result.code).not.toBe(0);
    expect(result.stdout).toMatch(/mandatory\]\s+https-listener-tls-1-2/);
    expect(result.stdout).toMatch(/mandatory\]\s+no-admin-ports-from-internet/);
  });
});
