// Provider credentials in a stack file in plain text (alicloud:accessKey / secretKey /
// securityToken): the plan, the plan diff (text, Markdown for the pull request comment, JSON) and
// the snapshot the diff's processes exchange never hold their values, and the plan says where they
// sit and how to move them out.
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { isCredentialKey, plaintextSecretWarnings } from "../../../lib/config/credentials";
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import { diffSnapshots } from "../../../tools/plan/diff";
import { formatDiffMarkdown, formatDiffText } from "../../../tools/plan/diffFormat";
import { formatPlan } from "../../../tools/plan/present";
import { toSnapshot } from "../../../tools/plan/snapshot";
import { loadStackConfig } from "../../../tools/plan/stackFiles";
import { planOf, PROJECT_DIR } from "../../support/program";

const CREDENTIALS = {
  "alicloud:accessKey": "LTAI5tPlainTextAccessKeyId",
  "alicloud:secretKey": "PlainTextSecretKeyThatMustNeverBePrinted",
  "alicloud:securityToken": "CAIS-plain-text-security-token-0123",
};

let dir: string;
const devStack = () => parse(readFileSync(path.join(PROJECT_DIR, "Pulumi.dev.yaml"), "utf8")) as { config: Record<string, unknown> };

function stackFile(name: string, extra: Record<string, unknown>): string {
  const sub = path.join(dir, name);
  mkdirSync(sub);
  const file = path.join(sub, "Pulumi.dev.yaml");
  const doc = devStack();
  writeFileSync(file, stringify({ config: { ...doc.config, ...extra } }));
  return file;
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "credentials-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const leaks = (text: string) => Object.values(CREDENTIALS).filter((value) => text.includes(value));

test("plan --diff after adding plain-text credentials: listed as secret config, no value in text, Markdown or JSON", async () => {
  const before = stackFile("before", {});
  const after = stackFile("after", CREDENTIALS);
  const hmacKey = randomBytes(32);
  const snap = async (file: string) => toSnapshot(await planOf({ configFile: file }, "test"), { project: "wechat-https-backend", hmacKey });
  const [base, head] = [await snap(before), await snap(after)];
  expect(leaks(JSON.stringify(base))).toEqual([]);
  // The snapshot crosses a process boundary: it must not carry the values either.
  expect(leaks(JSON.stringify(head))).toEqual([]);

  const diff = diffSnapshots(base, head);
  expect(diff.config.filter((c) => c.name.startsWith("alicloud:"))).toEqual([
    { name: "alicloud:accessKey", status: "added", secret: true },
    { name: "alicloud:secretKey", status: "added", secret: true },
    { name: "alicloud:securityToken", status: "added", secret: true },
  ]);
  const result = { ...diff, base: { ref: "main", commit: "0".repeat(40) } };
  for (const text of [JSON.stringify(result, null, 2), formatDiffMarkdown(result), formatDiffText(result)]) expect(leaks(text)).toEqual([]);
  expect(formatDiffMarkdown(result)).toContain("`alicloud:secretKey`: added (secret, value not shown)");
});

test("plan of a stack with plain-text credentials: no value anywhere, a warning per key naming the fix", async () => {
  const plan = await planOf({ configFile: stackFile("plan", CREDENTIALS) }, "test");
  expect(plan.config.plaintextSecretKeys.sort()).toEqual(Object.keys(CREDENTIALS).sort());
  expect(plan.config.secretKeys).toEqual(expect.arrayContaining(Object.keys(CREDENTIALS)));
  expect(leaks(JSON.stringify(plan.document))).toEqual([]);
  expect(leaks(formatPlan(plan.document, "Pulumi.dev.yaml"))).toEqual([]);
  const warnings = plan.document.warnings.filter((w) => w.startsWith("alicloud:"));
  expect(warnings).toHaveLength(3);
  expect(warnings[0]).toMatch(
    /^alicloud:accessKey is stored in plain text in Pulumi\.dev\.yaml.*pulumi config rm alicloud:accessKey.*ALICLOUD_ACCESS_KEY/,
  );
  expect(warnings.every((w) => w.includes("pulumi config set --secret"))).toBe(true);
});

test("a plain-text credential the program passes on unmarked is hidden in the plan and the snapshot all the same", async () => {
  // The stack's acmeEmail set to the access key's value: an input the program does not mark secret.
  const email = "LTAI5tPlainTextAccessKeyId@example.com";
  const plan = await planOf({ configFile: stackFile("embedded", { ...CREDENTIALS, "wechat-https-backend:acmeEmail": email }) }, "test");
  const registration = plan.document.resources.find((r) => r.type === "acme:index/registration:Registration");
  expect(registration?.inputs.emailAddress).toBe("[secret]");
  const snapshot = toSnapshot(plan, { project: "wechat-https-backend", hmacKey: randomBytes(32) });
  expect(leaks(JSON.stringify(snapshot))).toEqual([]);
});

test("which keys are credentials: the four names in any namespace, nothing else", () => {
  const credentials = [
    "alicloud:accessKey",
    "alicloud:secretKey",
    "alicloud:securityToken",
    "alicloud:assumeRoleWithOidc",
    "acme:accessKey",
  ];
  expect(credentials.every(isCredentialKey)).toBe(true);
  expect(["alicloud:region", "accessKey", "wechat-https-backend:domain", "alicloud:accessKeyId"].some(isCredentialKey)).toBe(false);
});

test("under the CLI, the program warns about every secret the stack holds in plain text, not about secure: ones", () => {
  const values = {
    "alicloud:region": "cn-hangzhou",
    "alicloud:accessKey": "a",
    "alicloud:secretKey": "b",
    "wechat-https-backend:privateKeyPem": "-----BEGIN PRIVATE KEY-----",
    "wechat-https-backend:domain": "example.com",
  };
  const warnings = plaintextSecretWarnings(values, (key) => key === "alicloud:secretKey");
  expect(warnings).toEqual([
    expect.stringMatching(/^alicloud:accessKey is stored in plain text.*ALICLOUD_ACCESS_KEY/),
    expect.stringMatching(/^privateKeyPem is stored in plain text.*pulumi config set --secret privateKeyPem < privkey\.pem/),
  ]);
  // The program's config reading (index.ts gives it the CLI's answer) reports the same.
  const stack = {
    "alicloud:region": "cn-hangzhou",
    "wechat-https-backend:environment": "dev",
    "wechat-https-backend:domain": "dev.example.com",
    "wechat-https-backend:certificateSource": "selfSigned",
    "alicloud:accessKey": "LTAI5tPlainTextAccessKeyId",
    "alicloud:secretKey": "PlainTextSecretKeyThatMustNeverBePrinted",
  };
  const resolved = resolveStackConfig({ values: stack, stack: "dev", isSecret: (key) => key === "alicloud:secretKey" });
  expect(resolved.warnings.filter((w) => w.startsWith("alicloud:"))).toEqual([
    expect.stringMatching(/^alicloud:accessKey is stored in plain text/),
  ]);
  expect(resolved.warnings.join("\n")).not.toContain("LTAI5tPlainTextAccessKeyId");
});

test("a key Pulumi.yaml declares secret is a secret in the plan even when the schema does not know it", () => {
  const project = path.join(dir, "project");
  mkdirSync(project);
  writeFileSync(
    path.join(project, "Pulumi.yaml"),
    stringify({ name: "demo", runtime: "nodejs", config: { apiToken: { type: "string", secret: true }, region: { type: "string" } } }),
  );
  writeFileSync(path.join(project, "Pulumi.dev.yaml"), stringify({ config: { "demo:apiToken": "tok-123456", "demo:region": "x" } }));
  const loaded = loadStackConfig(project, { stack: "dev" }, []);
  expect(loaded.plaintextSecretKeys).toEqual(["demo:apiToken"]);
  expect(loaded.secretKeys).toEqual(["demo:apiToken"]);
});
