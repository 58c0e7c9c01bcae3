// The app helper an instance runs (appctl.py, byte for byte as the user data carries it), started
// the way its systemd unit starts it (the unit's ExecStartPre/ExecStart lines run by dash), against
// fakes on loopback: the metadata service in hardened mode, OOS and ACR endpoints that check the
// request signature, and a `docker` and `iptables` on PATH that record what they were asked. The
// files it writes land in a temporary root.
import { spawn } from "node:child_process";
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { APPCTL_SOURCE } from "../../../lib/instance/appctl";
import { renderAppConfig, renderContainerUnit, type AppContainer, type AppctlPlacement } from "../../../lib/instance/appRuntime";
import { APP_CONFIG_PATH, APP_ENV_FILE, APPCTL_PATH } from "../../../lib/instance/layout";
import { renderRestartScript } from "../../../lib/instance/appRestart";
import type { CloudInitOptions } from "../../../lib/instance/cloudInit";
import { DEFAULT_NGINX_OPTIONS } from "../../../lib/instance/nginx";
import { expectedSignature, fakeCr, fakeMetadata, fakeOos, type FakeServer } from "../../support/fakeCloud";

const IMAGE = "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com/team/api@sha256:" + "a".repeat(64);
const PARAMETER = (name: string) => `wechat-https-backend/prod/${name}`;
// Values an env file must carry verbatim: quotes, $, spaces, "=", "#", backslashes, non-ASCII.
const SECRETS = {
  WX_APP_SECRET: "0123456789abcdef0123456789abcdef",
  DATABASE_URL: `mysql://app:p@ss'"w$rd #1\\=x@rm-abc.mysql.rds.aliyuncs.com:3306/app?ssl=true 小程序`,
};
const ACR_TOKEN = "acr-temporary-token-value";

interface Sandbox {
  root: string;
  bin: string;
  state: string;
  config: string;
  appctl: string;
}

function sandbox(): Sandbox {
  const root = mkdtempSync(join(tmpdir(), "appctl-"));
  const bin = join(root, "bin");
  const state = join(root, "docker-state");
  mkdirSync(bin);
  mkdirSync(state);
  // docker: records each call's arguments (one per line) and what came on stdin; `image inspect`
  // succeeds once something was pulled; `login` writes its config.json where --config points.
  writeFileSync(
    join(bin, "docker"),
    `#!/bin/sh
n=$(ls "${state}" | grep -c '^call-[0-9]*$' || true)
call="${state}/call-$n"
for arg in "$@"; do printf '%s\\n' "$arg"; done > "$call"
config=
if [ "$1" = "--config" ]; then config=$2; shift 2; fi
case "$1" in
  image) [ -f "${state}/pulled" ]; exit $? ;;
  login) cat > "$call.stdin"; printf '{"auths":{"x":{"auth":"recorded"}}}' > "$config/config.json"; exit 0 ;;
  pull) [ -z "$config" ] || ls "$config" > "$call.config-dir"; touch "${state}/pulled"; exit 0 ;;
  run) exit 0 ;;
esac
exit 3
`,
  );
  writeFileSync(join(bin, "iptables"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${state}/iptables"\n[ "$1" != "-C" ]\n`);
  chmodSync(join(bin, "docker"), 0o755);
  chmodSync(join(bin, "iptables"), 0o755);
  const appctl = join(root, "appctl.py");
  writeFileSync(appctl, APPCTL_SOURCE);
  chmodSync(appctl, 0o755);
  return { root, bin, state, config: join(root, "app.json"), appctl };
}

function placement(box: Sandbox, metadata: FakeServer, oos: FakeServer, cr?: FakeServer): AppctlPlacement {
  return {
    envFile: join(box.root, "run", "app.env"),
    runDir: join(box.root, "run"),
    metadataUrl: metadata.url,
    // The VPC endpoint first, as on an instance: here nothing listens there, so the next one answers.
    oosEndpoints: ["http://127.0.0.1:9", oos.url],
    crEndpoints: cr ? [cr.url] : [],
  };
}

const acrApp: AppContainer = {
  image: IMAGE,
  backendPort: 3000,
  healthPath: "/api/health",
  environment: "prod",
  runtime: {
    env: { LOG_LEVEL: "info", FEATURE_FLAGS: "a=1;b=2" },
    secretParameters: { WX_APP_SECRET: PARAMETER("WX_APP_SECRET"), DATABASE_URL: PARAMETER("DATABASE_URL") },
    registry: { kind: "acr", host: "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com", instanceId: "cri-test123" },
    region: "cn-hangzhou",
  },
};

/** The unit's ExecStartPre (appctl) or ExecStart command line, pointed at the sandbox. */
function unitStepCommand(box: Sandbox, app: AppContainer, step: "prepare" | "run"): string {
  const unit = renderContainerUnit(app);
  const line = unit.split("\n").find((l) => /^Exec(StartPre|Start)=\/usr\/bin\/python3 /.test(l) && l.endsWith(` ${step}`));
  if (!line) throw new Error(`no ${step} line in the unit:\n${unit}`);
  return line
    .replace(/^[A-Za-z]+=/, "")
    .replace(APPCTL_PATH, box.appctl)
    .replace(APP_CONFIG_PATH, box.config);
}

/**
 * The unit's ExecStartPre (appctl) or ExecStart line, pointed at the sandbox, run by dash. Async:
 * the fakes answer from this process's event loop.
 */
async function runUnitStep(box: Sandbox, app: AppContainer, step: "prepare" | "run"): Promise<{ status: number; stderr: string }> {
  const child = spawn("dash", ["-c", unitStepCommand(box, app, step)], {
    env: { PATH: `${box.bin}:/usr/bin:/bin`, HOME: box.root },
    timeout: 60_000,
  });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString("utf8")));
  const status = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
  return { status, stderr };
}

function dockerCalls(box: Sandbox): string[][] {
  return readdirSync(box.state)
    .filter((f) => /^call-\d+$/.test(f))
    .sort((a, b) => Number(a.slice(5)) - Number(b.slice(5)))
    .map((f) => readFileSync(join(box.state, f), "utf8").split("\n").slice(0, -1));
}

function expectNoSecretIn(text: string): void {
  for (const value of [...Object.values(SECRETS), ACR_TOKEN, "registry-password-value"]) expect(text).not.toContain(value);
}

const servers: FakeServer[] = [];
const boxes: Sandbox[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  for (const box of boxes.splice(0)) rmSync(box.root, { recursive: true, force: true });
});

async function start<T extends FakeServer>(server: Promise<T>): Promise<T> {
  const s = await server;
  servers.push(s);
  return s;
}

function newBox(): Sandbox {
  const box = sandbox();
  boxes.push(box);
  return box;
}

/** The fake secret store holding the stack's two secrets, WX_APP_SECRET as given. */
function secretStore(appSecret = SECRETS.WX_APP_SECRET): Promise<FakeServer> {
  return start(fakeOos({ [PARAMETER("WX_APP_SECRET")]: appSecret, [PARAMETER("DATABASE_URL")]: SECRETS.DATABASE_URL }));
}

/** A sandbox whose app config points at fresh fake metadata, secret store and registry endpoints. */
async function configuredBox(): Promise<{ box: Sandbox; metadata: FakeServer; oos: FakeServer; cr: FakeServer }> {
  const box = newBox();
  const metadata = await start(fakeMetadata());
  const oos = await secretStore();
  const cr = await start(fakeCr("cri-test123", ACR_TOKEN));
  writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, oos, cr)));
  return { box, metadata, oos, cr };
}

describe("appctl.py prepare, run by the unit under dash against fake cloud endpoints", () => {
  it("writes exactly the configured environment, 0600 in a 0700 directory, reading secrets with the role through the metadata token", async () => {
    const { box, metadata, oos } = await configuredBox();

    const result = await runUnitStep(box, acrApp, "prepare");
    expect(result.stderr).toContain("wrote");
    expect(result.status).toBe(0);

    const envFile = join(box.root, "run", "app.env");
    expect(readFileSync(envFile, "utf8")).toBe(
      [
        "PORT=3000",
        "HOST=0.0.0.0",
        "APP_ENV=prod",
        "HEALTH_PATH=/api/health",
        "LOG_LEVEL=info",
        "FEATURE_FLAGS=a=1;b=2",
        `WX_APP_SECRET=${SECRETS.WX_APP_SECRET}`,
        `DATABASE_URL=${SECRETS.DATABASE_URL}`,
        "",
      ].join("\n"),
    );
    expect(statSync(envFile).mode & 0o777).toBe(0o600);
    expect(statSync(join(box.root, "run")).mode & 0o777).toBe(0o700);

    // Hardened metadata: a session token first, every GET with it (the fake refuses GETs without).
    expect(metadata.seen[0]).toMatchObject({ method: "PUT", path: "/latest/api/token" });
    expect(metadata.seen.filter((r) => r.method === "GET").length).toBeGreaterThanOrEqual(2);
    // Each secret read by name, decrypted, in the stack's region; the fake checked every signature.
    expect(oos.seen.map((r) => r.params)).toEqual([
      { RegionId: "cn-hangzhou", Name: PARAMETER("WX_APP_SECRET"), WithDecryption: "true" },
      { RegionId: "cn-hangzhou", Name: PARAMETER("DATABASE_URL"), WithDecryption: "true" },
    ]);
    expectNoSecretIn(result.stderr);
  });

  it("pulls once with a temporary ACR token given on stdin, in a docker config directory removed after the pull", async () => {
    const { box, metadata, cr } = await configuredBox();

    expect((await runUnitStep(box, acrApp, "prepare")).status).toBe(0);
    const calls = dockerCalls(box);
    expect(calls[0]).toEqual(["image", "inspect", IMAGE]);
    const [flag, configDir, ...login] = calls[1];
    expect(flag).toBe("--config");
    expect(login).toEqual(["login", "--username", "cr_temp_user", "--password-stdin", "team-registry-vpc.cn-hangzhou.cr.aliyuncs.com"]);
    expect(readFileSync(join(box.state, "call-1.stdin"), "utf8")).toBe(ACR_TOKEN);
    expect(calls[2]).toEqual(["--config", configDir, "pull", IMAGE]);
    expect(readFileSync(join(box.state, "call-2.config-dir"), "utf8")).toContain("config.json");
    expect(configDir.startsWith(join(box.root, "run"))).toBe(true);
    expect(existsSync(configDir)).toBe(false);
    expect(cr.seen.map((r) => r.params)).toEqual([{ RegionId: "cn-hangzhou", InstanceId: "cri-test123" }]);
    for (const call of calls) expectNoSecretIn(call.join(" "));

    // A restart: fresh secrets (a rotated value reaches the app), no second pull.
    const rotated = await secretStore("rotated-app-secret");
    writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, rotated, cr)));
    expect((await runUnitStep(box, acrApp, "prepare")).status).toBe(0);
    expect(readFileSync(join(box.root, "run", "app.env"), "utf8")).toContain("WX_APP_SECRET=rotated-app-secret\n");
    expect(dockerCalls(box).slice(3)).toEqual([["image", "inspect", IMAGE]]);
    expect(cr.seen).toHaveLength(1);
  });

  it("a pull stopped by systemd (SIGTERM at its start timeout) leaves no docker login behind, nor does one killed outright", async () => {
    const { box } = await configuredBox();
    const dockerPath = join(box.bin, "docker");
    const quickDocker = readFileSync(dockerPath, "utf8");
    // A pull that never ends (a huge image, a slow registry).
    writeFileSync(dockerPath, quickDocker.replace("  pull) ", `  pull) touch "${box.state}/pulling"; exec sleep 30 ;;\n  never) `));

    const child = spawn("python3", [box.appctl, box.config, "prepare"], {
      env: { PATH: `${box.bin}:/usr/bin:/bin`, HOME: box.root },
      stdio: "ignore",
    });
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    for (let waited = 0; !existsSync(join(box.state, "pulling")); waited += 50) {
      if (waited > 20_000) throw new Error("the pull never started");
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    const configDir = dockerCalls(box)[2][1];
    expect(existsSync(join(configDir, "config.json"))).toBe(true);
    child.kill("SIGTERM");
    expect(await exited).not.toBe(0);
    expect(existsSync(configDir)).toBe(false);

    // Killed outright (SIGKILL): the next start removes the login it left before pulling again.
    const leftover = join(box.root, "run", "docker-config-leftover");
    mkdirSync(leftover);
    writeFileSync(join(leftover, "config.json"), '{"auths":{"x":{"auth":"left"}}}');
    writeFileSync(dockerPath, quickDocker);
    expect((await runUnitStep(box, acrApp, "prepare")).status).toBe(0);
    expect(readdirSync(join(box.root, "run")).filter((name) => name.startsWith("docker-config-"))).toEqual([]);
  });

  it("logs in to another registry with registryUsername and the password read from its OOS parameter", async () => {
    const box = newBox();
    const metadata = await start(fakeMetadata());
    const oos = await start(fakeOos({ [PARAMETER("registry-password")]: "registry-password-value" }));
    const app: AppContainer = {
      ...acrApp,
      image: "crpi-abc-vpc.cn-hangzhou.personal.cr.aliyuncs.com/team/api:1.4.2",
      runtime: {
        region: "cn-hangzhou",
        registry: {
          kind: "password",
          host: "crpi-abc-vpc.cn-hangzhou.personal.cr.aliyuncs.com",
          username: "team@example",
          passwordParameter: PARAMETER("registry-password"),
        },
      },
    };
    writeFileSync(box.config, renderAppConfig(app, placement(box, metadata, oos)));
    const result = await runUnitStep(box, app, "prepare");
    expect(result.status).toBe(0);
    const login = dockerCalls(box)[1];
    expect(login.slice(2)).toEqual([
      "login",
      "--username",
      "team@example",
      "--password-stdin",
      "crpi-abc-vpc.cn-hangzhou.personal.cr.aliyuncs.com",
    ]);
    expect(readFileSync(join(box.state, "call-1.stdin"), "utf8")).toBe("registry-password-value");
    expect(readFileSync(join(box.root, "run", "app.env"), "utf8")).not.toContain("registry-password-value");
    expectNoSecretIn(result.stderr);
  });

  it("fails (and systemd retries) while no role is attached, writing nothing", async () => {
    const box = newBox();
    const metadata = await start(fakeMetadata({ roleAttached: false }));
    const oos = await start(fakeOos({}));
    writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, oos)));
    const result = await runUnitStep(box, acrApp, "prepare");
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no RAM role attached/);
    expect(existsSync(join(box.root, "run", "app.env"))).toBe(false);
  });

  it("keeps this boot's last environment when OOS is unreachable, and never prints a value", async () => {
    const { box, metadata, oos, cr } = await configuredBox();
    expect((await runUnitStep(box, acrApp, "prepare")).status).toBe(0);
    const before = readFileSync(join(box.root, "run", "app.env"), "utf8");

    writeFileSync(box.config, renderAppConfig(acrApp, { ...placement(box, metadata, oos, cr), oosEndpoints: ["http://127.0.0.1:9"] }));
    const result = await runUnitStep(box, acrApp, "prepare");
    expect(result.status).toBe(0);
    expect(result.stderr).toMatch(/no endpoint reachable.*starting with the environment read at/);
    expect(readFileSync(join(box.root, "run", "app.env"), "utf8")).toBe(before);
    expectNoSecretIn(result.stderr);
  });

  it("refuses a secret an env file cannot carry, naming the variable and not the value", async () => {
    const box = newBox();
    const metadata = await start(fakeMetadata());
    const oos = await start(fakeOos({ [PARAMETER("WX_APP_SECRET")]: "line one\nline two", [PARAMETER("DATABASE_URL")]: "x" }));
    writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, oos)));
    const result = await runUnitStep(box, acrApp, "prepare");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("WX_APP_SECRET holds a line break");
    expect(result.stderr).not.toContain("line one");
  });

  it("an answer with a wrong signature or STS token is refused by the fake (the check can fail)", async () => {
    const oos = await start(fakeOos({ a: "b" }));
    const response = await fetch(`${oos.url}/?Action=GetSecretParameter&Version=2019-06-01&Format=JSON&Name=a`);
    expect(response.status).toBe(400);
  });
});

describe("the restart after a secret changed (app-restart.sh under dash), its systemctl starting the unit's prepare step", () => {
  const instance: CloudInitOptions = {
    nginx: { ...DEFAULT_NGINX_OPTIONS, domain: "api.example.com" },
    environment: "prod",
    appImage: IMAGE,
    appRuntime: acrApp.runtime,
  };

  /**
   * app-restart.sh with the env file in the sandbox and a 1 s health wait; a `systemctl` whose
   * restart runs the unit's prepare step (failing like systemd's start job when it fails) and a
   * `curl` that finds the app healthy only when that step succeeded.
   */
  async function restart(box: Sandbox): Promise<{ status: number; output: string }> {
    const started = join(box.state, "started");
    writeFileSync(
      join(box.bin, "systemctl"),
      `#!/bin/sh
case "$1" in
  is-active) exit 0 ;;
  restart) rm -f "${started}"; ${unitStepCommand(box, acrApp, "prepare")} || exit 1; touch "${started}" ;;
esac
`,
    );
    writeFileSync(
      join(box.bin, "curl"),
      `#!/bin/sh
if [ -f "${started}" ]; then printf 200; else printf 502; fi
`,
    );
    chmodSync(join(box.bin, "systemctl"), 0o755);
    chmodSync(join(box.bin, "curl"), 0o755);
    const script = renderRestartScript(instance)
      .replace(APP_ENV_FILE, join(box.root, "run", "app.env"))
      .replace(/\+ \d+ \)\)/, "+ 1 ))");
    const child = spawn("dash", ["-c", script], { env: { PATH: `${box.bin}:/usr/bin:/bin`, HOME: box.root }, timeout: 60_000 });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    child.stderr.on("data", (chunk: Buffer) => (output += chunk.toString("utf8")));
    const status = await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)));
    return { status, output };
  }

  async function bootedBox(): Promise<{ box: Sandbox; metadata: FakeServer; cr: FakeServer }> {
    const { box, metadata, cr } = await configuredBox();
    expect((await runUnitStep(box, acrApp, "prepare")).status).toBe(0);
    return { box, metadata, cr };
  }

  it("the app reads the new value and serves again", async () => {
    const { box, metadata, cr } = await bootedBox();
    const rotated = await secretStore("rotated-app-secret");
    writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, rotated, cr)));
    const result = await restart(box);
    expect(result.output).toContain("restart: the app serves again");
    expect(result.status).toBe(0);
    expect(readFileSync(join(box.root, "run", "app.env"), "utf8")).toContain("WX_APP_SECRET=rotated-app-secret\n");
  });

  it("fails when OOS cannot be reached, instead of restarting on the old values and reporting the rotation done", async () => {
    const { box, metadata, cr } = await bootedBox();
    writeFileSync(box.config, renderAppConfig(acrApp, { ...placement(box, metadata, metadata, cr), oosEndpoints: ["http://127.0.0.1:9"] }));
    const result = await restart(box);
    expect(result.output).not.toContain("serves again");
    expect(result.output).toMatch(/no endpoint reachable/);
    expect(result.status).not.toBe(0);
    expectNoSecretIn(result.output);
  });
});

describe("appctl.py run, as the unit's ExecStart", () => {
  it("blocks the metadata service for containers, then execs a hardened docker run with the env file", async () => {
    const box = newBox();
    const metadata = await start(fakeMetadata());
    const oos = await start(fakeOos({}));
    writeFileSync(box.config, renderAppConfig(acrApp, placement(box, metadata, oos)));
    const result = await runUnitStep(box, acrApp, "run");
    expect(result.status).toBe(0);
    expect(readFileSync(join(box.state, "iptables"), "utf8")).toBe(
      "-C DOCKER-USER -d 100.100.100.200/32 -j REJECT\n-I DOCKER-USER -d 100.100.100.200/32 -j REJECT\n",
    );
    const [run] = dockerCalls(box);
    const memory = run[run.indexOf("--memory") + 1];
    const totalKib = Number(/MemTotal:\s+(\d+)/.exec(readFileSync("/proc/meminfo", "utf8"))![1]);
    expect(memory).toBe(`${Math.floor((totalKib * 0.75) / 1024)}m`);
    expect(run).toEqual([
      "run",
      "--rm",
      "--name",
      "wechat-https-backend-app",
      "--user",
      "65534:65534",
      "--cap-drop",
      "ALL",
      "--security-opt",
      "no-new-privileges",
      "--memory",
      memory,
      "--memory-swap",
      memory,
      "--pids-limit",
      "4096",
      "--publish",
      "127.0.0.1:3000:3000",
      "--env-file",
      join(box.root, "run", "app.env"),
      "--log-driver",
      "journald",
      IMAGE,
    ]);
    expect(run).not.toContain("host");
  });
});

describe("request signing", () => {
  // The worked example of Alibaba Cloud's RPC signature documentation (signature v1, HMAC-SHA1).
  const example = {
    AccessKeyId: "testid",
    Action: "DescribeRegions",
    Format: "XML",
    SignatureMethod: "HMAC-SHA1",
    SignatureNonce: "3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf",
    SignatureVersion: "1.0",
    Timestamp: "2016-02-23T12:46:24Z",
    Version: "2014-05-26",
  };
  const documented = "OLeaidS1JvxuMvnyHOwuJ+uX5qY=";

  it("appctl.py's sign() gives the documented signature", async () => {
    const box = newBox();
    const program = `import importlib.util, json, sys
spec = importlib.util.spec_from_file_location("appctl", sys.argv[1])
module = importlib.util.module_from_spec(spec)
spec.loader.exec_module(module)
print(module.sign(json.loads(sys.argv[2]), "testsecret"))`;
    const child = spawn("python3", ["-c", program, box.appctl, JSON.stringify(example)]);
    let stdout = "";
    child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
    expect(await new Promise<number>((resolve) => child.on("close", (code) => resolve(code ?? -1)))).toBe(0);
    expect(stdout.trim()).toBe(documented);
  });

  it("the fakes' own check gives it too", () => {
    expect(expectedSignature(example, "testsecret")).toBe(documented);
  });
});
