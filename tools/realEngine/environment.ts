// The environment the built engine runs with: its CLI first on PATH (the CLI finds the language host
// beside itself), its own PULUMI_HOME, and nothing ever downloaded: with automatic plugin acquisition
// off, a missing plugin is an error naming the plugin, not a download (pulumi/pulumi
// sdk/go/common/env/env.go: PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION, PULUMI_SKIP_UPDATE_CHECK).
import * as path from "node:path";
import { binDir, pulumiHome } from "./layout";

export const ENGINE_SETTINGS: Readonly<Record<string, string>> = {
  PULUMI_HOME: pulumiHome,
  PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  PULUMI_SKIP_UPDATE_CHECK: "true",
};

export function engineEnvironment(base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return { ...base, ...ENGINE_SETTINGS, PATH: [binDir, base.PATH ?? ""].filter(Boolean).join(path.delimiter) };
}

/** `export` lines that put the built engine in use in a POSIX shell. */
export function exportLines(): string[] {
  const quote = (v: string): string => `'${v.replace(/'/g, `'\\''`)}'`;
  return [`export PATH=${quote(binDir)}:"$PATH"`, ...Object.entries(ENGINE_SETTINGS).map(([k, v]) => `export ${k}=${quote(v)}`)];
}
