// The ACME DNS-01 challenge's credentials: whatever the Alibaba Cloud provider authenticates with
// reaches lego's alidns under the only names it reads, or the preview stops with the fix.
import { resolveDnsChallengeCredentials } from "../../../lib/config/dnsChallenge";
import { ConfigError, resolveStackConfig } from "../../../lib/config/stackConfig";
import { configMessages } from "../../../lib/config/messages";
import { Problems } from "../../../lib/problems";
import { findResource, isSecretInput, planOf, revealSecret, T } from "../../support/program";

function resolve(config: Record<string, string>, env: Record<string, string>) {
  const problems = new Problems();
  return { credentials: resolveDnsChallengeCredentials(config, env, problems), problems };
}

test("in a zh run the refusal and the note are Chinese, with the same variables and commands", () => {
  const problems = new Problems();
  resolveDnsChallengeCredentials({}, { ALIBABA_CLOUD_PROFILE: "default" }, problems, configMessages("zh-CN"));
  expect(problems.errors).toEqual([
    expect.stringMatching(/^certificateSource acme：provider 的凭证来自配置文件（profile）（ALIBABA_CLOUD_PROFILE）/),
  ]);
  expect(problems.errors[0]).toContain("pulumi config set --secret alicloud:accessKey <id>");
  const none = new Problems();
  resolveDnsChallengeCredentials({}, {}, none, configMessages("zh-CN"));
  expect(none.checksNotRun.join("\n")).toMatch(/DNS-01 验证的凭证：这里看不到任何阿里云凭证/);
});

describe("resolveDnsChallengeCredentials", () => {
  test("ALICLOUD_* in the environment: lego reads them itself, nothing is copied into the state", () => {
    const { credentials, problems } = resolve({}, { ALICLOUD_ACCESS_KEY: "AK", ALICLOUD_SECRET_KEY: "SK", ALICLOUD_SECURITY_TOKEN: "ST" });
    expect(credentials).toEqual({ source: expect.stringContaining("ALICLOUD_ACCESS_KEY"), pass: {} });
    expect(problems.errors).toEqual([]);
  });

  test.each([
    ["ALIBABA_CLOUD_ACCESS_KEY_ID", "ALIBABA_CLOUD_ACCESS_KEY_SECRET", "ALIBABA_CLOUD_SECURITY_TOKEN"],
    ["ALIBABACLOUD_ACCESS_KEY_ID", "ALIBABACLOUD_ACCESS_KEY_SECRET", "ALIBABACLOUD_SECURITY_TOKEN"],
  ])("the provider's other names (%s) are passed on under lego's, as secrets", (id, secret, token) => {
    const { credentials } = resolve({}, { [id]: "AK", [secret]: "SK", [token]: "ST" });
    expect(credentials?.pass).toEqual({
      ALICLOUD_ACCESS_KEY: { from: "env", key: id, secret: true },
      ALICLOUD_SECRET_KEY: { from: "env", key: secret, secret: true },
      ALICLOUD_SECURITY_TOKEN: { from: "env", key: token, secret: true },
    });
  });

  test("stack config wins over the environment, as in the provider", () => {
    const { credentials } = resolve(
      { "alicloud:accessKey": "AK", "alicloud:secretKey": "SK" },
      { ALICLOUD_ACCESS_KEY: "other", ALICLOUD_SECRET_KEY: "other" },
    );
    expect(credentials?.pass).toEqual({
      ALICLOUD_ACCESS_KEY: { from: "config", key: "alicloud:accessKey", secret: true },
      ALICLOUD_SECRET_KEY: { from: "config", key: "alicloud:secretKey", secret: true },
    });
  });

  test("an instance RAM role is passed as ALICLOUD_RAM_ROLE", () => {
    expect(resolve({}, { ALIBABA_CLOUD_ECS_METADATA: "deployer" }).credentials?.pass).toEqual({
      ALICLOUD_RAM_ROLE: { from: "env", key: "ALIBABA_CLOUD_ECS_METADATA", secret: false },
    });
  });

  test.each([
    [{ "alicloud:profile": "work" }, {}, /a profile \(alicloud:profile\)/],
    [{}, { ALIBABA_CLOUD_PROFILE: "work" }, /a profile \(ALIBABA_CLOUD_PROFILE\)/],
    [{}, { ALICLOUD_CREDENTIALS_URI: "http://127.0.0.1:8080/creds" }, /a credentials URI/],
    [{}, { ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/var/run/token", ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::1:oidc-provider/x" }, /OIDC/],
    [
      {
        "alicloud:assumeRoleWithOidc": JSON.stringify({
          oidcProviderArn: "acs:ram::1:oidc-provider/x",
          roleArn: "acs:ram::1:role/deployer",
        }),
      },
      {},
      /OIDC \(alicloud:assumeRoleWithOidc\)/,
    ],
  ])("a source lego cannot use is refused with the fix: %j %j", (config, env, what) => {
    const { credentials, problems } = resolve(config, env);
    expect(credentials).toBeUndefined();
    expect(problems.errors).toHaveLength(1);
    expect(problems.errors[0]).toMatch(what);
    expect(problems.errors[0]).toMatch(
      /export ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY .* pulumi config set --secret alicloud:accessKey/,
    );
  });

  test("an assumed role on top of keys: a warning, since the challenge uses the keys themselves", () => {
    const { credentials, problems } = resolve(
      { "alicloud:assumeRole": '{"roleArn":"acs:ram::1:role/x"}' },
      { ALICLOUD_ACCESS_KEY: "AK", ALICLOUD_SECRET_KEY: "SK" },
    );
    expect(credentials?.pass).toEqual({});
    expect(problems.warnings[0]).toMatch(/assumes a role .* the DNS-01 challenge cannot/);
  });

  test("none visible (the offline plan): a check not run, not an error", () => {
    const { credentials, problems } = resolve({}, {});
    expect(credentials).toBeUndefined();
    expect(problems.errors).toEqual([]);
    expect(problems.checksNotRun[0]).toMatch(/DNS-01 challenge credentials/);
  });

  test("the stack config check refuses a profile only for certificateSource acme", () => {
    const values = {
      "alicloud:region": "cn-hangzhou",
      "wechat-https-backend:domain": "dev.example.com",
      "wechat-https-backend:acmeEmail": "ops@example.com",
    };
    const env = { ALICLOUD_PROFILE: "work" };
    expect(() => resolveStackConfig({ stack: "dev", values, env })).toThrow(ConfigError);
    expect(() =>
      resolveStackConfig({ stack: "dev", values: { ...values, "wechat-https-backend:certificateSource": "selfSigned" }, env }),
    ).not.toThrow();
  });
});

describe("the program", () => {
  const saved = { ...process.env };
  afterEach(() => {
    for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  });

  test("passes ALIBABA_CLOUD_* keys, which the provider accepts and lego does not read, to the challenge as secrets", async () => {
    process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = "LTAI-test-id";
    process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = "test-secret";
    const plan = await planOf({ stack: "dev" });
    const challenges = findResource(plan.run, T.acmeCertificate).inputs.dnsChallenges;
    expect(isSecretInput(challenges)).toBe(true);
    const [challenge] = revealSecret(challenges) as { config: Record<string, string> }[];
    expect(challenge.config).toMatchObject({ ALICLOUD_ACCESS_KEY: "LTAI-test-id", ALICLOUD_SECRET_KEY: "test-secret" });
    expect(JSON.stringify(plan.document)).not.toContain("test-secret");
  });
});
