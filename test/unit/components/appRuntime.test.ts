// A stack with appEnv, appSecrets and a private ACR Enterprise Edition image, run through the whole
// program under the mocks with the secrets' real values (as the Pulumi CLI would hand them over):
// it plans a role with a policy scoped to this stack, the stored secrets, the per-instance role
// attachments and a rolling restart; and no secret value appears in the user data, the Cloud
// Assistant commands, the plan, the plan JSON, the diff or the outputs.
import { randomBytes } from "node:crypto";
import { appRoleStatements } from "../../../lib/cloud/appRole";
import { diffSnapshots } from "../../../tools/plan/diff";
import { formatDiffMarkdown, formatDiffText } from "../../../tools/plan/diffFormat";
import type { StackPlan } from "../../../tools/plan/planStack";
import { formatPlan, toPlanDocument } from "../../../tools/plan/present";
import { runProgram, type ProgramRun } from "../../../tools/plan/runProgram";
import { toSnapshot } from "../../../tools/plan/snapshot";
import { FAKE } from "../../../tools/plan/mocks";
import { AppRuntime } from "../../../components/appRuntime";
import { writtenFiles } from "../../support/userData";
import { findResource, isSecretInput, loadIndex, resourcesOfType, revealSecret, runComponents, T } from "../../support/program";

const P = "wechat-https-backend:";
const STACK = "shop";
const IMAGE = "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2";
const SECRETS = { WX_APP_SECRET: "wx-app-secret-0123456789abcdef", WXPAY_API_V3_KEY: "pay-v3-key-ABCDEFGHIJKLMNOPQRSTUVWX" };

function config(secrets: Record<string, string>): Record<string, string> {
  return {
    "alicloud:region": "cn-hangzhou",
    [`${P}domain`]: "api.example.com",
    [`${P}certificateSource`]: "selfSigned",
    [`${P}verifyAfterDeploy`]: "false",
    [`${P}instanceCount`]: "2",
    [`${P}appImage`]: IMAGE,
    [`${P}acrInstanceId`]: "cri-abc123def456",
    [`${P}appEnv`]: JSON.stringify({ LOG_LEVEL: "info" }),
    [`${P}appSecrets`]: JSON.stringify(secrets),
  };
}

function run(secrets: Record<string, string>): Promise<ProgramRun> {
  return runProgram({
    project: "wechat-https-backend",
    stack: STACK,
    config: config(secrets),
    secretKeys: [`${P}appSecrets`],
    mode: "test",
    loadProgram: loadIndex,
  });
}

/** What planStack would return for this run (the stack file reader is not involved here). */
function asPlan(program: ProgramRun, secrets: Record<string, string>): StackPlan {
  const values = config(secrets);
  return {
    stack: STACK,
    config: {
      values,
      secretKeys: [`${P}appSecrets`],
      unreadableSecretKeys: [],
      plaintextSecretKeys: [],
      ciphertexts: {},
      file: "Pulumi.shop.yaml",
    },
    run: program,
    document: toPlanDocument(STACK, program),
  };
}

/** Each instance's user data and the files in it, decoded as cloud-init decodes them: all the instance receives. */
function decodedUserData(program: ProgramRun): string[] {
  return resourcesOfType(program, T.instance).map((i) => {
    const text = Buffer.from(String(i.inputs.userData), "base64").toString("utf8");
    return [text, ...writtenFiles(text).map((file) => file.content)].join("\n");
  });
}

let program: ProgramRun;
beforeAll(async () => {
  program = await run(SECRETS);
});

describe("a stack with app secrets and an ACR Enterprise Edition image", () => {
  test("stores each secret as an OOS encrypted parameter under the stack's prefix, its value a Pulumi secret", () => {
    const parameters = resourcesOfType(program, T.secretParameter);
    expect(parameters.map((p) => p.inputs.secretParameterName).sort()).toEqual([
      `wechat-https-backend/${STACK}/WXPAY_API_V3_KEY`,
      `wechat-https-backend/${STACK}/WX_APP_SECRET`,
    ]);
    for (const parameter of parameters) {
      expect(isSecretInput(parameter.inputs.value)).toBe(true);
      expect(parameter.secretInputs).toContain("value");
    }
    const wx = parameters.find((p) => String(p.inputs.secretParameterName).endsWith("/WX_APP_SECRET"))!;
    expect(revealSecret(wx.inputs.value)).toBe(SECRETS.WX_APP_SECRET);
  });

  test("gives the instances a role whose policy reads only this stack's parameters and pulls only its repository", () => {
    const role = findResource(program, T.ramRole);
    expect(JSON.parse(String(role.inputs.assumeRolePolicyDocument))).toEqual({
      Version: "1",
      Statement: [{ Action: "sts:AssumeRole", Effect: "Allow", Principal: { Service: ["ecs.aliyuncs.com"] } }],
    });
    const policy = JSON.parse(String(findResource(program, T.ramPolicy).inputs.policyDocument)) as {
      Statement: { Action: string[]; Resource: string[] }[];
    };
    const byAction = Object.fromEntries(policy.Statement.flatMap((s) => s.Action.map((a) => [a, s.Resource])));
    expect(byAction).toEqual({
      "oos:GetSecretParameter": [`acs:oos:cn-hangzhou:${FAKE.accountId}:secretparameter/wechat-https-backend/${STACK}/*`],
      "kms:GetSecretValue": [`acs:kms:cn-hangzhou:${FAKE.accountId}:secret/oos/wechat-https-backend/${STACK}/*`],
      "cr:GetAuthorizationToken": ["*"],
      "cr:PullRepository": [`acs:cr:cn-hangzhou:${FAKE.accountId}:repository/cri-abc123def456/shop/api`],
    });
    expect(findResource(program, T.ramRolePolicyAttachment).inputs).toMatchObject({ policyType: "Custom" });
    // Attached per instance with ecs.RamRoleAttachment, not the deprecated instance roleName, and
    // replaced delete-first: an instance holds one role, so a renamed role cannot be attached beside the old.
    expect(resourcesOfType(program, T.ramRoleAttachment)).toHaveLength(2);
    for (const attachment of resourcesOfType(program, T.ramRoleAttachment)) expect(attachment.options.deleteBeforeReplace).toBe(true);
    for (const instance of resourcesOfType(program, T.instance)) expect(instance.inputs.roleName).toBeUndefined();
  });

  test("no stack's prefix covers another's, and the secret store never gets a wildcard resource", () => {
    const statements = appRoleStatements({ region: "cn-hangzhou", accountId: "1", stack: "dev", readsSecrets: true });
    const resources = statements.flatMap((s) => s.Resource);
    expect(resources.every((r) => r.endsWith("/wechat-https-backend/dev/*"))).toBe(true);
    const covers = (pattern: string, name: string) => name.startsWith(pattern.slice(0, -1));
    expect(covers(resources[0], "acs:oos:cn-hangzhou:1:secretparameter/wechat-https-backend/dev-2/X")).toBe(false);
    expect(covers(resources[0], "acs:oos:cn-hangzhou:1:secretparameter/wechat-https-backend/dev/X")).toBe(true);
    expect(resources).not.toContain("*");
  });

  test("links the VPC to the registry instance and makes instances wait for the secrets and the role's policy", () => {
    expect(findResource(program, T.registryVpcLink).inputs).toMatchObject({
      instanceId: "cri-abc123def456",
      moduleName: "Registry",
      enableCreateDnsRecordInPvzt: true,
    });
    for (const instance of resourcesOfType(program, T.instance)) {
      const after = (instance.options.dependsOn ?? []).map((d) => d.type);
      expect(after.filter((t) => t === T.secretParameter)).toHaveLength(2);
      expect(after).toContain(T.ramRolePolicyAttachment);
    }
  });

  test("restarts the app one instance at a time when a secret changes (a replacement trigger, kept in the state)", () => {
    const restarts = resourcesOfType(program, T.invocation).filter((i) => i.name.endsWith("-restart"));
    expect(restarts.map((r) => r.name)).toEqual(["wechat-app-0-restart", "wechat-app-1-restart"]);
    for (const restart of restarts) expect(restart.options.replacementTrigger).toBe(true);
    // A failed restart is run again by the next pulumi up, not recorded as done (its init error is a replace key).
    for (const restart of restarts) expect(restart.options.replaceOnChanges).toEqual(["*"]);
    expect(restarts[1].options.dependsOn?.map((d) => d.name)).toEqual(["wechat-app-1-ready", "wechat-app-0-restart"]);
    // The load balancer takes an instance (its attachment) only after its restart, too.
    const order = program.resources.map((r) => r.name);
    for (const i of [0, 1]) expect(order.indexOf(`wechat-lb-backend-${i}`)).toBeGreaterThan(order.indexOf(`wechat-app-${i}-restart`));
  });

  test("the user data names the parameters and holds no secret value", () => {
    for (const userData of decodedUserData(program)) {
      expect(userData).toContain(`"WX_APP_SECRET":"wechat-https-backend/${STACK}/WX_APP_SECRET"`);
      expect(userData).toContain('"LOG_LEVEL":"info"');
      for (const value of Object.values(SECRETS)) expect(userData).not.toContain(value);
    }
  });

  test("no secret value in the Cloud Assistant commands, the plan, the plan JSON, the outputs or the diff", async () => {
    const commands = resourcesOfType(program, T.command).map((c) =>
      Buffer.from(String(c.inputs.commandContent), "base64").toString("utf8"),
    );
    const invocations = resourcesOfType(program, T.invocation).map((i) => JSON.stringify(i.inputs));
    const document = toPlanDocument(STACK, program);
    const rotated = { ...SECRETS, WX_APP_SECRET: "wx-app-secret-rotated-9876543210" };
    const hmacKey = randomBytes(32);
    const before = toSnapshot(asPlan(program, SECRETS), { project: "wechat-https-backend", hmacKey });
    const after = toSnapshot(asPlan(await run(rotated), rotated), { project: "wechat-https-backend", hmacKey });
    const diff = { ...diffSnapshots(before, after), base: { ref: "main", commit: "0".repeat(40) } };

    // The diff sees the change: the one parameter's value, as a secret.
    const changed = diff.changes.find((c) => c.type === T.secretParameter);
    expect(changed).toMatchObject({ op: "update", changedInputs: ["value"] });
    expect(changed?.inputs.find((i) => i.key === "value")?.secret).toBe(true);

    const texts = [
      ...commands,
      ...invocations,
      JSON.stringify(document),
      formatPlan(document, "Pulumi.shop.yaml"),
      JSON.stringify(program.outputs),
      JSON.stringify(diff),
      formatDiffMarkdown(diff),
      formatDiffText(diff),
    ];
    for (const text of texts) for (const value of [...Object.values(SECRETS), rotated.WX_APP_SECRET]) expect(text).not.toContain(value);
  });
});

test.each(["shop.v2_beta", `team-${"x".repeat(70)}.prod`])("the role and policy names of stack %s are names RAM takes", async (stack) => {
  const run = await runComponents(() => {
    new AppRuntime("rt", {
      app: { env: {}, secrets: { WX_APP_SECRET: { known: true, value: "s" } }, user: "10001:10001" },
      stack,
      region: "cn-hangzhou",
      vpcId: "vpc-1",
      vswitchId: "vsw-1",
    });
  });
  // Role names: letters, digits, "." and "-", at most 64; policy names: letters, digits and "-" only.
  expect(String(findResource(run, T.ramRole).inputs.roleName)).toMatch(/^[A-Za-z0-9.-]{1,64}$/);
  expect(String(findResource(run, T.ramPolicy).inputs.policyName)).toMatch(/^[A-Za-z0-9-]{1,128}$/);
});
