// Config values that reach the instances' files may hold no control or line-separator character:
// YAML 1.1 (cloud-init's PyYAML) reads U+0085, U+2028 and U+2029 as line breaks, so a value holding
// one could write its own cloud-init keys. Each is refused naming the key and the character.
import { resolveStackConfig, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, P, problemsOf } from "../../support/config";

const ACR_IMAGE = "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api:1.4.2";

function input(values: Record<string, string>): ConfigInput {
  return {
    stack: "dev",
    locale: "en",
    values: {
      "alicloud:region": "cn-hangzhou",
      ...fullKeys({ domain: "dev.example.com", certificateSource: "selfSigned", appImage: ACR_IMAGE, acrInstanceId: "cri-abc123def456" }),
      ...fullKeys(values),
    },
    isSecret: (key) => key === `${P}appSecrets`,
  };
}

/** The characters the issue names, and one ordinary control character of each range. */
const CHARACTERS = [
  ["U+2028", "\u2028"],
  ["U+2029", "\u2029"],
  ["U+0085", "\u0085"],
  ["U+0001", "\u0001"],
  ["U+0009", "\t"],
  ["U+007F", "\u007f"],
  ["U+009B", "\u009b"],
] as const;

describe("a control or line-separator character in a config value", () => {
  test.each(CHARACTERS)("%s in an appEnv value is refused, naming the variable and the character, not the value", (codePoint, char) => {
    const value = `on${char}  - path: /etc/cron.d/own`;
    const found = problemsOf(input({ appEnv: JSON.stringify({ FEATURE: value }) })).join("\n");
    expect(found).toContain(`appEnv.FEATURE: the value holds the invisible character ${codePoint} at position 3`);
    expect(found).toContain("pulumi config set --path 'appEnv.LOG_LEVEL' info");
    expect(found).not.toContain("/etc/cron.d/own");
  });

  test.each([
    ["domain", "dev.example.com\u2028x"],
    ["healthPath", "/api/\u2029health"],
    ["registryUsername", "team\u0085x"],
    ["appUser", "100\u202801"],
    ["maxUploadSize", "20m\u0085"],
    ["icpLicense", "京ICP备12345678号\u2028-1"],
  ])("in %s (a string key) is refused naming the key", (key, value) => {
    expect(problemsOf(input({ [key]: value })).join("\n")).toMatch(
      new RegExp(`(^|\\n)${key}: the value holds the invisible character U\\+`),
    );
  });

  test("in a list item (zoneIds) is refused naming the item", () => {
    const found = problemsOf(input({ zoneIds: JSON.stringify(["cn-hangzhou-h", "cn-hang\u2028zhou-i"]) })).join("\n");
    expect(found).toContain("zoneIds[1]: the value holds the invisible character U+2028 at position 8");
  });

  test("in an appSecrets name is refused (the names reach the user data), the secret value is not shown", () => {
    const found = problemsOf(input({ appSecrets: JSON.stringify({ "WX\u2028SECRET": "s3cret-value" }) })).join("\n");
    expect(found).toContain("appSecrets.WX?SECRET: the name holds the invisible character U+2028 at position 3");
    expect(found).not.toContain("s3cret-value");
  });

  test("in a verification file's content is refused; a BOM and the line break a copied file brings along are dropped", () => {
    const found = problemsOf(input({ wechatVerifyFiles: JSON.stringify({ "87PweoaRBw.txt": "7c5ffce3\u2028ba1f0e2c4b0fd684e371f25b" }) }));
    expect(found.join("\n")).toContain("wechatVerifyFiles.87PweoaRBw.txt: the value holds the invisible character U+2028 at position 9");
    const { settings } = resolveStackConfig(
      input({ wechatVerifyFiles: JSON.stringify({ "87PweoaRBw.txt": "\uFEFF7c5ffce3ba1f0e2c4b0fd684e371f25b\r\n" }) }),
    );
    expect(settings.wechatVerifyFiles).toEqual({ "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b" });
  });

  test("the same in Chinese names the key and the character", () => {
    const found = problemsOf({ ...input({ appEnv: JSON.stringify({ FEATURE: "a\u2028b" }) }), locale: "zh-CN" }).join("\n");
    expect(found).toContain("appEnv.FEATURE：值中第 2 个字符是不可见字符 U+2028");
  });

  test("a secret's value (never rendered) and trustedRootsPem (several lines, never rendered) may hold line breaks", () => {
    const { settings } = resolveStackConfig(input({ appSecrets: JSON.stringify({ WX_APP_SECRET: "line\u2028separated" }) }));
    expect(settings.app.secrets).toEqual({ WX_APP_SECRET: { known: true, value: "line\u2028separated" } });
    const roots = resolveStackConfig(input({ trustedRootsPem: "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----" }));
    expect(roots.settings.domain).toBe("dev.example.com");
  });
});
