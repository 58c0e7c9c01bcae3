// A committed stack (with changes) run by the real CLI against the emulator, with the emulator's data
// plane in front of the instances' stand-in, and the same config in a file for the offline plan.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { startCloudLab, type CloudLab } from "../../tools/cloudlab";
import { LabPki, type IssuedLeaf } from "../../tools/realEngine/labCertificate";
import { labCertificateSettings, stackConfigValues } from "../../tools/realEngine/labCertificateConfig";
import { LabStack } from "../../tools/realEngine/labStack";
import { startInstancesStandIn, type InstancesStandIn } from "./instancesStandIn";
import { PROJECT_DIR } from "./paths";

export interface StackRun {
  readonly stack: LabStack;
  readonly lab: CloudLab;
  /** The run's config as a Pulumi.<stack>.yaml (secrets in plain text), for the offline plan and the stand-in. */
  readonly configFile: string;
  /** What stands in for the instances: nginx and the app (at the instance edge, its certificate reloads). */
  readonly instances: InstancesStandIn;
}

export async function withStackRun<T>(
  stackName: string,
  config: Record<string, unknown>,
  use: (run: StackRun, pki: LabPki, leaf: IssuedLeaf) => Promise<T>,
): Promise<T> {
  const committed = stackConfigValues(path.join(PROJECT_DIR, `Pulumi.${stackName}.yaml`));
  const pki = await LabPki.create();
  const certificate = await labCertificateSettings(committed, pki);
  const dir = mkdtempSync(path.join(tmpdir(), "stack-run-"));
  const configFile = path.join(dir, `Pulumi.${stackName}.yaml`);
  writeFileSync(configFile, stringify({ config: { ...committed, ...certificate.config, ...certificate.secrets, ...config } }));
  const standIn = await startInstancesStandIn(stackName, configFile);
  let lab: CloudLab | undefined;
  let stack: LabStack | undefined;
  try {
    lab = await startCloudLab({ backend: standIn.backend });
    standIn.follow(lab.store);
    stack = await LabStack.create({ stack: stackName, config: { ...certificate.config, ...config }, secrets: certificate.secrets, lab });
    return await use({ stack, lab, configFile, instances: standIn }, pki, certificate.leaf as IssuedLeaf);
  } finally {
    stack?.dispose();
    await lab?.stop();
    await standIn.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
