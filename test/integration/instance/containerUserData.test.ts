// The user data of an instance whose app has variables, secrets and a private image: cloud-init's
// schema accepts it, it carries appctl.py byte for byte and the secrets' names only, systemd accepts
// the unit, it turns on unattended security upgrades, and the restart script Cloud Assistant runs
// after a secret changed works under dash.
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse } from "yaml";
import { APPCTL_SOURCE } from "../../../lib/instance/appctl";
import { renderRestartScript } from "../../../lib/instance/appRestart";
import { APP_ENV_FILE } from "../../../lib/instance/layout";
import { cloudConfig, renderCloudInit, type CloudInitOptions } from "../../../lib/instance/cloudInit";
import { DEFAULT_NGINX_OPTIONS } from "../../../lib/instance/nginx";
import { renderInstanceFiles } from "../../../lib/instance/files";
import { checkUserDataSize } from "../../../lib/instance/userDataSize";
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import { USER_DATA_MAX_BYTES } from "../../../lib/constants";
import { fullKeys, P } from "../../support/config";
import { decodedContent } from "../../support/userData";

const options: CloudInitOptions = {
  nginx: { ...DEFAULT_NGINX_OPTIONS, domain: "api.example.com" },
  environment: "prod",
  appImage: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/api:1.4.2",
  appRuntime: {
    env: { LOG_LEVEL: "info" },
    secretParameters: { WX_APP_SECRET: "wechat-https-backend/prod/WX_APP_SECRET" },
    registry: { kind: "acr", host: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com", instanceId: "cri-test123" },
    region: "cn-hangzhou",
    user: "10001:10001",
  },
};

interface WriteFile {
  path: string;
  permissions: string;
  content: string;
  encoding?: string;
  defer?: boolean;
}

const userData = parse(renderCloudInit(options)) as { package_upgrade: boolean; packages: string[]; write_files: WriteFile[] };
const file = (path: string) => userData.write_files.find((f) => f.path === path);

/** The user data as cloud-init itself loads it (cloudinit.util.load_yaml, PyYAML), with the interpreter cloud-init runs on. */
function loadedByCloudInit(text: string): { write_files: WriteFile[] } & Record<string, unknown> {
  const which = spawnSync("sh", ["-c", 'head -n 1 "$(command -v cloud-init)"'], { encoding: "utf8" });
  const python = /^#!\s*(\S+)/.exec(which.stdout)?.[1];
  if (!python) throw new Error("cloud-init is needed for this test: apt-get install -y --no-install-recommends cloud-init");
  const script = "import json, sys\nfrom cloudinit import util\nprint(json.dumps(util.load_yaml(sys.stdin.read())))";
  const result = spawnSync(python, ["-c", script], { input: text, encoding: "utf8" });
  expect(result.stderr).toBe("");
  return JSON.parse(result.stdout) as { write_files: WriteFile[] } & Record<string, unknown>;
}

let scratch: string;
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), "container-user-data-"));
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe("user data of a container app with secrets and a private image", () => {
  it("passes cloud-init's own schema validation", () => {
    const path = join(scratch, "user-data.yaml");
    writeFileSync(path, renderCloudInit(options));
    const result = spawnSync("cloud-init", ["schema", "--config-file", path], { encoding: "utf8" });
    if (result.error) throw new Error("cloud-init is needed for this test: apt-get install -y --no-install-recommends cloud-init");
    expect(`${result.stdout}${result.stderr}`).toContain("Valid cloud-config");
    expect(`${result.stdout}${result.stderr}`).not.toMatch(/deprecat/i);
    expect(result.status).toBe(0);
  });

  it("carries appctl.py byte for byte (gzip+base64, as cloud-init decodes it) and app.json root-only, with names, not values", () => {
    const appctl = file("/usr/local/lib/wechat-https-backend/appctl.py")!;
    expect(appctl.encoding).toBe("gz+b64");
    expect(appctl.permissions).toBe("0755");
    expect(gunzipSync(Buffer.from(appctl.content, "base64")).toString("utf8")).toBe(APPCTL_SOURCE);
    const config = file("/etc/wechat-https-backend/app.json")!;
    expect(config.permissions).toBe("0600");
    expect(config.encoding).toBe("gz+b64");
    const app = JSON.parse(decodedContent(config)) as Record<string, unknown>;
    expect(app).toMatchObject({
      user: "10001:10001",
      env: { PORT: "3000", HOST: "0.0.0.0", APP_ENV: "prod", HEALTH_PATH: "/api/health", LOG_LEVEL: "info" },
      secrets: { WX_APP_SECRET: "wechat-https-backend/prod/WX_APP_SECRET" },
      registry: { kind: "acr", instanceId: "cri-test123" },
      envFile: "/run/wechat-https-backend/app.env",
      metadataUrl: "http://100.100.100.200",
      oosEndpoints: ["https://oos-vpc.cn-hangzhou.aliyuncs.com", "https://oos.cn-hangzhou.aliyuncs.com"],
      crEndpoints: ["https://cr-vpc.cn-hangzhou.aliyuncs.com", "https://cr.cn-hangzhou.aliyuncs.com"],
    });
  });

  it("upgrades every package on first boot and turns on unattended security upgrades without reboots", () => {
    expect(userData.package_upgrade).toBe(true);
    expect(userData.packages).toContain("unattended-upgrades");
    const periodic = file("/etc/apt/apt.conf.d/20auto-upgrades")!;
    expect(periodic.defer).toBe(true); // after the package's postinst wrote its own
    expect(periodic.content).toContain('APT::Periodic::Unattended-Upgrade "1";');
    expect(periodic.content).toContain('APT::Periodic::Update-Package-Lists "1";');
    expect(file("/etc/apt/apt.conf.d/52wechat-https-backend-upgrades")!.content).toContain('Unattended-Upgrade::Automatic-Reboot "false";');
  });

  it("has a unit systemd-analyze verify accepts", () => {
    const dir = join(scratch, "units");
    mkdirSync(dir, { recursive: true });
    const unitPath = join(dir, "wechat-https-backend-app.service");
    writeFileSync(unitPath, file("/etc/systemd/system/wechat-https-backend-app.service")!.content);
    // docker.service is not installed here: give verify a stand-in to resolve Requires= against.
    writeFileSync(join(dir, "docker.service"), "[Service]\nExecStart=/bin/true\n");
    const result = spawnSync("systemd-analyze", ["verify", "--man=no", unitPath], {
      encoding: "utf8",
      env: { ...process.env, SYSTEMD_UNIT_PATH: `${dir}:` },
    });
    if (result.error) throw new Error("systemd-analyze is needed for this test: apt-get install -y systemd");
    // Only complaints about this unit count (the host's own units may have unrelated ones), and not
    // that /usr/bin/docker is missing here: the docker.io package installs it on the instance.
    const complaints = `${result.stderr}${result.stdout}`
      .split("\n")
      .filter((line) => line.includes("wechat-https-backend-app.service"))
      .filter((line) => !line.includes("Command /usr/bin/docker is not executable"));
    expect(complaints).toEqual([]);
  });
});

describe("a config value holding line separators, rendered with the checks bypassed", () => {
  // What a value would do if a check missed it: YAML 1.1 (PyYAML, cloud-init's parser) reads U+2028,
  // U+2029 and U+0085 as line breaks, so inside a YAML block this value would end the block and
  // add a root cron job to write_files. app.json is encoded, so it never meets the parser.
  const L = "\u2028";
  const injected = `x${L}  - path: /etc/cron.d/own${L}    content: '* * * * * root id'${L}    permissions: '0644' #`;
  const bypassed: CloudInitOptions = { ...options, appRuntime: { ...options.appRuntime, env: { FEATURE: injected } } };

  it("is refused by the checks", () => {
    expect(() => renderCloudInit(bypassed)).toThrow("app variable FEATURE holds a control or line-separator character");
  });

  it("adds no file and no key that cloud-init's own loader sees, and reaches app.json byte for byte", () => {
    const loaded = loadedByCloudInit(cloudConfig(bypassed));
    expect(Object.keys(loaded).sort()).toEqual(["package_update", "package_upgrade", "packages", "runcmd", "write_files"]);
    expect(loaded.write_files.map((f) => f.path)).toEqual(userData.write_files.map((f) => f.path));
    expect(loaded.write_files.some((f) => f.path.startsWith("/etc/cron.d"))).toBe(false);
    const app = JSON.parse(decodedContent(loaded.write_files.find((f) => f.path === "/etc/wechat-https-backend/app.json")!)) as {
      env: Record<string, string>;
    };
    expect(app.env.FEATURE).toBe(injected);
  });
});

describe("user data with every feature on", () => {
  // A realistic large stack: a private ACR image, ten plain variables, eight secrets, monitoring
  // (Logtail), both callbacks and four verification files.
  const secrets = [
    "WX_APP_SECRET",
    "WXPAY_API_V3_KEY",
    "WXPAY_PRIVATE_KEY",
    "DATABASE_URL",
    "REDIS_PASSWORD",
    "JWT_SECRET",
    "OSS_KEY",
    "SMS_KEY",
  ];
  const values = fullKeys({
    "alicloud:region": "cn-hangzhou",
    environment: "prod",
    domain: "api.shop-demo.cn",
    icpLicense: "沪ICP备12345678号-1",
    acmeEmail: "ops@shop-demo.cn",
    monitoring: "on",
    alertEmails: JSON.stringify(["ops@shop-demo.cn"]),
    appImage: `shop-registry-vpc.cn-hangzhou.cr.aliyuncs.com/shop/api@sha256:${"a".repeat(64)}`,
    acrInstanceId: "cri-abc123def456",
    appUser: "10001:10001",
    appEnv: JSON.stringify({
      LOG_LEVEL: "info",
      NODE_ENV: "production",
      WX_APP_ID: "wx0123456789abcdef",
      WXPAY_MCH_ID: "1900000109",
      WXPAY_SERIAL_NO: "5157F09EFDC096DE15EBE81A47057A7232F1B8E1",
      REDIS_HOST: "r-bp1234567890abcd.redis.rds.aliyuncs.com",
      OSS_BUCKET: "shop-demo-uploads",
      OSS_ENDPOINT: "oss-cn-hangzhou-internal.aliyuncs.com",
      FEATURE_FLAGS: "a=1;b=2;c=3",
      TZ: "Asia/Shanghai",
    }),
    appSecrets: JSON.stringify(Object.fromEntries(secrets.map((name) => [name, `value-of-${name}-that-must-stay-out`]))),
    payNotifyPath: "/api/pay/notify",
    messagePushPath: "/api/wechat/push",
    wechatVerifyFiles: JSON.stringify({
      "87PweoaRBw.txt": "7c5ffce3ba1f0e2c4b0fd684e371f25b",
      "a1b2c3d4e5.txt": "0123456789abcdef0123456789abcdef",
      "MP_verify_AbCdEfGh12345678.txt": "AbCdEfGh12345678",
      "MP_verify_ZyXwVuTs87654321.txt": "ZyXwVuTs87654321",
    }),
  });
  const { settings } = resolveStackConfig({ stack: "shop", locale: "en", values, isSecret: (key) => key === `${P}appSecrets` });
  const text = renderInstanceFiles(settings)["user-data"];

  it("carries all of it, and no secret value", () => {
    const files = (parse(text) as { write_files: WriteFile[] }).write_files;
    const app = JSON.parse(decodedContent(files.find((f) => f.path === "/etc/wechat-https-backend/app.json")!)) as { secrets: object };
    expect(Object.keys(app.secrets)).toEqual(secrets);
    expect(decodedContent(files.find((f) => f.path === "/etc/nginx/nginx.conf")!)).toContain("location = /MP_verify_ZyXwVuTs87654321.txt");
    expect(text).toContain("logtail.sh");
    expect(text).not.toMatch(/that-must-stay-out/);
  });

  it("passes cloud-init's own schema validation", () => {
    const path = join(scratch, "every-feature.yaml");
    writeFileSync(path, text);
    const result = spawnSync("cloud-init", ["schema", "--config-file", path], { encoding: "utf8" });
    if (result.error) throw new Error("cloud-init is needed for this test: apt-get install -y --no-install-recommends cloud-init");
    expect(`${result.stdout}${result.stderr}`).toContain("Valid cloud-config");
    expect(result.status).toBe(0);
  });

  it("stays well within what ECS accepts: a quarter of the 32 KB left for more variables", () => {
    const { bytes } = checkUserDataSize(text);
    expect(bytes).toBeLessThan(USER_DATA_MAX_BYTES * 0.75);
  });
});

describe("the restart script (Cloud Assistant, after a secret changed) under dash", () => {
  /** `restartExit`: what `systemctl restart` returns (1: the first start failed, e.g. OOS briefly unreachable). */
  function stubs(active: boolean, healthCode: string, restartExit = 0): { bin: string; log: string } {
    const bin = join(scratch, `bin-${active}-${healthCode}-${restartExit}`);
    mkdirSync(bin, { recursive: true });
    const log = join(bin, "calls");
    writeFileSync(
      join(bin, "systemctl"),
      `#!/bin/sh\necho "systemctl $*" >> "${log}"\n[ "$1" = is-active ] && exit ${active ? 0 : 3}\n` +
        `[ "$1" = restart ] && exit ${restartExit}\nexit 0\n`,
    );
    writeFileSync(join(bin, "curl"), `#!/bin/sh\necho "curl $*" >> "${log}"\nprintf '${healthCode}'\n`);
    chmodSync(join(bin, "systemctl"), 0o755);
    chmodSync(join(bin, "curl"), 0o755);
    return { bin, log };
  }

  async function run(
    active: boolean,
    healthCode: string,
    timeoutSeconds?: number,
    restartExit?: number,
  ): Promise<{ code: number; output: string; calls: string }> {
    const { bin, log } = stubs(active, healthCode, restartExit);
    // The env file it removes: here, a path in the scratch directory.
    let script = renderRestartScript(options).replace(APP_ENV_FILE, join(bin, "app.env"));
    if (timeoutSeconds !== undefined) script = script.replace(/\+ \d+ \)\)/, `+ ${timeoutSeconds} ))`);
    const path = join(bin, "restart.sh");
    writeFileSync(path, script);
    const child = spawn("dash", [path], { env: { PATH: `${bin}:/usr/bin:/bin` } });
    let output = "";
    child.stdout.on("data", (c: Buffer) => (output += c.toString()));
    child.stderr.on("data", (c: Buffer) => (output += c.toString()));
    const code = await new Promise<number>((resolve) => child.on("close", (c) => resolve(c ?? -1)));
    const calls = spawnSync("cat", [log], { encoding: "utf8" }).stdout;
    return { code, output, calls };
  }

  it("restarts a running app and waits until nginx serves the health path again", async () => {
    const result = await run(true, "200");
    expect(result.code).toBe(0);
    expect(result.calls).toContain("systemctl restart wechat-https-backend-app.service");
    expect(result.calls).toContain("curl --silent --output /dev/null --write-out %{http_code} --max-time 5 http://127.0.0.1:80/api/health");
    expect(result.output).toContain("restart: the app serves again");
  });

  it("does nothing on an instance whose app has not started yet", async () => {
    const result = await run(false, "200");
    expect(result.code).toBe(0);
    expect(result.calls).not.toContain("restart");
  });

  it("fails when the app does not come back (so the rollout stops at this instance)", async () => {
    const result = await run(true, "502", 1);
    expect(result.code).toBe(1);
    expect(result.output).toContain("restart: FAILED");
  });

  it("a first start that fails is not the end: systemd starts the unit again, and the restart waits for health", async () => {
    const result = await run(true, "200", undefined, 1);
    expect(result.output).toContain("restart: the first start failed");
    expect(result.output).toContain("restart: the app serves again");
    expect(result.code).toBe(0);
  });

  it("has no {{...}} that Cloud Assistant would take for a parameter", () => {
    expect(renderRestartScript(options)).not.toMatch(/\{\{/);
  });
});
