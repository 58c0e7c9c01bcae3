// The app container's keys: appEnv, appSecrets, appUser, acrInstanceId, registryUsername/Password.
import { imageParts } from "../../../lib/config/app";
import { validateContainerRuntime } from "../../../lib/instance/appRuntime";
import { resolveStackConfig, UNREADABLE_SECRET, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, P, problemsOf } from "../../support/config";

const ACR_IMAGE = "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2";

function input(values: Record<string, string>, secretKeys: string[] = [`${P}appSecrets`, `${P}registryPassword`]): ConfigInput {
  const full = fullKeys(values);
  return {
    stack: "dev",
    values: { "alicloud:region": "cn-hangzhou", [`${P}domain`]: "dev.example.com", [`${P}certificateSource`]: "selfSigned", ...full },
    isSecret: (key) => secretKeys.includes(key),
  };
}

function problems(values: Record<string, string>, secretKeys?: string[]): string[] {
  return problemsOf(input(values, secretKeys));
}

describe("appEnv and appSecrets", () => {
  test("reach the settings: plain variables as given, secrets as secret values", () => {
    const { settings } = resolveStackConfig(
      input({
        appImage: ACR_IMAGE,
        acrInstanceId: "cri-abc123def456",
        appEnv: JSON.stringify({ LOG_LEVEL: "info" }),
        appSecrets: JSON.stringify({ WX_APP_SECRET: "s3cret", DATABASE_URL: UNREADABLE_SECRET }),
      }),
    );
    expect(settings.app.env).toEqual({ LOG_LEVEL: "info" });
    expect(settings.app.secrets).toEqual({ WX_APP_SECRET: { known: true, value: "s3cret" }, DATABASE_URL: { known: false } });
    expect(settings.app.user).toBe("65534:65534");
    expect(settings.app.registry).toEqual({
      kind: "acr",
      host: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com",
      instanceId: "cri-abc123def456",
      repository: "shop/api",
    });
  });

  test("appSecrets set without --secret is an error naming the key and the fix, never the value", () => {
    const found = problems(
      { appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appSecrets: JSON.stringify({ WX_APP_SECRET: "s3cret-value" }) },
      [],
    );
    expect(found.join("\n")).toMatch(
      /appSecrets holds plain-text values \(WX_APP_SECRET\).*pulumi config set --secret --path 'appSecrets\./,
    );
    expect(found.join("\n")).not.toContain("s3cret-value");
  });

  test("appEnv holding a secret would be published in the user data: refused", () => {
    const found = problems({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appEnv: JSON.stringify({ TOKEN: "x" }) }, [
      `${P}appEnv`,
    ]);
    expect(found.join("\n")).toMatch(/appEnv holds secret values; move them to appSecrets/);
  });

  test.each([
    ["appEnv", "lower_case", "x", /appEnv\.lower_case is not an environment variable name/],
    ["appEnv", "PORT", "8080", /appEnv\.PORT is set by the stack itself/],
    ["appEnv", "MULTI", "a\nb", /appEnv\.MULTI: the value holds the invisible character U\+000A/],
    ["appSecrets", "HOST", "x", /appSecrets\.HOST is set by the stack itself/],
    ["appSecrets", "EMPTY", "", /appSecrets\.EMPTY is empty/],
    ["appSecrets", "HUGE", "x".repeat(4097), /appSecrets\.HUGE is 4097 characters; OOS stores at most 4096/],
    ["appSecrets", "PEM", "-----BEGIN-----\nabc", /appSecrets\.PEM holds a line break/],
  ])("%s.%s is refused with the reason", (key, name, value, message) => {
    const found = problems({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", [key]: JSON.stringify({ [name]: value }) });
    expect(found.join("\n")).toMatch(message);
    if (key === "appSecrets" && value.length > 3) expect(found.join("\n")).not.toContain(value);
  });

  test("a variable in both maps is refused", () => {
    const found = problems({
      appImage: ACR_IMAGE,
      acrInstanceId: "cri-abc123def456",
      appEnv: JSON.stringify({ TOKEN: "a" }),
      appSecrets: JSON.stringify({ TOKEN: "b" }),
    });
    expect(found.join("\n")).toMatch(/appSecrets\.TOKEN is in appEnv too/);
  });

  test("without appImage the built-in app takes no settings", () => {
    expect(problems({ appEnv: JSON.stringify({ A: "1" }) }).join("\n")).toMatch(/appEnv is set but appImage is not/);
  });
});

describe("appUser", () => {
  test.each(["0", "0:0", "root", "root:root", "000:1"])("%s (root) is refused", (user) => {
    expect(problems({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appUser: user }).join("\n")).toMatch(
      /appUser: .* runs the app as root/,
    );
  });
  test.each(["65534:0", "10001:root", "app:000"])("%s (the root group) is refused like root", (user) => {
    expect(problems({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appUser: user }).join("\n")).toMatch(
      /appUser: .* runs the app in the root group \(gid 0\).*pulumi config set appUser 10001:10001/,
    );
    expect(() => validateContainerRuntime({ user })).toThrow("may not run as root (uid 0) or in the root group (gid 0)");
  });
  test.each(["0: ", "0:", "root:", "0:0:0", ":0"])("%j, of the wrong shape, is one problem: the shape, not root as well", (user) => {
    const found = problems({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appUser: user }).filter((p) => p.includes("appUser"));
    expect(found).toHaveLength(1);
    expect(found[0]).toMatch(/appUser: .* is not a user as docker run --user takes it.*pulumi config set appUser/);
  });
  test("an unprivileged uid:gid or a name is taken", () => {
    for (const user of ["10001:10001", "node", "app:app", "10001:10", "10:20"]) {
      const { settings } = resolveStackConfig(input({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", appUser: user }));
      expect(settings.app.user).toBe(user);
    }
  });
});

describe("registries", () => {
  test("an ACR Enterprise Edition image without acrInstanceId is refused with the fix", () => {
    expect(problems({ appImage: ACR_IMAGE }).join("\n")).toMatch(
      /ACR Enterprise Edition registry; set its instance id .*pulumi config set acrInstanceId/,
    );
  });

  test("acrInstanceId needs the instance's VPC endpoint in the stack's region", () => {
    const publicHost = problems({ appImage: "team-registry.cn-hangzhou.cr.aliyuncs.com/shop/api:1", acrInstanceId: "cri-abc123def456" });
    expect(publicHost.join("\n")).toMatch(/VPC endpoint in cn-hangzhou, <instance name>-registry-vpc\.cn-hangzhou\.cr\.aliyuncs\.com/);
    const otherRegion = problems({
      appImage: "team-registry-vpc.cn-shanghai.cr.aliyuncs.com/shop/api:1",
      acrInstanceId: "cri-abc123def456",
    });
    expect(otherRegion.join("\n")).toMatch(/VPC endpoint in cn-hangzhou/);
  });

  test("registryUsername needs registryPassword, and a password without a user is refused", () => {
    const image = "crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com/shop/api:1";
    expect(problems({ appImage: image, registryUsername: "team@example" }).join("\n")).toMatch(/registryPassword is not set/);
    expect(problems({ appImage: image, registryPassword: "pw" }).join("\n")).toMatch(/registryPassword is set without registryUsername/);
    const { settings } = resolveStackConfig(
      input({ appImage: image, registryUsername: "team@example", registryPassword: UNREADABLE_SECRET }),
    );
    expect(settings.app.registry).toEqual({
      kind: "password",
      host: "crpi-abc123-vpc.cn-hangzhou.personal.cr.aliyuncs.com",
      username: "team@example",
      password: { known: false },
    });
  });

  test("a public registry endpoint is an error in prod (no internet on the instances), a warning in dev", () => {
    const image = "registry.cn-hangzhou.aliyuncs.com/shop/api:1";
    const { warnings } = resolveStackConfig(input({ appImage: image, registryUsername: "u", registryPassword: "p" }));
    expect(warnings.join("\n")).toMatch(/public registry endpoint.*use registry-vpc\.cn-hangzhou\.aliyuncs\.com/);
  });

  test("a Docker Hub image warns that instances cannot reach it", () => {
    const { warnings } = resolveStackConfig(input({ appImage: "nginx:1.27" }));
    expect(warnings.join("\n")).toMatch(/Docker Hub/);
  });

  test("prod warns about an image without a digest", () => {
    const prod = input({ appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456", environment: "prod", icpLicense: "京ICP备00000000号-1" });
    const values = {
      ...prod.values,
      [`${P}certificateSource`]: "cas",
      [`${P}alicloudCertificateId`]: "123",
      [`${P}domain`]: "example.com",
    };
    const { warnings } = resolveStackConfig({ ...prod, values });
    expect(warnings.join("\n")).toMatch(/has no digest.*@sha256:<digest>/);
    const pinned = { ...values, [`${P}appImage`]: `${ACR_IMAGE.split(":1")[0]}@sha256:${"a".repeat(64)}` };
    expect(resolveStackConfig({ ...prod, values: pinned }).warnings.join("\n")).not.toMatch(/digest/);
  });

  test("imageParts follows docker's rule for the registry host", () => {
    expect(imageParts("nginx:1.27")).toEqual({ host: undefined, repository: "nginx" });
    expect(imageParts("team/api:1")).toEqual({ host: undefined, repository: "team/api" });
    expect(imageParts("localhost:5000/api:2")).toEqual({ host: "localhost:5000", repository: "api" });
    expect(imageParts(`${ACR_IMAGE.split(":1")[0]}@sha256:${"b".repeat(64)}`)).toEqual({
      host: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com",
      repository: "shop/api",
    });
  });
});
