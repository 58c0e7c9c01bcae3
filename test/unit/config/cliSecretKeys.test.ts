// The program learns which config values were set with --secret from the Pulumi SDK: the language
// host passes the secret keys beside the config (PULUMI_CONFIG_SECRET_KEYS, pulumi/pulumi
// sdk/nodejs/cmd/pulumi-language-nodejs/main.go), and the SDK answers through
// pulumi.runtime.isConfigSecret, a function its typings leave out (@internal). These tests pin that
// contract for the installed SDK, so an upgrade that drops or changes it fails here instead of
// silently letting plain-text secrets through.
import * as pulumi from "@pulumi/pulumi";
import { runProgram } from "../../../tools/plan/runProgram";
import { fullKeys, P } from "../../support/config";
import { loadIndex } from "../../support/program";

const STACK = fullKeys({
  "alicloud:region": "cn-hangzhou",
  environment: "dev",
  domain: "api.example.com",
  certificateSource: "selfSigned",
  appImage: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2",
  acrInstanceId: "cri-abc123def456",
  appSecrets: JSON.stringify({ WX_APP_SECRET: "value-set-without-secret" }),
});

function run(secretKeys: string[]) {
  return runProgram({ project: "wechat-https-backend", stack: "shop", config: STACK, secretKeys, mode: "test", loadProgram: loadIndex });
}

test("the installed SDK answers which config keys the CLI passed as secrets", () => {
  const runtime = pulumi.runtime as unknown as { isConfigSecret?: (key: string) => boolean };
  expect(typeof runtime.isConfigSecret).toBe("function");
  pulumi.runtime.setAllConfig({ "demo:a": "1", "demo:b": "2" }, ["demo:b"]);
  expect([runtime.isConfigSecret!("demo:a"), runtime.isConfigSecret!("demo:b")]).toEqual([false, true]);
});

test("the program refuses app secrets the CLI says are plain text, and takes them when they are secret", async () => {
  await expect(run([])).rejects.toThrow(
    /appSecrets holds plain-text values \(WX_APP_SECRET\).*pulumi config set --secret --path 'appSecrets\./,
  );
  const accepted = await run([`${P}appSecrets`]);
  expect(accepted.resources.some((r) => r.type === "alicloud:oos/secretParameter:SecretParameter")).toBe(true);
});

test("the program warns about provider credentials the CLI says are plain text, naming the key, not the value", async () => {
  const program = await runProgram({
    project: "wechat-https-backend",
    stack: "shop",
    config: { ...STACK, "alicloud:secretKey": "plain-secret-key-value" },
    secretKeys: [`${P}appSecrets`],
    mode: "test",
    loadProgram: loadIndex,
  });
  const warnings = program.log.filter((l) => l.level === "warning").map((l) => l.message);
  expect(warnings.filter((w) => w.startsWith("alicloud:secretKey is stored in plain text"))).toHaveLength(1);
  expect(JSON.stringify(program.log)).not.toContain("plain-secret-key-value");
});
