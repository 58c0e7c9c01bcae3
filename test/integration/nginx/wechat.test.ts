// What WeChat fetches from the domain, end to end in a real nginx running the config a stack's
// instances get: the verification files byte for byte as text/plain, and the pay and message push
// callbacks reaching the app with their query and a body larger than the stack's upload limit; on
// this machine's nginx and on the instances' 1.18.
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import { cloudInitOptions } from "../../../lib/instance/files";
import { startTestApp, type TestApp } from "../../support/apps";
import { NGINX_BUILDS, startProjectNginx, type RunningNginx } from "../../support/nginx";
import type { NginxOptions } from "../../../lib/instance/nginx";
import { httpGet, jsonBody } from "./http";

const DOMAIN = "api.shop-demo.cn";
const P = "wechat-https-backend:";
const FILES = { "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b", "MP_verify_AbCdEfGh12345678.txt": "AbCdEfGh12345678" };
/** What a phone's request looks like after the load balancer: the stack's host name. */
const HOST = { Host: DOMAIN };

let app: TestApp;
let options: NginxOptions;

beforeAll(async () => {
  app = await startTestApp();
  const { settings } = resolveStackConfig({
    stack: "shop",
    locale: "en",
    values: {
      "alicloud:region": "cn-shanghai",
      [`${P}domain`]: DOMAIN,
      [`${P}acmeEmail`]: "ops@shop-demo.cn",
      [`${P}maxUploadSize`]: "16k",
      [`${P}payNotifyPath`]: "/api/pay/notify",
      [`${P}messagePushPath`]: "/api/wechat/push",
      // As a copied file often arrives: with a trailing newline.
      [`${P}wechatVerifyFiles`]: JSON.stringify({ ...FILES, "87PweoaRBw.txt": `${FILES["87PweoaRBw.txt"]}\n` }),
    },
  });
  options = { ...cloudInitOptions(settings).nginx, backendPort: app.port };
});

afterAll(async () => {
  await app?.close();
});

describe.each(NGINX_BUILDS)("$label", ({ binary }) => {
  let nginx: RunningNginx;
  beforeAll(async () => {
    nginx = await startProjectNginx(options, binary());
  });
  afterAll(async () => {
    await nginx?.stop();
  });

  describe("verification files", () => {
    test.each(Object.entries(FILES))("/%s answers exactly its content as text/plain", async (name, content) => {
      const answer = await httpGet(nginx.port, `/${name}`, { headers: HOST });
      expect(answer.status).toBe(200);
      expect(answer.headers["content-type"]).toBe("text/plain");
      // Byte for byte: no newline, no BOM, nothing around it (WeChat's checker compares the body).
      expect(answer.body).toBe(content);
      expect(answer.headers["content-length"]).toBe(String(content.length));
      expect(answer.headers["strict-transport-security"]).toBe("max-age=31536000");
    });

    test("HEAD answers like GET without a body", async () => {
      const answer = await httpGet(nginx.port, "/87PweoaRBw.txt", { method: "HEAD", headers: HOST });
      expect([answer.status, answer.headers["content-type"], answer.body]).toEqual([200, "text/plain", ""]);
    });

    test("only the exact, case-sensitive name is the file; anything else goes to the app", async () => {
      for (const path of ["/87pweoarbw.txt", "/87PweoaRBw.txt/", "/x/87PweoaRBw.txt"]) {
        const answer = await httpGet(nginx.port, path, { headers: HOST });
        expect(jsonBody<{ path: string }>(answer).path).toBe(path);
      }
    });
  });

  describe("callbacks", () => {
    const body = Buffer.alloc(64 * 1024, "x");

    test("a WeChat Pay notification larger than maxUploadSize reaches the app whole", async () => {
      const answer = await httpGet(nginx.port, "/api/pay/notify", {
        method: "POST",
        headers: { ...HOST, "Content-Type": "application/json", "Wechatpay-Serial": "PUB_KEY_ID_0000" },
        body,
      });
      expect(answer.status).toBe(200);
      expect(jsonBody(answer)).toEqual({ path: "/api/pay/notify", query: "", method: "POST", bytes: body.length });
    });

    test("the same body on any other API path is still refused with the JSON 413", async () => {
      const answer = await httpGet(nginx.port, "/api/orders", { method: "POST", headers: HOST, body });
      expect(answer.status).toBe(413);
      expect(jsonBody<{ error: string }>(answer).error).toBe("payload_too_large");
    });

    test("the message push handshake (GET with signature and echostr) and pushes (POST with encrypt_type) reach the app with their query", async () => {
      const query = "?signature=f464b24fc39322e44b38aa78f5edd27bd1441696&timestamp=1714036504&nonce=1514711492&echostr=hello";
      const handshake = await httpGet(nginx.port, `/api/wechat/push${query}`, { headers: HOST });
      expect(jsonBody(handshake)).toMatchObject({ path: "/api/wechat/push", query, method: "GET" });
      const push = await httpGet(nginx.port, "/api/wechat/push?encrypt_type=aes&msg_signature=abc", {
        method: "POST",
        headers: { ...HOST, "Content-Type": "text/xml" },
        body: Buffer.alloc(48 * 1024, "y"),
      });
      expect(jsonBody(push)).toMatchObject({ query: "?encrypt_type=aes&msg_signature=abc", method: "POST", bytes: 48 * 1024 });
    });
  });

  test("only for the stack's domain, like everything else: another Host gets the 421", async () => {
    const answer = await httpGet(nginx.port, "/87PweoaRBw.txt", { headers: { Host: "other.example.org" } });
    expect(answer.status).toBe(421);
    expect(answer.body).not.toContain(FILES["87PweoaRBw.txt"]);
  });
});
