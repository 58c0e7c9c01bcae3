// The `go` command, as the build runs it: Go's own caches in their usual places, the module proxy
// the machine is configured for, output shown as it comes.
import { spawnSync } from "node:child_process";

export class BuildError extends Error {}

/** `go version`, or undefined when there is no Go on PATH. */
export function goVersion(): string | undefined {
  const result = spawnSync("go", ["version"], { encoding: "utf8" });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

export function run(command: string, args: readonly string[], options: { cwd: string; env?: NodeJS.ProcessEnv }): void {
  const result = spawnSync(command, args, { cwd: options.cwd, env: options.env ?? process.env, stdio: "inherit" });
  if (result.error) throw new BuildError(`${command} ${args.join(" ")}: ${result.error.message}`);
  if (result.status !== 0)
    throw new BuildError(`${command} ${args[0] ?? ""} failed (exit ${result.status ?? result.signal}) in ${options.cwd}`);
}

export function goBuild(moduleDir: string, output: string, pkg: string, flags: { ldflags?: string; tags?: string } = {}): void {
  const args = ["build", "-trimpath", "-o", output];
  if (flags.tags) args.push("-tags", flags.tags);
  if (flags.ldflags) args.push("-ldflags", flags.ldflags);
  run("go", [...args, pkg], { cwd: moduleDir });
}
