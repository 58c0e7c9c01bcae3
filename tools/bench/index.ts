// `npm run bench`: every benchmark of the project, one after the other, each printing its figures.
// Targets come from the project's issues; a missed target is printed, not thrown, so all figures show.
import { benches } from "./registry";

const USAGE = `usage: npm run bench [-- ${benches.map((b) => b.name).join("|")} ...]   (no name: all of them)`;

async function main(): Promise<number> {
  const only = process.argv.slice(2);
  if (only.includes("--help") || only.includes("-h")) {
    process.stdout.write(`${USAGE}\n${benches.map((b) => `  ${b.name.padEnd(9)} ${b.title}`).join("\n")}\n`);
    return 0;
  }
  const unknown = only.filter((name) => !benches.some((b) => b.name === name));
  if (unknown.length > 0) {
    process.stderr.write(`no benchmark named ${unknown.join(", ")}\n${USAGE}\n`);
    return 2;
  }
  for (const bench of benches) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    process.stdout.write(`\n== ${bench.name}: ${bench.title}\n`);
    await bench.run();
  }
  return 0;
}

main()
  .then((code) => (process.exitCode = code))
  .catch((err: unknown) => {
    process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  });
