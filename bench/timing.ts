// Small helpers for timing whole commands: each run is a fresh process, as a user would start it.
import { spawnSync } from "node:child_process";

export interface Timing {
  readonly runs: number[];
  readonly median: number;
}

/** Runs a command `count` times (after one warm-up run) and returns wall times in milliseconds. */
export function timeCommand(command: string, args: string[], options: { cwd: string; count: number }): Timing {
  const runOnce = () => {
    const start = process.hrtime.bigint();
    const result = spawnSync(command, args, { cwd: options.cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${result.status}: ${result.stderr}`);
    return elapsed;
  };
  runOnce();
  const runs = Array.from({ length: options.count }, runOnce);
  const sorted = [...runs].sort((a, b) => a - b);
  return { runs, median: sorted[Math.floor(sorted.length / 2)] };
}

export function verdict(met: boolean): string {
  return met ? "target met" : "TARGET MISSED";
}
