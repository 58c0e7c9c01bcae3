// The real engine against the emulator: how long `pulumi preview` of each committed stack takes beside
// the offline plan of it, and how long an emulated `pulumi up` from nothing takes, split into what the
// emulator spent answering, the program's own pauses (a minute for the Cloud Assistant agent to come
// online, the health checks' settle time: local commands that only wait) and the rest: the provider's
// own waiters (most poll after a 5-10 s delay, then every few seconds) and the engine. Needs the engine
// (npm run engine:install). Prod runs with verifyAfterDeploy off here (its check needs the instances'
// stand-in the engine tests start; the verifier bench measures the check itself).
import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { startCloudLab } from "../cloudlab";
import { labCertificateSettings, stackConfigValues } from "../realEngine/labCertificateConfig";
import { assertEngineInstalled, LabStack } from "../realEngine/labStack";
import { projectRoot } from "../realEngine/layout";

const NS = "wechat-https-backend";

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** Wall time of the emulator's idle gaps longer than a second: waiting done by the provider and the program. */
function idleMs(times: readonly number[]): number {
  let idle = 0;
  for (let i = 1; i < times.length; i++) {
    const gap = (times[i] as number) - (times[i - 1] as number);
    if (gap > 1000) idle += gap;
  }
  return idle;
}

async function benchStack(stack: string): Promise<string[]> {
  const committed = stackConfigValues(path.join(projectRoot, `Pulumi.${stack}.yaml`));
  const certificate = await labCertificateSettings(committed);
  const lab = await startCloudLab();
  const config = { ...certificate.config, [`${NS}:verifyAfterDeploy`]: "false" };
  const labStack = await LabStack.create({ stack, config, secrets: certificate.secrets, lab });
  try {
    const planStarted = Date.now();
    const plan = spawnSync("npm", ["run", "-s", "plan", "--", "--stack", stack], { cwd: projectRoot, encoding: "utf8" });
    const planMs = Date.now() - planStarted;
    const previewStarted = Date.now();
    const preview = await labStack.pulumi(["preview"]);
    const previewMs = Date.now() - previewStarted;
    const upStarted = Date.now();
    const up = await labStack.pulumi(["up", "--yes", "--skip-preview"]);
    const upMs = Date.now() - upStarted;
    const times = lab.store.requests.filter((r) => Date.parse(r.at) >= upStarted).map((r) => Date.parse(r.at));
    const idle = idleMs(times);
    const status = (code: number | null) => (code === 0 ? "" : ` (FAILED, exit ${code})`);
    return [
      `${stack}: offline plan ${seconds(planMs)}${status(plan.status)}, ` +
        `real preview ${seconds(previewMs)}${status(preview.code)} (${(previewMs / planMs).toFixed(1)}x)`,
      `${stack}: emulated up ${seconds(upMs)}${status(up.code)}: ${lab.store.requests.length} requests answered; ` +
        `${seconds(idle)} of the up with the emulator idle more than a second at a time (the provider's waiters and the ` +
        `program's own pauses: 60 s for the Cloud Assistant agent, the health checks' settle time), the rest ${seconds(upMs - idle)}`,
    ];
  } finally {
    await labStack.pulumi(["destroy", "--yes", "--skip-preview"]);
    labStack.dispose();
    await lab.stop();
  }
}

export async function runEngineBench(): Promise<void> {
  assertEngineInstalled();
  for (const stack of ["dev", "prod"]) {
    const lines = await benchStack(stack);
    process.stdout.write(`${lines.join("\n")}\n`);
  }
}
