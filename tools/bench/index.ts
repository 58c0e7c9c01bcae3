// `npm run bench`: every benchmark of the project, one after the other, each printing its figures.
// Targets come from the project's issues; a missed target is printed, not thrown, so all figures show.
import { benches } from "./registry";

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  for (const bench of benches) {
    if (only.length > 0 && !only.includes(bench.name)) continue;
    process.stdout.write(`\n== ${bench.name}: ${bench.title}\n`);
    await bench.run();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`bench failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
