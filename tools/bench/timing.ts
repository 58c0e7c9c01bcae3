// Small helpers for timing whole commands: each run is a fresh process, as a user would start it.
import { spawnSync } from "node:child_process";

export interface Timing {
  readonly runs: number[];
  readonly median: number;
}

export interface TimedCommand {
  readonly command: string;
  readonly args: string[];
}

function runOnce(cmd: TimedCommand, cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(cmd.command, cmd.args, { cwd, stdio: ["ignore", "ignore", "pipe"], encoding: "utf8" });
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`${cmd.command} ${cmd.args.join(" ")} exited ${result.status}: ${result.stderr}`);
  return elapsed;
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

/**
 * Times several commands `count` times each, alternating between them (after one warm-up run of
 * each), so a change in machine load affects them alike. Wall times in milliseconds.
 */
export function timeInterleaved(commands: TimedCommand[], options: { cwd: string; count: number }): Timing[] {
  for (const cmd of commands) runOnce(cmd, options.cwd);
  const runs: number[][] = commands.map(() => []);
  for (let i = 0; i < options.count; i++) commands.forEach((cmd, j) => runs[j].push(runOnce(cmd, options.cwd)));
  return runs.map((r) => ({ runs: r, median: median(r) }));
}

export function verdict(met: boolean): string {
  return met ? "target met" : "TARGET MISSED";
}
