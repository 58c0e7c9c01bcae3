// The Logtail install that first boot starts with monitoring on, run under dash (Ubuntu's /bin/sh)
// against a stand-in curl: it fetches from the region's internal OSS endpoint, runs the installer for
// the region, and a failed download is logged, never fatal. First boot starts it in the background
// only once the instance is ready, so a slow install never holds up the readiness gate.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parse } from "yaml";
import { renderCloudInit, renderLogtailInstall, renderSetupScript, LOGTAIL_ID_PATH } from "../../../lib/instance/cloudInit";
import { LOGTAIL_INSTALL_PATH, READY_MARKER_PATH } from "../../../lib/instance/layout";
import { cloudInitOptions } from "../../../lib/instance/files";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "logtail-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const shipping = { region: "cn-shanghai", machineGroupId: "whb-prod" };

/** A prod instance's cloud-init options with log shipping on. */
const options = {
  ...cloudInitOptions({
    environment: "prod",
    domain: "example.com",
    backendPort: 3000,
    hstsMaxAge: 31536000,
    healthPath: "/api/health",
    maxUploadSize: "20m",
  }),
  logShipping: shipping,
};

/** Runs the install script under dash with a stand-in curl (and logger): `curlScript` is the stand-in's body. */
function run(curlScript: string): { status: number | null; output: string } {
  const bin = join(dir, "bin");
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(join(bin, "curl"), `#!/bin/sh\necho "$@" > ${join(dir, "curl-args")}\n${curlScript}\n`);
  writeFileSync(join(bin, "logger"), "#!/bin/sh\nexit 0\n");
  chmodSync(join(bin, "curl"), 0o755);
  chmodSync(join(bin, "logger"), 0o755);
  const script = join(dir, "install-logtail.sh");
  writeFileSync(script, renderLogtailInstall(shipping));
  const result = spawnSync("dash", [script], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  return { status: result.status, output: result.stdout + result.stderr };
}

test("downloads the installer from the region's internal endpoint and installs for the region", () => {
  // The stand-in writes an installer that records how it was called.
  const result = run(`out=""; while [ $# -gt 0 ]; do [ "$1" = -o ] && out=$2; shift; done
printf '#!/bin/sh\\necho "$@" > ${join(dir, "installer-args")}\\n' > "$out"`);
  expect(result.status).toBe(0);
  expect(readFileSync(join(dir, "curl-args"), "utf8")).toContain(
    "http://logtail-release-cn-shanghai.oss-cn-shanghai-internal.aliyuncs.com/linux64/logtail.sh",
  );
  expect(readFileSync(join(dir, "installer-args"), "utf8").trim()).toBe("install cn-shanghai");
  expect(result.output).toMatch(/Logtail installed\n$/);
});

test("a failed download is logged, not fatal", () => {
  const result = run("exit 22");
  expect(result.status).toBe(0);
  expect(result.output).toMatch(/Logtail did not install; access logs are not shipped/);
});

test("the user data carries the machine group identifier and the whole setup script parses under dash", () => {
  const files = (parse(renderCloudInit(options)) as { write_files: { path: string; content: string; permissions: string }[] }).write_files;
  expect(files.find((f) => f.path === LOGTAIL_ID_PATH)?.content).toBe("whb-prod\n");
  expect(files.find((f) => f.path === LOGTAIL_INSTALL_PATH)).toMatchObject({
    content: renderLogtailInstall(shipping),
    permissions: "0755",
  });
  const script = join(dir, "setup.sh");
  writeFileSync(script, renderSetupScript(options));
  expect(spawnSync("dash", ["-n", script], { encoding: "utf8" }).status).toBe(0);
});

test("first boot starts the install in the background, only after the instance is ready", () => {
  // The setup script's tail, from the ready marker on, under dash with a stand-in systemd-run.
  const setup = renderSetupScript(options);
  const tail = setup.slice(setup.indexOf("mkdir -p "));
  expect(tail.indexOf(READY_MARKER_PATH)).toBeLessThan(tail.indexOf("systemd-run"));
  const bin = join(dir, "bin");
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(join(bin, "systemd-run"), `#!/bin/sh\necho "$@" > ${join(dir, "systemd-run-args")}\n`);
  writeFileSync(join(bin, "logger"), "#!/bin/sh\nexit 0\n");
  chmodSync(join(bin, "systemd-run"), 0o755);
  chmodSync(join(bin, "logger"), 0o755);
  const script = join(dir, "tail.sh");
  const root = join(dir, "root");
  // The marker's directory moved under the scratch directory: nothing is written to this machine's /var.
  const markerDir = READY_MARKER_PATH.slice(0, READY_MARKER_PATH.lastIndexOf("/"));
  writeFileSync(script, `set -eu\nlog() { echo "boot: $*"; }\n${tail.split(markerDir).join(root)}`);
  const result = spawnSync("dash", [script], { encoding: "utf8", env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  expect(result.stderr).toBe("");
  expect(result.status).toBe(0);
  expect(readFileSync(join(dir, "systemd-run-args"), "utf8").trim()).toBe(
    `--unit=wechat-https-backend-logtail-install --collect --quiet /bin/sh ${LOGTAIL_INSTALL_PATH}`,
  );
});
