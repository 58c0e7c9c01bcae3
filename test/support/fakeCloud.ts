// Fakes of what an instance's app helper talks to, on 127.0.0.1: the ECS metadata service in
// hardened mode (no session token, no answer), and RPC endpoints for OOS GetSecretParameter and
// ACR GetAuthorizationToken that check the caller's signature the way Alibaba Cloud documents it
// (written here independently of the helper's own code) and its STS token.
import { createHmac } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const ROLE = "wechat-https-backend-test-app";
export const STS = { AccessKeyId: "STS.fake-key-id", AccessKeySecret: "fake-key-secret", SecurityToken: "fake-security-token" };
const METADATA_TOKEN = "fake-metadata-token";

/** RFC 3986 percent-encoding as the signature documentation asks (only A-Za-z0-9-_.~ kept). */
function percentEncode(text: string): string {
  return encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The documented RPC signature (HMAC-SHA1) of a query, from its parameters without Signature. */
export function expectedSignature(params: Record<string, string>, secret: string): string {
  const canonical = Object.keys(params)
    .sort()
    .map((key) => `${percentEncode(key)}=${percentEncode(params[key])}`)
    .join("&");
  const stringToSign = `GET&${percentEncode("/")}&${percentEncode(canonical)}`;
  return createHmac("sha1", `${secret}&`).update(stringToSign).digest("base64");
}

export interface FakeServer {
  readonly url: string;
  /** Requests seen, as "METHOD path" (metadata) or the RPC Action with its non-signature parameters. */
  readonly seen: { method: string; path: string; params: Record<string, string> }[];
  close(): Promise<void>;
}

async function listen(handler: (req: IncomingMessage, res: ServerResponse, seen: FakeServer["seen"]) => void): Promise<FakeServer> {
  const seen: FakeServer["seen"] = [];
  const server: Server = createServer((req, res) => handler(req, res, seen));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function send(res: ServerResponse, status: number, body: string, type = "text/plain"): void {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
}

/** The metadata service in hardened mode, with `ROLE` attached unless `roleAttached` is false. */
export function fakeMetadata(options: { roleAttached?: boolean } = {}): Promise<FakeServer> {
  return listen((req, res, seen) => {
    const path = req.url ?? "/";
    seen.push({ method: req.method ?? "", path, params: {} });
    if (req.method === "PUT" && path === "/latest/api/token") {
      const ttl = Number(req.headers["x-aliyun-ecs-metadata-token-ttl-seconds"]);
      return Number.isInteger(ttl) && ttl >= 1 && ttl <= 21600
        ? send(res, 200, METADATA_TOKEN)
        : send(res, 400, "Missing or Invalid Parameters");
    }
    if (req.headers["x-aliyun-ecs-metadata-token"] !== METADATA_TOKEN) return send(res, 401, "Unauthorized");
    const base = "/latest/meta-data/ram/security-credentials/";
    if (options.roleAttached === false) return send(res, 404, "Not Found");
    if (path === base) return send(res, 200, ROLE);
    if (path === `${base}${ROLE}`) {
      return send(
        res,
        200,
        JSON.stringify({ ...STS, Expiration: "2099-01-01T00:00:00Z", LastUpdated: "2026-01-01T00:00:00Z", Code: "Success" }),
      );
    }
    return send(res, 404, "Not Found");
  });
}

export type RpcHandler = (params: Record<string, string>) => { status: number; body: unknown };

/** An RPC endpoint: checks version, STS token and signature, then answers with `handler`. */
export function fakeRpc(version: string, handler: RpcHandler): Promise<FakeServer> {
  return listen((req, res, seen) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const params = Object.fromEntries(url.searchParams.entries());
    const { Signature: signature, ...signed } = params;
    const reject = (code: string) => send(res, 400, JSON.stringify({ Code: code, Message: code }), "application/json");
    if (req.method !== "GET" || url.pathname !== "/") return reject("InvalidRequest");
    if (signed.Version !== version || signed.Format !== "JSON") return reject("InvalidVersion");
    if (signed.AccessKeyId !== STS.AccessKeyId || signed.SecurityToken !== STS.SecurityToken) return reject("InvalidAccessKeyId");
    if (signed.SignatureMethod !== "HMAC-SHA1" || signed.SignatureVersion !== "1.0" || !signed.SignatureNonce)
      return reject("InvalidSignatureMethod");
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(signed.Timestamp ?? "")) return reject("InvalidTimeStamp.Format");
    if (signature !== expectedSignature(signed, STS.AccessKeySecret)) return reject("SignatureDoesNotMatch");
    const { Action, Version, Format, AccessKeyId, SecurityToken, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp, ...rest } =
      signed;
    void [Version, Format, AccessKeyId, SecurityToken, SignatureMethod, SignatureVersion, SignatureNonce, Timestamp];
    seen.push({ method: "GET", path: Action, params: rest });
    const answer = handler({ Action, ...rest });
    send(res, answer.status, JSON.stringify(answer.body), "application/json");
  });
}

/** OOS GetSecretParameter over a map of parameter names to values. */
export function fakeOos(parameters: Record<string, string>): Promise<FakeServer> {
  return fakeRpc("2019-06-01", (params) => {
    if (params.Action !== "GetSecretParameter") return { status: 400, body: { Code: "InvalidAction" } };
    if (!(params.Name in parameters)) return { status: 404, body: { Code: "EntityNotExists.Parameter", Message: `no ${params.Name}` } };
    const value = params.WithDecryption === "true" ? parameters[params.Name] : undefined;
    return { status: 200, body: { RequestId: "r", Parameter: { Name: params.Name, Type: "Secret", Value: value } } };
  });
}

/** ACR (2018-12-01) GetAuthorizationToken for one instance id, answering `token`. */
export function fakeCr(instanceId: string, token: string): Promise<FakeServer> {
  return fakeRpc("2018-12-01", (params) => {
    if (params.Action !== "GetAuthorizationToken") return { status: 400, body: { Code: "InvalidAction" } };
    if (params.InstanceId !== instanceId) return { status: 404, body: { Code: "INSTANCE_NOT_EXIST", IsSuccess: false } };
    return {
      status: 200,
      body: {
        RequestId: "r",
        IsSuccess: true,
        Code: "success",
        TempUsername: "cr_temp_user",
        AuthorizationToken: token,
        ExpireTime: 4102444800000,
      },
    };
  });
}
