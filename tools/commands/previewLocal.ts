// `npm run preview:local -- --stack dev|prod [--config-file F]`: the real `pulumi preview` of a stack,
// by the engine engine:install built, against the Alibaba Cloud emulator started for it: a file
// backend in a temporary folder, a throw-away passphrase, the stack's committed config. Prints the
// CLI's own preview. Exit code: the CLI's; 2 for bad usage.
import { existsSync } from "node:fs";
import * as path from "node:path";
import { startCloudLab } from "../cloudlab";
import { exitWhenFlushed, parseCommand, usageError } from "../cli";
import { labCertificateSettings, stackConfigValues } from "../realEngine/labCertificateConfig";
import { LabStack } from "../realEngine/labStack";
import { projectRoot, pulumiBin } from "../realEngine/layout";

const usage = (): string =>
  "usage: npm run preview:local -- --stack <name> [--config-file <Pulumi.<stack>.yaml format>] [-- <pulumi preview flags>]";

async function main(): Promise<number> {
  const parsed = parseCommand({ stack: { type: "string" }, "config-file": { type: "string" } }, usage, { allowPositionals: true });
  if ("exitCode" in parsed) return parsed.exitCode;
  const { stack, "config-file": configFile } = parsed.values;
  if (!stack) return usageError("--stack is required", usage());
  const file = configFile ? path.resolve(configFile) : path.join(projectRoot, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) return usageError(`no config file ${file}`, usage());
  if (!existsSync(pulumiBin)) {
    process.stderr.write("error: the engine is not built: run npm run engine:install\n");
    return 1;
  }
  const lab = await startCloudLab();
  let labStack: LabStack | undefined;
  try {
    const certificate = await labCertificateSettings(stackConfigValues(file));
    if (certificate.note) process.stdout.write(`note: ${certificate.note}\n`);
    labStack = await LabStack.create({ stack, configFile: file, config: certificate.config, secrets: certificate.secrets, lab });
    const result = await labStack.pulumi(["preview", ...parsed.positionals], { echo: true });
    process.stdout.write(
      `\nthe emulator answered ${lab.store.requests.length} requests from the provider (npm run cloudlab runs it by hand)\n`,
    );
    return result.code;
  } finally {
    labStack?.dispose();
    await lab.stop();
  }
}

main().then(exitWhenFlushed, (err: Error) => {
  process.stderr.write(`error: ${err.message}\n`);
  exitWhenFlushed(1);
});
