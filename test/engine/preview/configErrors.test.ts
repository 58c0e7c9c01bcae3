// Bad config through the real CLI: the preview ends with the project's own message, naming the key
// and the fix, before any resource exists; never a stack trace.
import * as path from "node:path";
import { labCertificateSettings, stackConfigValues } from "../../../tools/realEngine/labCertificateConfig";
import { withLabStack, type PulumiResult } from "../../support/labEngine";
import { PROJECT_DIR } from "../../support/paths";

const NS = "wechat-https-backend";

async function devPreview(change: { config?: Record<string, unknown>; drop?: string[]; secrets?: "keep" | "none" }): Promise<PulumiResult> {
  const certificate = await labCertificateSettings(stackConfigValues(path.join(PROJECT_DIR, "Pulumi.dev.yaml")));
  const secrets = change.secrets === "none" ? {} : certificate.secrets;
  return withLabStack({ stack: "dev", config: { ...certificate.config, ...change.config }, drop: change.drop, secrets }, (stack, lab) =>
    stack.pulumi(["preview"]).then((result) => {
      // Refused before anything: no resource call reached the emulator.
      expect(lab.store.requests.filter((r) => !/^Describe|^List|^Get/.test(r.action))).toEqual([]);
      return result;
    }),
  );
}

function expectProjectMessage(result: PulumiResult, ...parts: (string | RegExp)[]): void {
  const output = `${result.stdout}\n${result.stderr}`;
  expect(result.code).not.toBe(0);
  for (const part of parts) expect(output).toMatch(part);
  // The project's message alone: no JavaScript stack frames, no "unhandled exception" dump.
  expect(output).not.toMatch(/^\s+at .+\(.+:\d+:\d+\)$/m);
  expect(output).not.toMatch(/unhandled exception/i);
}

test("a value out of range names the key and the fix", async () => {
  expectProjectMessage(await devPreview({ config: { [`${NS}:instanceCount`]: 21 } }), "instanceCount", /pulumi config set instanceCount/);
});

test("an unknown key names the nearest known key", async () => {
  expectProjectMessage(await devPreview({ config: { [`${NS}:instanceCont`]: 2 } }), "instanceCont", "instanceCount");
});

test("a missing secret names the key and the secret command", async () => {
  expectProjectMessage(await devPreview({ secrets: "none" }), "certificatePem", /pulumi config set --secret certificatePem/);
});
