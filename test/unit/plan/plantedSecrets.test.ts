// Every secret a stack can hold, planted with a value that is easy to recognise, and every artifact a
// person or a machine reads searched for it: the user data, the Cloud Assistant commands and their
// invocations, the stack outputs, the program's log, the offline plan (text and JSON), the snapshot
// the diff's processes exchange, and the diff (text, Markdown, JSON). The secrets are the app's
// (appSecrets), the registry password, the alert robots (a WeCom key, a DingTalk token and its
// signing secret), the provider's credentials (alicloud:accessKey/secretKey/securityToken, as the
// Pulumi CLI hands them over, from the environment, and in a stack file in plain text) and the
// certificate and key of certificateSource pem. A planted value may reach a provider only inside a
// Pulumi secret.
import { randomBytes } from "node:crypto";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { clbPrivateKeyPem } from "../../../lib/certificates/clbUpload";
import { diffSnapshots } from "../../../tools/plan/diff";
import { formatDiffMarkdown, formatDiffText } from "../../../tools/plan/diffFormat";
import type { StackPlan } from "../../../tools/plan/planStack";
import { formatPlan, isSecretMarker, toPlanDocument } from "../../../tools/plan/present";
import { runProgram, type ProgramRun } from "../../../tools/plan/runProgram";
import { toSnapshot } from "../../../tools/plan/snapshot";
import { fullKeys, P } from "../../support/config";
import { chainPem, createPki, type Issued, type TestPki } from "../../support/pki";
import { loadIndex, planOf, resourcesOfType, T } from "../../support/program";

const DOMAIN = "api.example.com";
const PROJECT = "wechat-https-backend";

/** One set of planted values; `tag` makes every value of a set different from the other set's. */
function plants(tag: string) {
  return {
    appSecret: `PLANTED-app-secret-${tag}-7f3a9c`,
    databaseUrl: `mysql://app:PLANTED-db-password-${tag}@db.internal/app`,
    registryPassword: `PLANTED-registry-password-${tag}-51d0`,
    wecomKey: `PLANTED-wecom-key-${tag}-8b21`,
    dingtalkToken: `PLANTEDdingtalktoken${tag}4c6e`,
    dingtalkSecret: `SECPLANTEDsigning${tag}0123456789abcdef`,
    accessKey: `LTAIPLANTEDaccesskey${tag}9d2e`,
    secretKey: `PLANTED-secret-key-${tag}-ab12cd`,
    securityToken: `PLANTED-sts-token-${tag}-33e0`,
    oidcToken: `PLANTED-oidc-token-${tag}-e7a1`,
  };
}
type Plants = ReturnType<typeof plants>;

/** Lines from the middle of a PEM's base64 body: any copy of the PEM, re-wrapped or not, holds them. */
function pemMarkers(pem: string): string[] {
  const body = pem.split(/\r?\n/).filter((line) => line !== "" && !line.startsWith("-----"));
  return [body[Math.floor(body.length / 2)], body[Math.floor(body.length / 2) + 1]].filter((line) => line.length >= 40);
}

function webhooks(p: Plants): string {
  return JSON.stringify([
    `https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${p.wecomKey}`,
    `https://oapi.dingtalk.com/robot/send?access_token=${p.dingtalkToken}#${p.dingtalkSecret}`,
  ]);
}

let pki: TestPki;
let leaf: Issued;
let dir: string;
beforeAll(async () => {
  pki = await createPki();
  leaf = await pki.leaf({ dnsNames: [DOMAIN], notAfterDays: 80 });
  dir = mkdtempSync(path.join(tmpdir(), "planted-secrets-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What must never be readable: the planted values and the PEMs in both the form given and the form uploaded. */
function secretsOf(p: Plants): string[] {
  return [
    ...Object.values(p),
    ...pemMarkers(leaf.keyPem),
    ...pemMarkers(clbPrivateKeyPem(leaf.keyPem)),
    ...pemMarkers(leaf.certPem),
    ...pemMarkers(pki.intermediate.certPem),
  ];
}

/** The stack config a pem stack with every secret gets from the Pulumi CLI (decrypted), and which keys are secret. */
function pemStack(p: Plants): { config: Record<string, string>; secretKeys: string[] } {
  const config = fullKeys({
    "alicloud:region": "cn-hangzhou",
    "alicloud:accessKey": p.accessKey,
    "alicloud:secretKey": p.secretKey,
    "alicloud:securityToken": p.securityToken,
    "alicloud:assumeRoleWithOidc": JSON.stringify({
      oidcProviderArn: "acs:ram::1234567890123456:oidc-provider/github",
      roleArn: "acs:ram::1234567890123456:role/deployer",
      oidcToken: p.oidcToken,
    }),
    environment: "dev",
    domain: DOMAIN,
    instanceCount: "2",
    certificateSource: "pem",
    certificatePem: chainPem(leaf, pki.intermediate),
    privateKeyPem: leaf.keyPem,
    trustedRootsPem: pki.root.certPem,
    appImage: "registry.example.com/team/api:1.4.2",
    registryUsername: "deploy",
    registryPassword: p.registryPassword,
    appEnv: JSON.stringify({ LOG_LEVEL: "info" }),
    appSecrets: JSON.stringify({ WX_APP_SECRET: p.appSecret, DATABASE_URL: p.databaseUrl }),
    monitoring: "on",
    alertWebhooks: webhooks(p),
    alertEmails: JSON.stringify(["ops@example.com"]),
  });
  const secretKeys = [
    "alicloud:accessKey",
    "alicloud:secretKey",
    "alicloud:securityToken",
    "alicloud:assumeRoleWithOidc",
    ...["certificatePem", "privateKeyPem", "registryPassword", "appSecrets", "alertWebhooks"].map((key) => P + key),
  ];
  return { config, secretKeys };
}

/** An acme stack whose DNS-01 challenge gets the provider's credentials from the stack config. */
function acmeStack(p: Plants): { config: Record<string, string>; secretKeys: string[] } {
  const config = fullKeys({
    "alicloud:region": "cn-hangzhou",
    "alicloud:accessKey": p.accessKey,
    "alicloud:secretKey": p.secretKey,
    "alicloud:securityToken": p.securityToken,
    environment: "dev",
    domain: DOMAIN,
    certificateSource: "acme",
    acmeEmail: "ops@example.com",
  });
  return { config, secretKeys: ["alicloud:accessKey", "alicloud:secretKey", "alicloud:securityToken"] };
}

function run(stack: { config: Record<string, string>; secretKeys: string[] }): Promise<ProgramRun> {
  return runProgram({ project: PROJECT, stack: "shop", ...stack, mode: "test", loadProgram: loadIndex });
}

/** What planStack would make of the run; the config as the CLI holds it, every planted key secret. */
function asPlan(program: ProgramRun, stack: { config: Record<string, string>; secretKeys: string[] }): StackPlan {
  return {
    stack: "shop",
    config: {
      values: stack.config,
      secretKeys: stack.secretKeys,
      unreadableSecretKeys: [],
      plaintextSecretKeys: [],
      ciphertexts: {},
      file: "Pulumi.shop.yaml",
    },
    run: program,
    document: toPlanDocument("shop", program),
  };
}

/** Every string inside a value, with whether it sits inside a Pulumi secret. */
function strings(value: unknown, secret = false): { text: string; secret: boolean }[] {
  if (isSecretMarker(value)) return strings(value.value, true);
  if (typeof value === "string") return [{ text: value, secret }];
  if (Array.isArray(value)) return value.flatMap((v) => strings(v, secret));
  if (typeof value === "object" && value !== null) return Object.values(value).flatMap((v) => strings(v, secret));
  return [];
}

/** Planted values a provider would receive outside a Pulumi secret, as "<resource> <input>: <value>". */
function unmarkedSecrets(program: ProgramRun, secrets: readonly string[]): string[] {
  return program.resources.flatMap((r) =>
    Object.entries(r.inputs).flatMap(([key, value]) =>
      strings(value)
        .filter((s) => !s.secret && !r.secretInputs.includes(key))
        .flatMap((s) => {
          // User data and command scripts travel base64-encoded: search them decoded too.
          const decoded = key === "userData" || key === "commandContent" ? Buffer.from(s.text, "base64").toString("utf8") : "";
          return secrets
            .filter((secret) => s.text.includes(secret) || decoded.includes(secret))
            .map((secret) => `${r.name} ${key}: ${secret}`);
        }),
    ),
  );
}

/** The artifacts a person or a machine reads, by name. */
function readable(program: ProgramRun, plan: StackPlan): Record<string, string> {
  return {
    userData: resourcesOfType(program, T.instance)
      .map((i) => Buffer.from(String(i.inputs.userData), "base64").toString("utf8"))
      .join("\n"),
    commands: resourcesOfType(program, T.command)
      .map((c) => Buffer.from(String(c.inputs.commandContent), "base64").toString("utf8"))
      .join("\n"),
    invocations: JSON.stringify(resourcesOfType(program, T.invocation).map((i) => i.inputs)),
    outputs: JSON.stringify(program.outputs),
    log: JSON.stringify(program.log),
    planJson: JSON.stringify(plan.document),
    planText: formatPlan(plan.document, "Pulumi.shop.yaml"),
  };
}

function diffArtifacts(base: StackPlan, head: StackPlan): Record<string, string> {
  const hmacKey = randomBytes(32);
  const [a, b] = [toSnapshot(base, { project: PROJECT, hmacKey }), toSnapshot(head, { project: PROJECT, hmacKey })];
  const diff = { ...diffSnapshots(a, b), base: { ref: "main", commit: "0".repeat(40) } };
  return {
    baseSnapshot: JSON.stringify(a),
    headSnapshot: JSON.stringify(b),
    diffJson: JSON.stringify(diff),
    diffMarkdown: formatDiffMarkdown(diff),
    diffText: formatDiffText(diff),
  };
}

/** "<artifact>: <planted value>" for every planted value found in an artifact. */
function leaks(artifacts: Record<string, string>, secrets: readonly string[]): string[] {
  return Object.entries(artifacts).flatMap(([name, text]) => secrets.filter((s) => text.includes(s)).map((s) => `${name}: ${s}`));
}

describe("no planted secret reaches anything readable", () => {
  test("a pem stack with app secrets, a registry password, robots and provider credentials (as the CLI hands them over)", async () => {
    const [a, b] = [plants("a"), plants("b")];
    const [stackA, stackB] = [pemStack(a), pemStack(b)];
    const [runA, runB] = [await run(stackA), await run(stackB)];
    const secrets = [...secretsOf(a), ...secretsOf(b)];

    // The secrets did reach their destinations, as secrets: stored parameters, the upload, the function.
    const marked = (program: ProgramRun) =>
      program.resources.flatMap((r) => strings(r.inputs).filter((s) => s.secret && secrets.some((x) => s.text.includes(x))));
    const destinations = new Set(
      runA.resources.filter((r) => strings(r.inputs).some((s) => s.secret && secrets.some((x) => s.text.includes(x)))).map((r) => r.type),
    );
    expect([...destinations].sort()).toEqual([T.fcFunction, T.secretParameter, T.serverCertificate].sort());
    expect(marked(runA).length).toBeGreaterThan(0);

    expect(unmarkedSecrets(runA, secrets)).toEqual([]);
    const [planA, planB] = [asPlan(runA, stackA), asPlan(runB, stackB)];
    expect(leaks({ ...readable(runA, planA), ...readable(runB, planB), ...diffArtifacts(planA, planB) }, secrets)).toEqual([]);

    // The diff does see that secrets changed (it is not blind, only discreet).
    const diff = diffSnapshots(
      toSnapshot(planA, { project: PROJECT, hmacKey: randomBytes(32) }),
      toSnapshot(planB, { project: PROJECT, hmacKey: randomBytes(32) }),
    );
    expect(diff.changes.filter((c) => c.type === T.secretParameter).length).toBeGreaterThan(0);
  });

  test("an acme stack whose DNS-01 challenge takes the provider's credentials from the stack config", async () => {
    const [a, b] = [plants("a"), plants("b")];
    const [stackA, stackB] = [acmeStack(a), acmeStack(b)];
    const [runA, runB] = [await run(stackA), await run(stackB)];
    const secrets = [a.accessKey, a.secretKey, a.securityToken, b.accessKey, b.secretKey, b.securityToken];
    const challenge = resourcesOfType(runA, T.acmeCertificate)[0];
    expect(strings(challenge.inputs).filter((s) => s.secret && secrets.includes(s.text))).toHaveLength(3);
    expect(unmarkedSecrets(runA, secrets)).toEqual([]);
    const [planA, planB] = [asPlan(runA, stackA), asPlan(runB, stackB)];
    expect(leaks({ ...readable(runA, planA), ...readable(runB, planB), ...diffArtifacts(planA, planB) }, secrets)).toEqual([]);
  });

  test("an acme stack whose credentials come from the environment under the provider's other names", async () => {
    const p = plants("env");
    const names = {
      ALIBABA_CLOUD_ACCESS_KEY_ID: p.accessKey,
      ALIBABA_CLOUD_ACCESS_KEY_SECRET: p.secretKey,
      ALIBABA_CLOUD_SECURITY_TOKEN: p.securityToken,
    };
    const saved = Object.fromEntries(Object.keys(names).map((name) => [name, process.env[name]]));
    Object.assign(process.env, names);
    let program: ProgramRun;
    try {
      const stack = acmeStack(p);
      program = await run({
        config: Object.fromEntries(
          Object.entries(stack.config).filter(([key]) => !key.startsWith("alicloud:") || key === "alicloud:region"),
        ),
        secretKeys: [],
      });
    } finally {
      for (const [name, value] of Object.entries(saved)) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
    const secrets = Object.values(names);
    const challenge = resourcesOfType(program, T.acmeCertificate)[0];
    expect(strings(challenge.inputs).filter((s) => s.secret && secrets.includes(s.text))).toHaveLength(3);
    expect(unmarkedSecrets(program, secrets)).toEqual([]);
    expect(leaks(readable(program, asPlan(program, { config: {}, secretKeys: [] })), secrets)).toEqual([]);
  });

  test("a stack file holding every secret it may hold in plain text (the offline plan, its snapshot and diff)", async () => {
    const file = (p: Plants, name: string, source: "pem" | "acme") => {
      const config = {
        ...(source === "pem" ? pemStack(p).config : acmeStack(p).config),
        // appSecrets' entries are refused in plain text (stackFileSecrets.test.ts): encrypted here.
        [`${P}appSecrets`]: { WX_APP_SECRET: { secure: `v1:${p.appSecret.replace(/-/g, "")}` } },
      };
      if (source === "acme") delete (config as Record<string, unknown>)[`${P}appSecrets`];
      // As `pulumi config set --path` writes it: an object, not its JSON text.
      if (source === "pem")
        Object.assign(config, { "alicloud:assumeRoleWithOidc": JSON.parse(pemStack(p).config["alicloud:assumeRoleWithOidc"]) });
      const target = path.join(dir, `Pulumi.${name}.yaml`);
      writeFileSync(target, stringify({ config }));
      return target;
    };
    for (const source of ["pem", "acme"] as const) {
      const [a, b] = [plants("a"), plants("b")];
      const [planA, planB] = [
        await planOf({ configFile: file(a, `${source}-a`, source) }),
        await planOf({ configFile: file(b, `${source}-b`, source) }),
      ];
      // Only the values that can sit in plain text (appSecrets' ciphertexts are not secrets).
      const secrets = [...secretsOf(a), ...secretsOf(b)].filter((s) => !s.includes("app-secret"));
      expect(unmarkedSecrets(planA.run, secrets)).toEqual([]);
      expect(leaks({ ...readable(planA.run, planA), ...readable(planB.run, planB), ...diffArtifacts(planA, planB) }, secrets)).toEqual([]);
      const planned = await planOf({ configFile: file(a, `${source}-plan`, source) }, "plan");
      expect(leaks({ planJson: JSON.stringify(planned.document), planText: formatPlan(planned.document, "x") }, secrets)).toEqual([]);
    }
  });
});
