// Config errors in the user's language: Chinese for a zh locale, naming the same keys and the same
// fixes as in English; and the program itself (what pulumi preview runs) follows the environment.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { ConfigError, resolveStackConfig } from "../../../lib/config/stackConfig";
import type { Locale } from "../../../lib/i18n";
import { HAN } from "../../support/catalogs";
import { planOf } from "../../support/program";

const P = "wechat-https-backend:";
const BAD = {
  "alicloud:region": "cn-hangzhou",
  [`${P}domain`]: "https://api.shop-demo.cn:8443",
  [`${P}tlsPolicy`]: "tls_cipher_policy_1_0",
  [`${P}acmeKeyAlgorithm`]: "ecdsa256",
  [`${P}instanceCount`]: "99",
  [`${P}payNotifyPath`]: "/pay?x=1",
  [`${P}domian`]: "typo.example.com",
};

function refusal(locale: Locale): ConfigError {
  try {
    resolveStackConfig({ stack: "dev", values: BAD, locale });
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error("expected the config to be refused");
}

describe("config errors in Chinese", () => {
  const en = refusal("en");
  const zh = refusal("zh-CN");

  test("every problem is there in both languages, in the same order, naming the same key", () => {
    expect(zh.problems).toHaveLength(en.problems.length);
    const keyOf = (problem: string) => /^[\w-]+(?::[\w-]+)?/.exec(problem)?.[0];
    expect(zh.problems.map(keyOf)).toEqual(en.problems.map(keyOf));
    expect(en.problems.map(keyOf)).toEqual([
      "wechat-https-backend:domian",
      "acmeKeyAlgorithm",
      "tlsPolicy",
      "instanceCount",
      "domain",
      "payNotifyPath",
    ]);
  });

  test("each Chinese problem is a Chinese sentence that keeps the command of the fix", () => {
    for (const [i, problem] of zh.problems.entries()) {
      expect(problem).toMatch(HAN);
      const command = /pulumi config (set|rm) [^\n；;]*$/.exec(en.problems[i])?.[0];
      if (command) expect(problem).toContain(command);
    }
    expect(zh.message.split("\n")[0]).toBe('栈 "dev" 的配置无效（Pulumi.dev.yaml）：');
  });

  test("schema reasons come in the run's language", () => {
    expect(zh.problems.find((p) => p.startsWith("acmeKeyAlgorithm"))).toMatch(/阿里云 CLB 只支持 RSA 证书/);
    expect(zh.problems.find((p) => p.startsWith("tlsPolicy"))).toMatch(/微信不接受/);
    expect(zh.problems.find((p) => p.startsWith("instanceCount"))).toMatch(/超出 0-20 的范围/);
    expect(en.problems.find((p) => p.startsWith("acmeKeyAlgorithm"))).toMatch(/CLB serves RSA certificates only/);
  });
});

describe("the program follows the environment's locale, as under pulumi preview", () => {
  const saved = process.env.LC_ALL;
  afterEach(() => {
    process.env.LC_ALL = saved;
  });

  function stackFile(values: Record<string, string>): string {
    const dir = mkdtempSync(path.join(tmpdir(), "locale-stack-"));
    const file = path.join(dir, "Pulumi.dev.yaml");
    writeFileSync(file, stringify({ config: values }));
    return file;
  }

  test("a zh_CN locale gets Chinese errors, the C locale English ones", async () => {
    const file = stackFile({ "alicloud:region": "cn-hangzhou", [`${P}domain`]: "203.0.113.5", [`${P}acmeEmail`]: "ops@shop-demo.cn" });
    process.env.LC_ALL = "zh_CN.UTF-8";
    await expect(planOf({ configFile: file })).rejects.toThrow(
      /栈 "dev" 的配置无效[\s\S]*domain "203\.0\.113\.5" 是 IP 地址；微信只接受已 ICP 备案的域名/,
    );
    process.env.LC_ALL = "C.UTF-8";
    await expect(planOf({ configFile: file })).rejects.toThrow(/invalid config for stack "dev"[\s\S]*is an IP address/);
  });

  test("warnings and the checks the plan could not run are in Chinese too", async () => {
    process.env.LC_ALL = "zh_CN.UTF-8";
    const plan = await planOf({ stack: "dev" });
    expect(plan.document.warnings).toEqual(expect.arrayContaining([expect.stringMatching(/^domain："dev\.example\.com" 是示例域名/)]));
  });
});
