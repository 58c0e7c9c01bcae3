// The instance edge's certificate path on an instance, for real: tlsctl.py (byte for byte as the user
// data carries it) against the fakes appctl's tests use (the metadata service in hardened mode, an OOS
// endpoint that checks the request signature), writing what a real nginx serves; then a certificate
// change through the script Cloud Assistant runs (tls-reload.sh), with a request in flight across the
// reload. The key never reaches stdout or stderr.
import { spawn } from "node:child_process";
import { X509Certificate, createHash } from "node:crypto";
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { request as httpsRequest } from "node:https";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { connect } from "node:tls";
import { UNUSED_CHAIN_PART, tlsChainParts } from "../../../lib/cloud/appRole";
import { cloudInitOptions } from "../../../lib/instance/files";
import { DEFAULT_NGINX_OPTIONS } from "../../../lib/instance/nginx";
import { renderTlsConfig } from "../../../lib/instance/tlsConfig";
import { TLSCTL_SOURCE } from "../../../lib/instance/tlsctl";
import { renderTlsReloadScript } from "../../../lib/instance/tlsReload";
import { startTestApp, type TestApp } from "../../support/apps";
import { fakeMetadata, fakeOos, type FakeServer } from "../../support/fakeCloud";
import { TEST_DOMAIN, nginxBinary, startTlsNginx, type RunningTlsNginx } from "../../support/nginx";
import { RSA_2048, chainPem, createPki, type Issued, type TestPki } from "../../support/pki";

const STACK = "dev";
const CHAIN = ["1", "2", "3"].map((n) => `wechat-https-backend/${STACK}/tls-chain-${n}`);
const KEY = `wechat-https-backend/${STACK}/tls-private-key`;

let pki: TestPki;
let leafA: Issued;
let leafB: Issued;
let metadata: FakeServer;
let oosValues: Record<string, string>;
let oos: FakeServer;
let dir: string;
let tlsDir: string;

function put(leaf: Issued, key = leaf.keyPem): void {
  tlsChainParts(chainPem(leaf, pki.intermediate)).forEach((part, i) => (oosValues[CHAIN[i]] = part));
  oosValues[KEY] = key;
}

const fingerprintOf = (leaf: Issued): string => createHash("sha256").update(new X509Certificate(leaf.certPem).raw).digest("hex");

/** The options the program renders, pointed at this test's files and port. */
function options(httpsPort: number) {
  const rendered = cloudInitOptions({
    environment: "dev",
    edge: "instance",
    domain: TEST_DOMAIN,
    backendPort: 3000,
    hstsMaxAge: DEFAULT_NGINX_OPTIONS.hstsMaxAge,
    healthPath: "/api/health",
    maxUploadSize: "20m",
    stack: STACK,
    region: "cn-hangzhou",
  });
  const files = { certificatePath: join(tlsDir, "fullchain.pem"), keyPath: join(tlsDir, "privkey.pem") };
  return { ...rendered, nginx: { ...rendered.nginx, tls: { ...files, httpsPort } } };
}

function writeConfig(httpsPort: number): string {
  const rendered = options(httpsPort);
  const file = join(dir, "tls.json");
  if (!rendered.tls) throw new Error("no instance edge options");
  // The VPC endpoint first, as on an instance: nothing listens there, so the next one answers.
  writeFileSync(
    file,
    renderTlsConfig(rendered.tls, rendered.nginx, { metadataUrl: metadata.url, oosEndpoints: ["http://127.0.0.1:9", oos.url] }),
  );
  return file;
}

function run(command: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, PATH: process.env.PATH ?? "" } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const tlsctl = (config: string, command: string) => run("python3", [join(dir, "tlsctl.py"), config, command]);

beforeAll(async () => {
  pki = await createPki("tls reload test");
  [leafA, leafB] = await Promise.all([
    pki.leaf({ dnsNames: [TEST_DOMAIN], key: RSA_2048 }),
    pki.leaf({ dnsNames: [TEST_DOMAIN], key: RSA_2048 }),
  ]);
  metadata = await fakeMetadata();
  oosValues = {};
  oos = await fakeOos(oosValues);
  dir = mkdtempSync(join(tmpdir(), "tls-reload-"));
  chmodSync(dir, 0o755);
  tlsDir = join(dir, "tls");
  writeFileSync(join(dir, "tlsctl.py"), TLSCTL_SOURCE);
});
afterAll(async () => {
  await metadata?.close();
  await oos?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe("tlsctl.py fetch", () => {
  test("writes the chain and the key root-only from the parameters, prints the leaf's fingerprint, never the key", async () => {
    put(leafA);
    expect(oosValues[CHAIN[2]]).toBe(UNUSED_CHAIN_PART);
    const result = await tlsctl(writeConfig(443), "fetch");
    expect(result).toMatchObject({ code: 0, stdout: `${fingerprintOf(leafA)}\n` });
    expect(readFileSync(join(tlsDir, "fullchain.pem"), "utf8")).toBe(chainPem(leafA, pki.intermediate));
    expect(readFileSync(join(tlsDir, "privkey.pem"), "utf8")).toBe(leafA.keyPem);
    expect(statSync(join(tlsDir, "privkey.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(join(tlsDir, "fullchain.pem")).mode & 0o777).toBe(0o600);
    expect(statSync(tlsDir).mode & 0o777).toBe(0o700);
    const keyBody = leafA.keyPem.split("\n")[1];
    expect(result.stdout + result.stderr).not.toContain(keyBody);
    // Signed with the role's credentials, the key read with decryption: the requests OOS saw.
    expect(oos.seen.map((s) => [s.path, s.params.Name, s.params.WithDecryption])).toEqual(
      [...CHAIN, KEY].map((n) => ["GetSecretParameter", n, "true"]),
    );
  });

  test("a key that does not belong to the certificate is refused, and the files in place stay", async () => {
    put(leafB, leafA.keyPem);
    const result = await tlsctl(writeConfig(443), "fetch");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tlsctl: FAILED: the private key does not belong to the certificate/);
    expect(readFileSync(join(tlsDir, "fullchain.pem"), "utf8")).toBe(chainPem(leafA, pki.intermediate));
    expect(result.stderr).not.toContain(leafA.keyPem.split("\n")[1]);
  });

  test("without a RAM role attached yet it fails with the reason, which first boot retries on", async () => {
    const noRole = await fakeMetadata({ roleAttached: false });
    try {
      const rendered = options(443);
      const file = join(dir, "tls-no-role.json");
      if (!rendered.tls) throw new Error("no instance edge options");
      writeFileSync(file, renderTlsConfig(rendered.tls, rendered.nginx, { metadataUrl: noRole.url, oosEndpoints: [oos.url] }));
      const result = await tlsctl(file, "fetch");
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/no RAM role attached to this instance yet/);
    } finally {
      await noRole.close();
    }
  });
});

describe("a certificate change through tls-reload.sh, on a running nginx", () => {
  let app: TestApp;
  let edge: RunningTlsNginx;

  beforeAll(async () => {
    put(leafA);
    mkdirSync(tlsDir, { recursive: true });
    expect((await tlsctl(writeConfig(443), "fetch")).code).toBe(0);
    app = await startTestApp();
    edge = await startTlsNginx(
      { ...options(443).nginx, backendPort: app.port, tls: undefined },
      { certificatePath: join(tlsDir, "fullchain.pem"), keyPath: join(tlsDir, "privkey.pem") },
    );
    writeConfig(edge.httpsPort);
  });
  afterAll(async () => {
    await edge?.nginx.stop();
    await app?.close();
  });

  function servedFingerprint(): Promise<string> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: "127.0.0.1", port: edge.httpsPort, servername: TEST_DOMAIN, rejectUnauthorized: false });
      socket.once("secureConnect", () => {
        resolve(createHash("sha256").update(socket.getPeerCertificate().raw).digest("hex"));
        socket.destroy();
      });
      socket.once("error", reject);
    });
  }

  function slowRequest(ms: number): Promise<number> {
    return new Promise((resolve, reject) => {
      const req = httpsRequest(
        {
          host: "127.0.0.1",
          port: edge.httpsPort,
          path: `/slow?ms=${ms}`,
          servername: TEST_DOMAIN,
          headers: { host: TEST_DOMAIN },
          ca: [pki.root.certPem],
          agent: false,
        },
        (res) => {
          res.resume();
          res.on("end", () => resolve(res.statusCode ?? 0));
        },
      );
      req.once("error", reject);
      req.end();
    });
  }

  const reloadScript = () => {
    const script = join(dir, "tls-reload.sh");
    const nginx = `${nginxBinary()} -p ${edge.nginx.prefix} -c ${join(edge.nginx.prefix, "nginx.conf")}`;
    writeFileSync(
      script,
      renderTlsReloadScript(options(edge.httpsPort), { nginx, tlsctl: join(dir, "tlsctl.py"), tlsConfig: join(dir, "tls.json") }),
    );
    return script;
  };

  test("the new certificate is served once the script ends; a request in flight across the reload completes", async () => {
    expect(await servedFingerprint()).toBe(fingerprintOf(leafA));
    put(leafB);
    const inFlight = slowRequest(1500);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const result = await run("sh", [reloadScript()]);
    expect({ code: result.code, stderr: result.stderr }).toMatchObject({ code: 0 });
    expect(result.stdout).toContain(`tls-reload: nginx serves certificate sha256 ${fingerprintOf(leafB)}`);
    expect(await servedFingerprint()).toBe(fingerprintOf(leafB));
    expect(await inFlight).toBe(200);
    expect(result.stdout + result.stderr).not.toContain(leafB.keyPem.split("\n")[1]);
  }, 60_000);

  test("a change that cannot be fetched fails the script with the reason; nginx keeps serving the certificate it had", async () => {
    put(leafA, leafB.keyPem);
    const result = await run("sh", [reloadScript()]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/tls-reload: FAILED: the certificate could not be fetched from OOS/);
    expect(await servedFingerprint()).toBe(fingerprintOf(leafB));
  }, 60_000);
});
