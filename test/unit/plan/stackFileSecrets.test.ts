// appSecrets as the CLI writes it (`pulumi config set --secret --path 'appSecrets.NAME' ...`): each
// entry encrypted inside a map. The offline plan reads such a map as a secret it cannot decrypt,
// never prints it, and refuses an entry stored in plain text, naming it.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { loadStack, StackFileError } from "../../../tools/plan/stackFiles";
import { UNREADABLE_SECRET } from "../../../lib/config/stackConfig";
import { formatPlan } from "../../../tools/plan/present";
import { planOf, PROJECT_DIR } from "../../support/program";

const P = "wechat-https-backend:";
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "stack-secrets-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function stackFile(name: string, body: string): string {
  const file = path.join(dir, `Pulumi.${name}.yaml`);
  writeFileSync(
    file,
    `config:
  alicloud:region: cn-hangzhou
  ${P}domain: dev.example.com
  ${P}acmeEmail: ops@example.com
  ${P}appImage: team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2
  ${P}acrInstanceId: cri-abc123def456
${body}`,
  );
  return file;
}

test("encrypted entries: a secret map the plan cannot read; its ciphertexts feed the diff", () => {
  const file = stackFile(
    "enc",
    `  ${P}appSecrets:
    WX_APP_SECRET:
      secure: v1:ciphertextAAAA
  ${P}appEnv:
    LOG_LEVEL: info
`,
  );
  const { config } = loadStack(PROJECT_DIR, { configFile: file });
  expect(JSON.parse(config.values[`${P}appSecrets`])).toEqual({ WX_APP_SECRET: UNREADABLE_SECRET });
  expect(config.secretKeys).toContain(`${P}appSecrets`);
  expect(config.unreadableSecretKeys).toContain(`${P}appSecrets`);
  expect(config.ciphertexts[`${P}appSecrets`]).toContain("v1:ciphertextAAAA");
  expect(JSON.parse(config.values[`${P}appEnv`])).toEqual({ LOG_LEVEL: "info" });
  expect(config.secretKeys).not.toContain(`${P}appEnv`);
});

test("an absent appSecrets is an empty map, not an unknown secret", () => {
  const { config } = loadStack(PROJECT_DIR, { configFile: stackFile("none", "") });
  expect(config.values[`${P}appSecrets`]).toBe("{}");
  expect(config.unreadableSecretKeys).not.toContain(`${P}appSecrets`);
});

test("an entry in plain text is refused, naming it and the fix, without its value", () => {
  const file = stackFile(
    "plain",
    `  ${P}appSecrets:
    WX_APP_SECRET:
      secure: v1:ciphertextAAAA
    DATABASE_URL: mysql://app:hunter2@db/app
`,
  );
  expect(() => loadStack(PROJECT_DIR, { configFile: file })).toThrow(StackFileError);
  expect(() => loadStack(PROJECT_DIR, { configFile: file })).toThrow(
    /appSecrets\.DATABASE_URL is in plain text; store each as a secret: pulumi config set --secret --path 'appSecrets\.DATABASE_URL'/,
  );
  try {
    loadStack(PROJECT_DIR, { configFile: file });
  } catch (err) {
    expect((err as Error).message).not.toContain("hunter2");
  }
});

test("the offline plan of such a stack plans the secrets as [secret] and the role", async () => {
  const file = stackFile(
    "planned",
    `  ${P}appSecrets:
    WX_APP_SECRET:
      secure: v1:ciphertextAAAA
`,
  );
  const plan = await planOf({ configFile: file });
  const text = formatPlan(plan.document, file);
  expect(text).toMatch(/oos\/secretParameter:SecretParameter\s+wechat-runtime-secret-WX_APP_SECRET/);
  expect(text).toMatch(/value: "\[secret\]"/);
  expect(text).toContain("ram/role:Role");
  expect(text).not.toContain("ciphertextAAAA");
});

test("alertWebhooks with its items encrypted (pulumi config set --secret --path 'alertWebhooks[0]') is a secret, not a plain-text one", async () => {
  const file = stackFile(
    "robots",
    `  ${P}monitoring: "on"
  ${P}alertWebhooks:
    - secure: v1:robotCiphertextAAAA
`,
  );
  const { config } = loadStack(PROJECT_DIR, { configFile: file });
  expect(config.plaintextSecretKeys).not.toContain(`${P}alertWebhooks`);
  expect(config.unreadableSecretKeys).toContain(`${P}alertWebhooks`);
  expect(config.ciphertexts[`${P}alertWebhooks`]).toContain("v1:robotCiphertextAAAA");
  const plan = await planOf({ configFile: file });
  expect(plan.document.warnings.filter((w) => w.includes("alertWebhooks"))).toEqual([]);
  // The function still gets the robots, as a secret the offline plan cannot read.
  expect(formatPlan(plan.document, file)).toMatch(/fc\/v3Function:V3Function[\s\S]*environmentVariables: "\[secret\]"/);
  expect(JSON.stringify(plan.document)).not.toContain("robotCiphertextAAAA");
});

test("a missing stack file is named with a fix every command can follow", () => {
  expect(() => loadStack(PROJECT_DIR, { stack: "qa" })).toThrow(
    "no stack file Pulumi.qa.yaml next to Pulumi.yaml; create it with pulumi stack init qa, or give the path of a stack file",
  );
  // A path that does not exist is named as given; no option of one command is suggested.
  expect(() => loadStack(PROJECT_DIR, { configFile: "my/Pulumi.qa.yaml" })).toThrow("no stack file my/Pulumi.qa.yaml; check the path");
});
