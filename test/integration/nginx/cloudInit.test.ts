// The user data as the real artifact: YAML that cloud-init's own schema accepts, files embedded byte
// for byte, shell that parses in bash and dash, and the built-in app run for real behind the real
// nginx, probed by the readiness script as Cloud Assistant would run it.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import {
  renderCloudInit,
  renderReadinessScript,
  renderSetupScript,
  withoutCommentLines,
  type CloudInitOptions,
} from "../../../lib/instance/cloudInit";
import { BUILTIN_APP_SOURCE } from "../../../lib/instance/builtinApp";
import { cloudInitOptions } from "../../../lib/instance/files";
import { TLSCTL_SOURCE } from "../../../lib/instance/tlsctl";
import { renderTlsReloadScript } from "../../../lib/instance/tlsReload";
import { DEFAULT_NGINX_OPTIONS, renderNginxConfig } from "../../../lib/instance/nginx";
import { freeLoopbackPort, startProjectNginx, TEST_DOMAIN, type RunningNginx } from "../../support/nginx";
import { PROJECT_DIR } from "../../support/paths";
import { httpGet, jsonBody } from "./http";
import { writtenFile } from "../../support/userData";

const IMAGE = "registry-vpc.cn-hangzhou.aliyuncs.com/team/app:1.2.0";
const NGINX = { ...DEFAULT_NGINX_OPTIONS, domain: TEST_DOMAIN };
const builtin: CloudInitOptions = { nginx: NGINX, environment: "dev" };
const container: CloudInitOptions = {
  nginx: { ...NGINX, hstsMaxAge: 63072000, maxUploadSize: "50m" },
  environment: "prod",
  appImage: IMAGE,
};
/** The instance edge with an app image whose container reads a secret: the largest user data a stack renders. */
const edge: CloudInitOptions = cloudInitOptions({
  environment: "dev",
  edge: "instance",
  domain: TEST_DOMAIN,
  backendPort: 3000,
  hstsMaxAge: 31536000,
  healthPath: "/api/health",
  maxUploadSize: "20m",
  appImage: IMAGE,
  app: { env: { LOG_LEVEL: "info" }, secrets: { WX_APP_SECRET: { known: false } }, user: "65534:65534" },
  stack: "dev",
  region: "cn-hangzhou",
});

interface WriteFile {
  path: string;
  permissions: string;
  content: string;
  defer?: boolean;
}

interface UserData {
  package_update: boolean;
  packages: string[];
  write_files: WriteFile[];
  runcmd: unknown[];
}

function userDataOf(options: CloudInitOptions): UserData {
  return parse(renderCloudInit(options)) as UserData;
}

function fileAt(userData: UserData, path: string): WriteFile | undefined {
  return userData.write_files.find((file) => file.path === path);
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "cloud-init-test-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function writeScratch(name: string, content: string, mode = 0o644): string {
  const path = join(scratch, name);
  writeFileSync(path, content);
  chmodSync(path, mode);
  return path;
}

describe("renderCloudInit", () => {
  it("is #cloud-config YAML that embeds renderNginxConfig's output byte for byte, but for its comment lines", () => {
    for (const options of [builtin, container]) {
      const text = renderCloudInit(options);
      expect(text.startsWith("#cloud-config\n")).toBe(true);
      const nginxConf = writtenFile(text, "/etc/nginx/nginx.conf");
      expect(nginxConf?.encoding).toBe("gz+b64"); // the largest part of the user data: a third of its size so
      expect(nginxConf?.content).toBe(withoutCommentLines(renderNginxConfig(options.nginx)));
      expect(nginxConf?.defer).toBe(true); // written after the nginx package is installed
    }
  });

  it("installs nginx only, runs the built-in app with python3 and embeds it byte for byte", () => {
    const userData = userDataOf(builtin);
    expect(userData.package_update).toBe(true);
    expect(userData.packages).toEqual(["nginx", "curl", "unattended-upgrades"]);
    expect(fileAt(userData, "/opt/wechat-https-backend/builtin_app.py")?.content).toBe(BUILTIN_APP_SOURCE);
    const unit = fileAt(userData, "/etc/systemd/system/wechat-https-backend-app.service")!.content;
    expect(unit).toContain("ExecStart=/usr/bin/python3 /opt/wechat-https-backend/builtin_app.py\n");
    expect(unit).toContain("Environment=PORT=3000 HEALTH_PATH=/api/health APP_ENV=dev\n");
    expect(unit).toContain("Restart=always\n");
    expect(unit).not.toContain("docker");
  });

  it("with an app image installs docker.io and runs the image through appctl.py (no pull on restart, no host network)", () => {
    const userData = userDataOf(container);
    expect(userData.packages).toEqual(["nginx", "curl", "unattended-upgrades", "docker.io"]);
    expect(fileAt(userData, "/opt/wechat-https-backend/builtin_app.py")).toBeUndefined();
    const unit = fileAt(userData, "/etc/systemd/system/wechat-https-backend-app.service")!.content;
    expect(unit).not.toContain("docker pull");
    expect(unit).not.toContain("--network host");
    expect(unit).toContain(
      "ExecStartPre=/usr/bin/python3 /usr/local/lib/wechat-https-backend/appctl.py /etc/wechat-https-backend/app.json prepare\n",
    );
    expect(unit).toContain(
      "ExecStart=/usr/bin/python3 /usr/local/lib/wechat-https-backend/appctl.py /etc/wechat-https-backend/app.json run\n",
    );
    expect(unit).toContain("Restart=always\n");
    expect(unit).toContain("Requires=docker.service\n");
  });

  it("runs the setup script once, last, and the script checks nginx, reloads it and waits for health", () => {
    const userData = userDataOf(builtin);
    expect(userData.runcmd).toEqual(["/usr/local/sbin/wechat-https-backend-setup"]);
    const setup = fileAt(userData, "/usr/local/sbin/wechat-https-backend-setup")!;
    expect(setup.permissions).toBe("0755");
    expect(setup.content).toBe(renderSetupScript(builtin));
    const lines = setup.content.split("\n");
    const order = ["nginx -t", "systemctl reload-or-restart nginx.service", "wait_for_health 'http://127.0.0.1:80/api/health'", "date -u"];
    const positions = order.map((start) => lines.findIndex((line) => line.trimStart().startsWith(start) || line.includes(`! ${start}`)));
    expect(positions.every((p) => p > 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(setup.content).toContain("> /var/lib/wechat-https-backend/ready\n");
  });

  it("at the instance edge: tlsctl.py byte for byte, tls.json with names only, the certificate fetched before nginx -t, health over HTTPS", () => {
    const text = renderCloudInit(edge);
    expect(writtenFile(text, "/usr/local/lib/wechat-https-backend/tlsctl.py")?.content).toBe(TLSCTL_SOURCE);
    const config = writtenFile(text, "/etc/wechat-https-backend/tls.json");
    expect(config?.permissions).toBe("0600");
    expect(JSON.parse(config?.content ?? "{}")).toMatchObject({
      region: "cn-hangzhou",
      chainParameters: [
        "wechat-https-backend/dev/tls-chain-1",
        "wechat-https-backend/dev/tls-chain-2",
        "wechat-https-backend/dev/tls-chain-3",
      ],
      keyParameter: "wechat-https-backend/dev/tls-private-key",
      certificatePath: "/etc/wechat-https-backend/tls/fullchain.pem",
      keyPath: "/etc/wechat-https-backend/tls/privkey.pem",
      served: { host: "127.0.0.1", port: 443, serverName: TEST_DOMAIN },
    });
    const nginxConf = writtenFile(text, "/etc/nginx/nginx.conf")?.content ?? "";
    expect(nginxConf).toMatch(/listen 443 ssl http2 default_server;/);
    expect(nginxConf).toMatch(/ssl_certificate \/etc\/wechat-https-backend\/tls\/fullchain\.pem;/);
    expect(nginxConf).toMatch(/return 301 https:\/\/api\.example\.com\$request_uri;/);
    const lines = renderSetupScript(edge).split("\n");
    const fetch = lines.findIndex((line) => line.includes("tlsctl.py /etc/wechat-https-backend/tls.json fetch"));
    expect(fetch).toBeGreaterThan(0);
    expect(fetch).toBeLessThan(lines.findIndex((line) => line.startsWith("nginx -t")));
    const readiness = renderReadinessScript(edge);
    expect(readiness).toContain("health_url='https://api.example.com/api/health'");
    expect(readiness).toContain("--resolve 'api.example.com:443:127.0.0.1' --cacert '/etc/wechat-https-backend/tls/fullchain.pem'");
    // Names of the parameters only: no PEM, no key, anywhere in the user data.
    expect(text).not.toMatch(/BEGIN|PRIVATE KEY/);
  });

  it("passes cloud-init's own schema validation", () => {
    const probe = spawnSync("cloud-init", ["--version"], { encoding: "utf8" });
    if (probe.error) {
      throw new Error("cloud-init is needed for this test: apt-get install -y --no-install-recommends cloud-init");
    }
    for (const [name, options] of [
      ["builtin", builtin],
      ["container", container],
      ["edge", edge],
    ] as const) {
      const path = writeScratch(`${name}.yaml`, renderCloudInit(options));
      const result = spawnSync("cloud-init", ["schema", "--config-file", path], { encoding: "utf8" });
      expect(`${result.stdout}${result.stderr}`).toContain("Valid cloud-config");
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/deprecat/i);
      expect(result.status).toBe(0);
    }
  });

  it("fits in Alibaba Cloud's user data limit (32 KB), even base64-encoded", () => {
    for (const options of [builtin, container, edge]) {
      expect(Buffer.from(renderCloudInit(options)).toString("base64").length).toBeLessThan(32 * 1024);
    }
  });

  it("rejects options that would not fit in a unit file or a script", () => {
    expect(() => renderCloudInit({ ...container, appImage: "app:1; rm -rf /" })).toThrow("appImage must be an image reference");
    expect(() => renderCloudInit({ ...builtin, environment: "Prod env" })).toThrow("environment must be lowercase");
    expect(() => renderReadinessScript({ ...builtin, nginx: { ...NGINX, healthPath: "health" } })).toThrow(
      "nginx.healthPath must be an absolute path",
    );
  });
});

describe("embedded shell", () => {
  const scripts = () => ({
    setup: renderSetupScript(container),
    readiness: renderReadinessScript(container),
    edgeSetup: renderSetupScript(edge),
    edgeReadiness: renderReadinessScript(edge),
    tlsReload: renderTlsReloadScript(edge),
  });

  it.each(["bash", "dash"])("parses with %s -n", (shell) => {
    for (const [name, text] of Object.entries(scripts())) {
      const result = spawnSync(shell, ["-n", writeScratch(`${name}.sh`, text)], { encoding: "utf8" });
      expect({ name, stderr: result.stderr, status: result.status }).toEqual({ name, stderr: "", status: 0 });
    }
  });

  it("names its renderer by a path that exists (the files moved to lib/instance/), as the nginx config does", () => {
    const rendered = [...Object.values(scripts()), renderCloudInit(container), renderNginxConfig(container.nginx)].join("\n");
    const named = [...new Set([...rendered.matchAll(/\blib\/[\w/]+\.ts\b/g)].map((m) => m[0]))];
    expect(named.sort()).toEqual(["lib/instance/cloudInit.ts", "lib/instance/nginx.ts", "lib/instance/tlsReload.ts"]);
    for (const file of named) expect([file, existsSync(join(PROJECT_DIR, file))]).toEqual([file, true]);
  });

  it("has no {{...}} that Cloud Assistant would take for a parameter", () => {
    expect(renderReadinessScript(container)).not.toMatch(/\{\{/);
    expect(renderTlsReloadScript(edge)).not.toMatch(/\{\{/);
  });
});

describe("a fresh instance, for real: built-in app behind the project's nginx", () => {
  let nginx: RunningNginx;
  let stopApp: () => void;
  let instance: CloudInitOptions;
  let stubBin: string;

  beforeAll(async () => {
    // The built-in app exactly as the user data carries it, on a free port.
    const appPath = writeScratch("builtin_app.py", fileAt(userDataOf(builtin), "/opt/wechat-https-backend/builtin_app.py")!.content);
    const port = await freeLoopbackPort();
    const python = spawn("python3", [appPath], {
      env: { ...process.env, PORT: String(port), HEALTH_PATH: "/api/health", APP_ENV: "dev" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    stopApp = () => python.kill("SIGTERM");
    await new Promise<void>((resolve, reject) => {
      python.stdout.once("data", () => resolve());
      python.once("exit", (code) => reject(new Error(`python3 built-in app exited (${code}); is python3 installed?`)));
    });
    nginx = await startProjectNginx({ ...NGINX, backendPort: port });
    instance = { ...builtin, nginx: { ...NGINX, backendPort: port, listenPort: nginx.port } };
    stubBin = join(scratch, "bin");
    spawnSync("mkdir", ["-p", stubBin]);
  });

  afterAll(async () => {
    await nginx?.stop();
    stopApp?.();
  });

  /** A stand-in `cloud-init` whose `status --wait` exits with `code` and whose --version says `version`. */
  function stubCloudInit(code: number, version = "23.4.4-0ubuntu0~22.04.1"): void {
    const path = join(stubBin, "cloud-init");
    writeFileSync(
      path,
      `#!/bin/sh\nif [ "$1" = --version ]; then echo "/usr/bin/cloud-init ${version}"; exit 0; fi\n` +
        `if [ "$1" = status ] && [ "$2" = --wait ]; then exit ${code}; fi\necho "status: stub"\n`,
    );
    chmodSync(path, 0o755);
  }

  function runReadiness(options: CloudInitOptions): Promise<{ code: number | null; output: string }> {
    const script = writeScratch("readiness.sh", renderReadinessScript(options), 0o755);
    return new Promise((resolve) => {
      const child = spawn("sh", [script], { env: { ...process.env, PATH: `${stubBin}:${process.env.PATH}` } });
      let output = "";
      child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString()));
      child.on("exit", (code) => resolve({ code, output }));
    });
  }

  it("answers the health path with JSON 200 and HSTS, and other paths with JSON 404", async () => {
    const health = await httpGet(nginx.port, "/api/health");
    expect(health.status).toBe(200);
    expect(jsonBody(health)).toEqual({ status: "ok", app: "builtin", environment: "dev" });
    expect(health.headers["strict-transport-security"]).toBe("max-age=31536000");
    const other = await httpGet(nginx.port, "/api/orders", { method: "POST", body: Buffer.from('{"a":1}') });
    expect(other.status).toBe(404);
    expect(other.headers["content-type"]).toBe("application/json");
    expect((await httpGet(nginx.port, "/api/health")).status).toBe(200); // the POST body did not derail keep-alive
  });

  it("readiness script: exits 0 once cloud-init is done and health answers through nginx", async () => {
    stubCloudInit(0);
    const result = await runReadiness(instance);
    expect(result.output).toContain(`health: http://127.0.0.1:${nginx.port}/api/health answered 200`);
    expect(result.output).toContain("readiness: READY");
    expect(result.code).toBe(0);
  });

  it("readiness script: a cloud-init too old to read user data with metadata tokens required is named as the cause", async () => {
    stubCloudInit(0, "22.4.2-0ubuntu0~22.04.1");
    const result = await runReadiness(instance);
    expect(result.output).toContain(
      "readiness: FAILED: cloud-init 22.4.2 cannot read user data when metadata tokens are required (needs 23.2.2 or newer): use a newer image (imageId)",
    );
    expect(result.code).toBe(1);
    stubCloudInit(0, "23.2.2-0ubuntu0~22.04.1");
    expect((await runReadiness(instance)).code).toBe(0);
  });

  it("readiness script: fails with a clear message when cloud-init failed", async () => {
    stubCloudInit(1);
    const result = await runReadiness(instance);
    expect(result.output).toContain("readiness: FAILED: cloud-init reported an error (exit 1)");
    expect(result.code).toBe(1);
  });

  it("readiness script: gives up after its time bound when health never answers", async () => {
    stubCloudInit(0);
    const started = Date.now();
    const closedPort = await freeLoopbackPort();
    const nothingListens = { ...instance, readinessTimeoutSeconds: 1, nginx: { ...instance.nginx, listenPort: closedPort } };
    const result = await runReadiness(nothingListens);
    // Every attempt found nothing listening (curl's 000); on a busy machine the first attempt may
    // already end past the deadline, so the last answer is what is certain to be printed.
    expect(result.output).toMatch(/last answer: 000/);
    expect(result.output).not.toMatch(/answered [1-9]/);
    expect(result.output).toContain(`readiness: FAILED: http://127.0.0.1:${closedPort}/api/health did not answer 2xx within 1s`);
    expect(result.code).toBe(1);
    // Not a speed target: proof that the 1 s bound ends the wait (the default bound is minutes).
    expect(Date.now() - started).toBeLessThan(15000);
  });
});
