// The versions the engine is built for: those package-lock.json pins for the npm packages whose
// Go counterparts the engine runs (the CLI for @pulumi/pulumi, a plugin for each provider package).
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { projectRoot } from "./layout";

export interface Pins {
  readonly pulumi: string;
  readonly alicloud: string;
  readonly tls: string;
  readonly command: string;
  readonly acme: string;
}

/** The npm package behind each pin. */
export const PINNED_PACKAGES: Readonly<Record<keyof Pins, string>> = {
  pulumi: "@pulumi/pulumi",
  alicloud: "@pulumi/alicloud",
  tls: "@pulumi/tls",
  command: "@pulumi/command",
  acme: "@pulumiverse/acme",
};

export const lockFile = path.join(projectRoot, "package-lock.json");

/** The version of a package a package-lock.json (its parsed text) pins, as npm installs it. */
export function lockedVersion(lock: unknown, name: string): string | undefined {
  return (lock as { packages?: Record<string, { version?: string }> } | undefined)?.packages?.[`node_modules/${name}`]?.version;
}

export function readPins(file = lockFile): Pins {
  const lock: unknown = JSON.parse(readFileSync(file, "utf8"));
  const pins = {} as Record<keyof Pins, string>;
  for (const [key, name] of Object.entries(PINNED_PACKAGES) as [keyof Pins, string][]) {
    const version = lockedVersion(lock, name);
    if (!version) throw new Error(`package-lock.json pins no ${name}: run npm install`);
    pins[key] = version.replace(/^v/, "");
  }
  return pins;
}
