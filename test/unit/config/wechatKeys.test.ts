// The keys for what WeChat fetches from the domain: callback paths and verification files, checked
// before anything is declared, and turned into outputs and nginx locations.
import { resolveStackConfig, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, problemsOf } from "../../support/config";
import { renderNginxConfig } from "../../../lib/instance/nginx";
import { cloudInitOptions } from "../../../lib/instance/files";

const BASE = { domain: "api.shop-demo.cn", certificateSource: "acme", acmeEmail: "ops@shop-demo.cn", icpLicense: "京ICP备20231234号-1" };

function input(values: Record<string, string>): ConfigInput {
  const full = fullKeys({ ...BASE, ...values });
  return { stack: "dev", locale: "en", values: { "alicloud:region": "cn-hangzhou", ...full } };
}

function problems(values: Record<string, string>): string[] {
  return problemsOf(input(values));
}

const files = (map: Record<string, string>) => ({ wechatVerifyFiles: JSON.stringify(map) });

describe("payNotifyPath and messagePushPath", () => {
  test("a plain path is kept; without either key there is none", () => {
    const { settings, warnings } = resolveStackConfig(input({ payNotifyPath: "/api/pay/notify", messagePushPath: "/api/wechat/push" }));
    expect(settings).toMatchObject({ payNotifyPath: "/api/pay/notify", messagePushPath: "/api/wechat/push" });
    expect(warnings).toEqual([]);
    const bare = resolveStackConfig(input({})).settings;
    expect([bare.payNotifyPath, bare.messagePushPath]).toEqual([undefined, undefined]);
  });

  test.each([
    [
      "payNotifyPath",
      "/api/pay/notify?source=wx",
      /^payNotifyPath: .*query string, which WeChat Pay refuses.*pulumi config set payNotifyPath \/api\/pay\/notify$/,
    ],
    ["messagePushPath", "/push?token=1", /^messagePushPath: .*query string, which this project does not accept: WeChat adds its own/],
    ["payNotifyPath", "https://api.shop-demo.cn:8443/pay/notify", /^payNotifyPath: .*whole URL; set only its path.*without a port/],
    ["payNotifyPath", "//api.shop-demo.cn/pay", /^payNotifyPath: .*whole URL/],
    ["payNotifyPath", "/pay/notify#x", /^payNotifyPath: .*#fragment/],
    ["payNotifyPath", "/pay notify", /^payNotifyPath: .*not a URL path/],
    ["payNotifyPath", "pay/notify", /^payNotifyPath: .*not a URL path/],
    [
      "payNotifyPath",
      "/",
      /^payNotifyPath: "\/" is the root path \(根路径\) of the domain: WeChat Pay refuses a notify URL without a path/,
    ],
    [
      "messagePushPath",
      "/",
      /^messagePushPath: "\/" is the root path \(根路径\) of the domain: message push would take it, but this project does not/,
    ],
    ["messagePushPath", "/api/health", /^messagePushPath: "\/api\/health" is also healthPath/],
  ])("%s %s is refused, naming the key", (key, value, expected) => {
    expect(problems({ [key]: value })).toEqual([expect.stringMatching(expected)]);
  });

  test("each key's refusal of the root path and of a query names its own product's rule, in Chinese too", () => {
    const zh = (values: Record<string, string>) => problemsOf({ ...input(values), locale: "zh-CN" });
    expect(zh({ payNotifyPath: "/" })).toEqual([
      'payNotifyPath："/" 是域名的根路径：微信支付不接受没有路径的通知地址，而且发到这个域名的其他请求也都落在根路径上；' +
        "请给支付通知单独的路径，例如 pulumi config set payNotifyPath /api/pay/notify",
    ]);
    expect(zh({ messagePushPath: "/" })).toEqual([
      expect.stringMatching(/^messagePushPath："\/" 是域名的根路径：消息推送本身接受它，但本项目不接受/),
    ]);
    expect(zh({ payNotifyPath: "/n?a=1" })).toEqual([expect.stringMatching(/^payNotifyPath：.*微信支付的 notify_url 不能携带查询参数/)]);
    expect(zh({ messagePushPath: "/p?a=1" })).toEqual([
      expect.stringMatching(/^messagePushPath：.*本项目不接受：微信会在每次推送时加上自己的参数/),
    ]);
    // Neither message speaks of the other product.
    expect(problems({ messagePushPath: "/" })[0]).not.toMatch(/WeChat Pay|notify/);
    expect(problems({ messagePushPath: "/p?a=1" })[0]).not.toMatch(/WeChat Pay|notify/);
    expect(problems({ payNotifyPath: "/" })[0]).not.toMatch(/message push/);
  });

  test("a notify URL longer than WeChat Pay's 255 characters is refused with its length", () => {
    const path = `/${"n".repeat(240)}`;
    expect(problems({ payNotifyPath: path })).toEqual([
      expect.stringMatching(/^payNotifyPath: the callback URL https:\/\/api\.shop-demo\.cn\/n+ is 265 characters; .* at most 255/),
    ]);
    // Exactly 255 is fine.
    const fits = `/${"n".repeat(255 - "https://api.shop-demo.cn/".length)}`;
    expect(resolveStackConfig(input({ payNotifyPath: fits })).settings.payNotifyPath).toBe(fits);
  });

  test("one path for both callbacks is a warning", () => {
    const { warnings } = resolveStackConfig(input({ payNotifyPath: "/cb", messagePushPath: "/cb" }));
    expect(warnings).toEqual([expect.stringMatching(/payNotifyPath and messagePushPath are both "\/cb"/)]);
  });
});

describe("wechatVerifyFiles", () => {
  test("WeChat's two file shapes are kept; a copied file's BOM and newline are dropped", () => {
    const { settings, warnings } = resolveStackConfig(
      input(files({ "87PweoaRBw.txt": "\uFEFF7c5ffce3ba1f0e2c4b0fd684e371f25b\n", "MP_verify_AbCdEfGh12345678.txt": "AbCdEfGh12345678" })),
    );
    expect(settings.wechatVerifyFiles).toEqual({
      "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b",
      "MP_verify_AbCdEfGh12345678.txt": "AbCdEfGh12345678",
    });
    expect(warnings).toEqual([]);
  });

  test.each([
    ["a path", "well-known/87PweoaRBw.txt"],
    ["a leading slash", "/87PweoaRBw.txt"],
    ["a parent directory", "../87PweoaRBw.txt"],
    ["another extension", "87PweoaRBw.html"],
    ["nine characters", "87PweoaRB.txt"],
    ["a short MP_verify suffix", "MP_verify_abc123.txt"],
    ["a space", "87Pweo Rbw.txt"],
  ])("a name with %s is refused, naming the key and the shapes", (_, name) => {
    expect(problems(files({ [name]: "7c5ffce3ba1f0e2c4b0fd684e371f25b" }))).toEqual([
      expect.stringMatching(
        new RegExp(`^wechatVerifyFiles: "${name.replace(/[.?*/]/g, "\\$&")}" is not a WeChat verification file name.*MP_verify_`),
      ),
    ]);
  });

  test.each([
    ["a quote", '7c5f"; return 200 "x'],
    ["a semicolon and brace", "abc;}"],
    ["inner space", "7c5f fce3"],
    ["a dollar (nginx variable)", "$host"],
    ["nothing", "  "],
    ["far too much", "a".repeat(129)],
  ])("content with %s is refused, so nothing but letters and digits reaches nginx", (_, content) => {
    expect(problems(files({ "87PweoaRBw.txt": content }))).toEqual([
      expect.stringMatching(/^wechatVerifyFiles: the content of "87PweoaRBw\.txt" must be the letters and digits WeChat gave/),
    ]);
  });

  test("a 业务域名 file without 32 hex characters is served but warned about", () => {
    const { settings, warnings } = resolveStackConfig(input(files({ "87PweoaRBw.txt": "notHexAtAll" })));
    expect(settings.wechatVerifyFiles).toEqual({ "87PweoaRBw.txt": "notHexAtAll" });
    expect(warnings).toEqual([expect.stringMatching(/"87PweoaRBw\.txt" holds something other than the 32 hexadecimal characters/)]);
  });

  test("a value that is not text (digits stored as a number by pulumi config set --path) is refused with the fix", () => {
    expect(problems({ wechatVerifyFiles: '{"87PweoaRBw.txt": 12345}' })).toEqual([
      expect.stringMatching(/^wechatVerifyFiles: expected a map of names to text values \(a value of digits only needs --type string\)/),
    ]);
  });
});

describe("what the instances get", () => {
  const settings = resolveStackConfig(
    input({
      payNotifyPath: "/api/pay/notify",
      messagePushPath: "/api/wechat/push",
      maxUploadSize: "64k",
      ...files({ "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b" }),
    }),
  ).settings;
  const nginx = renderNginxConfig(cloudInitOptions(settings).nginx);

  test("each callback path gets an exact location whose body limit is at least 1m", () => {
    expect(nginx).toMatch(/location = \/api\/pay\/notify \{\n\s+client_max_body_size 1m;\n\s+proxy_pass http:\/\/app;\n\s+\}/);
    expect(nginx).toMatch(/location = \/api\/wechat\/push \{\n\s+client_max_body_size 1m;/);
    expect(nginx).toMatch(/client_max_body_size 64k;/);
  });

  test("each verification file is returned as text/plain with its content only", () => {
    expect(nginx).toMatch(
      /location = \/87PweoaRBw\.txt \{\n\s+default_type text\/plain;\n\s+return 200 "7c5ffce3ba1f0e2c4b0fd684e371f25b";\n/,
    );
  });

  test("the renderer refuses unsafe names and contents on its own too", () => {
    const options = cloudInitOptions(settings).nginx;
    expect(() => renderNginxConfig({ ...options, verifyFiles: { "87PweoaRBw.txt": 'x"; }' } })).toThrow(
      /nginx\.verifyFiles\.87PweoaRBw\.txt must be letters and digits only/,
    );
    expect(() => renderNginxConfig({ ...options, verifyFiles: { "a;b.txt": "x" } })).toThrow(/is not a WeChat verification file name/);
    expect(() => renderNginxConfig({ ...options, callbackPaths: ["/pay?x=1"] })).toThrow(
      /nginx\.callbackPaths\[0\] must be an absolute path/,
    );
  });
});
