// The Logtail install that first boot runs with monitoring on, under dash (Ubuntu's /bin/sh) with
// `set -eu` as in the setup script, against a stand-in curl: it fetches from the region's internal
// OSS endpoint, runs the installer for the region, and a failed download never stops the boot.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { renderCloudInit, renderLogtailInstall, renderSetupScript, LOGTAIL_ID_PATH } from "../../../lib/instance/cloudInit";
import { cloudInitOptions } from "../../../lib/instance/files";

let dir: string;
beforeEach(() => (dir = mkdtempSync(join(tmpdir(), "logtail-"))));
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const shipping = { region: "cn-shanghai", machineGroupId: "whb-prod" };

/** Runs the snippet under dash with a stand-in curl: `curlScript` is the stand-in's body. */
function run(curlScript: string): { status: number | null; output: string } {
  const bin = join(dir, "bin");
  spawnSync("mkdir", ["-p", bin]);
  writeFileSync(join(bin, "curl"), `#!/bin/sh\necho "$@" > ${join(dir, "curl-args")}\n${curlScript}\n`);
  chmodSync(join(bin, "curl"), 0o755);
  const script = join(dir, "snippet.sh");
  writeFileSync(script, `set -eu\nlog() { echo "boot: $*"; }\n${renderLogtailInstall(shipping)}\necho "boot: went on"\n`);
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
  expect(result.output).toMatch(/boot: Logtail installed\nboot: went on/);
});

test("a failed download is logged and the boot goes on", () => {
  const result = run("exit 22");
  expect(result.status).toBe(0);
  expect(result.output).toMatch(/Logtail did not install; access logs are not shipped.*\nboot: went on/);
});

test("the user data carries the machine group identifier and the whole setup script parses under dash", () => {
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
  expect(renderCloudInit(options)).toContain(`path: ${LOGTAIL_ID_PATH}`);
  const script = join(dir, "setup.sh");
  writeFileSync(script, renderSetupScript(options));
  expect(spawnSync("dash", ["-n", script], { encoding: "utf8" }).status).toBe(0);
});
