// A stack with WeChat callbacks and verification files: the outputs to paste into WeChat Pay and the
// message push console, and the instances' nginx serving the files.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { findResource, planOf, T } from "../../support/program";
import { writtenFile } from "../../support/userData";

function stackFile(config: Record<string, unknown>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "wechat-stack-"));
  const file = path.join(dir, "Pulumi.shop.yaml");
  writeFileSync(file, stringify({ config }));
  return file;
}

const P = "wechat-https-backend:";

describe("a stack with payNotifyPath, messagePushPath and wechatVerifyFiles", () => {
  let plan: Awaited<ReturnType<typeof planOf>>;
  beforeAll(async () => {
    plan = await planOf({
      configFile: stackFile({
        "alicloud:region": "cn-shanghai",
        [`${P}domain`]: "api.shop-demo.cn",
        [`${P}acmeEmail`]: "ops@shop-demo.cn",
        [`${P}payNotifyPath`]: "/api/pay/notify",
        [`${P}messagePushPath`]: "/api/wechat/push",
        // A map, the way `pulumi config set --path 'wechatVerifyFiles["87PweoaRBw.txt"]' ...` stores it.
        [`${P}wechatVerifyFiles`]: { "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b" },
      }),
    });
  });

  test("outputs the callback URLs on https without a port", () => {
    expect(plan.document.outputs).toMatchObject({
      payNotifyUrl: "https://api.shop-demo.cn/api/pay/notify",
      messagePushUrl: "https://api.shop-demo.cn/api/wechat/push",
    });
    expect(plan.document.warnings.filter((w) => /payNotify|messagePush|wechatVerifyFiles/.test(w))).toEqual([]);
  });

  test("the instances' user data carries the callback locations and the verification file", () => {
    // The instance takes its user data base64-encoded, and the nginx config in it gzip+base64-encoded.
    const userData = Buffer.from(String(findResource(plan.run, T.instance).inputs.userData), "base64").toString("utf8");
    const nginxConf = writtenFile(userData, "/etc/nginx/nginx.conf")?.content ?? "";
    expect(nginxConf).toContain("location = /api/pay/notify {");
    expect(nginxConf).toContain("location = /api/wechat/push {");
    expect(nginxConf).toContain('return 200 "7c5ffce3ba1f0e2c4b0fd684e371f25b";');
  });

  test("without the keys there are no such outputs", async () => {
    const dev = await planOf({ stack: "dev" });
    expect(Object.keys(dev.document.outputs)).not.toContain("payNotifyUrl");
    expect(Object.keys(dev.document.outputs)).not.toContain("messagePushUrl");
  });
});
