// The pack started the way the Pulumi CLI starts a TypeScript policy pack (the nodejs language
// host runs @pulumi/pulumi/cmd/run-policy-pack in the pack's folder, which compiles it with
// ts-node and type checking), then asked over the analyzer gRPC protocol, as the CLI does during
// `pulumi preview --policy-pack policy`. No Pulumi CLI needed.
import { spawn, type ChildProcess } from "node:child_process";
import * as path from "node:path";
import * as grpc from "@grpc/grpc-js";
import { AnalyzerClient } from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import {
  AnalyzeRequest,
  AnalyzerResourceOptions,
  EnforcementLevel,
  type AnalyzeResponse,
  type AnalyzerInfo,
} from "@pulumi/pulumi/proto/analyzer_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ALL_POLICIES } from "../../../policy/policies";
import { PROJECT_DIR } from "../../support/paths";

const POLICY_DIR = path.join(PROJECT_DIR, "policy");

let pack: ChildProcess;
let client: AnalyzerClient;
let stderr = "";

/** Starts the pack like the CLI: `node run-policy-pack <engine address> .` in the pack folder; resolves with its port. */
function startPack(): Promise<number> {
  const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [POLICY_DIR] });
  pack = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: POLICY_DIR, stdio: ["ignore", "pipe", "pipe"] });
  pack.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    let stdout = "";
    const timer = setTimeout(() => reject(new Error(`the pack printed no port within 25 s; stderr:\n${stderr}`)), 25000);
    pack.stdout?.on("data", (chunk: Buffer) => {
      stdout += chunk.toString();
      const port = /^(\d+)\s*$/m.exec(stdout);
      if (port) {
        clearTimeout(timer);
        resolve(Number(port[1]));
      }
    });
    pack.on("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`the pack exited with ${code} before serving; stderr:\n${stderr}`));
    });
  });
}

function call<T>(invoke: (done: (err: grpc.ServiceError | null, res: T) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => invoke((err, res) => (err ? reject(err) : resolve(res))));
}

beforeAll(async () => {
  const port = await startPack();
  client = new AnalyzerClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
}, 30000);

afterAll(async () => {
  client?.close();
  if (pack && pack.exitCode === null) {
    const exited = new Promise((resolve) => pack.once("exit", resolve));
    pack.kill();
    await exited;
  }
});

test("it serves the pack with every policy of policies.ts, at the version of policy/package.json", async () => {
  const info = await call<AnalyzerInfo>((done) => client.getAnalyzerInfo(new Empty(), done));
  expect(info.getName()).toBe("wechat-https-backend");
  expect(info.getVersion()).toBe("0.1.0");
  expect(info.getPoliciesList().map((p) => p.getName())).toEqual(ALL_POLICIES.map((p) => p.name));
});

test("it judges a resource the CLI sends: an HTTPS listener without a TLS policy is a mandatory violation", async () => {
  const request = new AnalyzeRequest();
  request.setType("alicloud:slb/listener:Listener");
  request.setName("wechat-lb-https");
  request.setUrn("urn:pulumi:prod::wechat-https-backend::alicloud:slb/listener:Listener::wechat-lb-https");
  request.setProperties(Struct.fromJavaScript({ protocol: "https", frontendPort: 443, backendPort: 80 }));
  request.setOptions(new AnalyzerResourceOptions());
  const response = await call<AnalyzeResponse>((done) => client.analyze(request, done));
  const diagnostics = response.getDiagnosticsList().map((d) => [d.getPolicyname(), d.getEnforcementlevel(), d.getMessage()]);
  // The CLI shows the policy's description, then the message.
  expect(diagnostics).toEqual([
    [
      "https-listener-tls-1-2",
      EnforcementLevel.MANDATORY,
      expect.stringMatching(/\nHTTPS listener "wechat-lb-https" has no tlsCipherPolicy, so CLB applies its default tls_cipher_policy_1_0/),
    ],
  ]);
});
