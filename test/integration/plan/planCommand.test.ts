// The offline plan as a user runs it: the compiled command, its output and exit codes.
import { spawnSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { PROJECT_DIR } from "../../support/paths";

function command(name: string, args: string[], env: NodeJS.ProcessEnv = process.env) {
  const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, "bin", "run.js"), `tools/commands/${name}`, ...args], {
    cwd: PROJECT_DIR,
    encoding: "utf8",
    timeout: 30000,
    env,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function plan(...args: string[]) {
  return command("plan", args);
}

/** Chinese characters (CJK Unified Ideographs). */
const HAN = /[\u4e00-\u9fff]/;

function stackFile(body: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "plan-test-"));
  const file = path.join(dir, "Pulumi.custom.yaml");
  writeFileSync(file, body);
  return file;
}

describe("npm run plan", () => {
  test("--json of the dev stack: resources with type, name, parent and inputs, and the outputs", () => {
    const { code, stdout } = plan("--stack", "dev", "--json");
    expect(code).toBe(0);
    const doc = JSON.parse(stdout);
    const https = doc.resources.find((r: { name: string }) => r.name === "wechat-lb-https");
    expect(https).toMatchObject({
      type: "alicloud:slb/listener:Listener",
      parent: "wechat-https-backend:lb:HttpsLoadBalancer::wechat-lb",
      inputs: { tlsCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3", loadBalancerId: "(known after apply)" },
    });
    expect(doc.outputs.wechatDomains.socket).toEqual(["wss://dev.example.com"]);
    expect(doc.outputs.loadBalancerAddress).toBe("(known after apply)");
  });

  test("--json through a shell pipe whose reader is slow arrives whole: the prod plan is over the pipe's 64 KB", () => {
    // sh, not spawnSync's own pipes: those are sockets, which the command's exit never cut short.
    const piped = spawnSync("sh", ["-c", '"$0" bin/run.js tools/commands/plan --stack prod --json | (sleep 0.5; cat)', process.execPath], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      timeout: 30000,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(Buffer.byteLength(piped.stdout)).toBeGreaterThan(65536);
    const doc = JSON.parse(piped.stdout);
    expect(doc.resources.some((r: { type: string }) => r.type === "alicloud:fc/v3Function:V3Function")).toBe(true);
  });

  test("the human plan names the checks it could not run on encrypted secrets, and shows secrets as [secret]", () => {
    const file = stackFile(
      [
        "config:",
        "  alicloud:region: cn-hangzhou",
        "  wechat-https-backend:environment: prod",
        "  wechat-https-backend:domain: example.com",
        "  wechat-https-backend:icpLicense: 京ICP备00000000号-1",
        "  wechat-https-backend:certificateSource: pem",
        "  wechat-https-backend:certificatePem:",
        "    secure: v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB",
        "  wechat-https-backend:privateKeyPem:",
        "    secure: v1:CCCCCCCCCCCCCCCC:DDDDDDDDDDDDDDDDDDDDDDDD",
        "",
      ].join("\n"),
    );
    const { code, stdout } = plan("--config-file", file);
    expect(code).toBe(0);
    expect(stdout).toContain('Offline plan of stack "custom" (Pulumi.custom.yaml), environment prod');
    expect(stdout).toContain('privateKey: "[secret]"');
    expect(stdout).toMatch(
      /Checks the offline plan could not run:\n {2}\? certificate checks \(key matches, covers the domain, expiry, chain\)/,
    );
    expect(stdout).toContain('certificateNotAfter: "(known after apply)"');
  });

  test("a certificate given in plain text never appears in the output", () => {
    const key = "-----BEGIN PRIVATE KEY-----\nTOPSECRETKEYMATERIAL\n-----END PRIVATE KEY-----";
    const file = stackFile(
      [
        "config:",
        "  alicloud:region: cn-shanghai",
        "  wechat-https-backend:domain: api.example.com",
        "  wechat-https-backend:certificateSource: pem",
        "  wechat-https-backend:certificatePem: |",
        "    -----BEGIN CERTIFICATE-----",
        "    NOTACERT",
        "    -----END CERTIFICATE-----",
        "  wechat-https-backend:privateKeyPem: |",
        ...key.split("\n").map((l) => `    ${l}`),
        "",
      ].join("\n"),
    );
    const result = plan("--config-file", file, "--json");
    expect(result.stdout + result.stderr).not.toContain("TOPSECRETKEYMATERIAL");
  });

  test("the dev stack, which has no filing, is told before deploying that nothing it creates can carry one, and the way out", () => {
    const en = plan("--stack", "dev");
    expect(en.code).toBe(0);
    expect(en.stdout).toMatch(
      /\n {2}! no ICP filing \(备案\) is recorded in icpLicense, and nothing this stack creates can carry one: .*a CLB is not eligible.*pulumi config set icpLicense '京ICP备12345678号-1'/,
    );
    const zh = plan("--stack", "dev", "--lang", "zh-CN");
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(
      /\n {2}! icpLicense 中没有记录 ICP 备案，而本栈创建的资源都无法承载备案：.*轻量应用服务器.*pulumi config set icpLicense/,
    );
  });

  test("--lang zh-CN: the headings and summary in Chinese, the resource list as the engine names it", () => {
    const zh = plan("--stack", "dev", "--lang", "zh-CN");
    expect(zh.code).toBe(0);
    expect(zh.stdout.split("\n")[0]).toBe('栈 "dev" 的离线计划（Pulumi.dev.yaml），环境 dev');
    expect(zh.stdout).toMatch(
      // The cost estimate last, its headings in Chinese too.
      /\n栈输出：\n[\s\S]*\n警告：\n[\s\S]*\n离线计划无法运行的检查：\n[\s\S]*\n将要创建 \d+ 个资源（\d+ 个 provider 资源，\d+ 个组件）。\n\n每月费用估算（人民币）：只是估算，不是报价[\s\S]*\n {2}合计 +\d+\.\d\d\n {2}假设：[\s\S]*\n同一个栈改用 edge instance：每月 \d+\.\d\d。\n$/,
    );
    expect(zh.stdout).toContain("\n  + wechat-https-backend:lb:HttpsLoadBalancer  wechat-lb\n");
    expect(zh.stdout).not.toMatch(/^(Outputs|Warnings|Lookups|Checks the offline plan)|resources to create/m);
  });

  test("invalid config: exit 1 and the error names the key and the fix", () => {
    const file = stackFile(
      "config:\n  alicloud:region: cn-hangzhou\n  wechat-https-backend:domain: https://dev.example.com\n  wechat-https-backend:certificateSource: selfSigned\n",
    );
    const { code, stderr, stdout } = plan("--config-file", file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain('domain "https://dev.example.com" has a scheme (https://); set only the host name');
  });

  test("--lang zh-CN: the program's config errors in Chinese, naming the same key and fix; another language is bad usage", () => {
    const file = stackFile(
      "config:\n  alicloud:region: cn-hangzhou\n  wechat-https-backend:domain: https://dev.example.com\n  wechat-https-backend:certificateSource: selfSigned\n",
    );
    const zh = plan("--config-file", file, "--lang", "zh-CN");
    expect(zh.code).toBe(1);
    expect(zh.stderr).toContain('栈 "custom" 的配置无效（Pulumi.custom.yaml）：');
    expect(zh.stderr).toContain(
      'domain "https://dev.example.com" 带有协议（https://）；只需设置主机名，例如 pulumi config set domain dev.example.com',
    );
    expect(plan("--config-file", file, "--lang", "fr").code).toBe(2);
  });

  test("bad usage: exit 2 with the usage line", () => {
    expect(plan().code).toBe(2);
    const unknownFlag = plan("--stak", "dev");
    expect(unknownFlag.code).toBe(2);
    expect(unknownFlag.stderr).toContain("usage: npm run plan -- --stack <name>");
  });

  test("--help --lang zh-CN: the usage in Chinese, with the same options; --help alone in English", () => {
    const zh = plan("--help", "--lang", "zh-CN");
    expect(zh.code).toBe(0);
    expect(zh.stdout).toMatch(HAN);
    expect(zh.stdout).toContain("用法：npm run plan -- --stack <栈名>");
    for (const option of ["--config-file", "--json", "--diff", "--markdown", "--lang en|zh-CN"]) expect(zh.stdout).toContain(option);
    const en = plan("--help");
    expect(en.stdout).toContain("usage: npm run plan -- --stack <name>");
    expect(en.stdout).not.toMatch(HAN);
  });

  test("usage errors follow --lang zh-CN, or a zh locale of the environment, and name the same options", () => {
    const zh = plan("--markdown", "--stack", "dev", "--lang", "zh-CN");
    expect(zh.code).toBe(2);
    expect(zh.stderr).toMatch(HAN);
    expect(zh.stderr).toContain("--diff <git 引用>");
    // A bad option still answers in the language asked for.
    expect(plan("--stak", "dev", "--lang=zh-CN").stderr).toContain("用法：npm run plan");
    const env = { ...process.env, LC_ALL: "zh_CN.UTF-8" };
    const fromEnvironment = command("plan", [], env);
    expect(fromEnvironment.code).toBe(2);
    expect(fromEnvironment.stderr).toContain("请指定栈（--stack dev）或栈文件（--config-file 路径）");
    const render = command("render", ["--stack", "dev"], env);
    expect(render.code).toBe(2);
    expect(render.stderr).toMatch(HAN);
    expect(render.stderr).toContain("--out <目录>");
    const renewal = command("checkRenewal", [], env);
    expect(renewal.code).toBe(2);
    expect(renewal.stderr).toContain("pulumi preview --json 的输出");
    const miniprogram = command("miniprogram", ["--help", "--lang", "zh-CN"]);
    expect(miniprogram.stdout).toContain("用法：npm run miniprogram -- --out <目录>");
  });

  test("a stack without a file: exit 1 naming the file", () => {
    const { code, stderr } = plan("--stack", "qa");
    expect(code).toBe(1);
    expect(stderr).toContain("no stack file Pulumi.qa.yaml");
  });
});
