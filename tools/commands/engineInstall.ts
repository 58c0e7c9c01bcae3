// `npm run engine:install`: builds the Pulumi CLI, its Node.js language host and the provider plugins
// from Go modules (tools/engine/) into .engine/, only what changed, once each Pulumi package the lock
// pins is found to be a release (tools/realEngine/releases.json). Exit 0 when the engine is ready
// (a provider that cannot be built here is reported, with why), 1 when a build or check failed.
import { exitWhenFlushed } from "../cli";
import { installEngine } from "../realEngine/install";

function main(): number {
  const started = Date.now();
  try {
    const report = installEngine((line) => process.stdout.write(`${line}\n`));
    for (const b of report.built) process.stdout.write(`built ${b.name} ${b.version} in ${b.seconds} s\n`);
    for (const c of report.current) process.stdout.write(`${c.name} ${c.version} is current\n`);
    for (const m of report.missing) process.stdout.write(`not built: ${m.name} ${m.version}: ${m.reason}\n`);
    for (const note of report.schemaNotes) process.stdout.write(`note: ${note}\n`);
    process.stdout.write(
      `engine ready in ${((Date.now() - started) / 1000).toFixed(1)} s (npm run -s engine:env prints the settings that use it)\n`,
    );
    return 0;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

exitWhenFlushed(main());
