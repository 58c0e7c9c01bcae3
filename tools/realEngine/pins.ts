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

const PACKAGES: Record<keyof Pins, string> = {
  pulumi: "@pulumi/pulumi",
  alicloud: "@pulumi/alicloud",
  tls: "@pulumi/tls",
  command: "@pulumi/command",
  acme: "@pulumiverse/acme",
};

export function readPins(lockFile = path.join(projectRoot, "package-lock.json")): Pins {
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { packages?: Record<string, { version?: string }> };
  const pins = {} as Record<keyof Pins, string>;
  for (const [key, name] of Object.entries(PACKAGES) as [keyof Pins, string][]) {
    const version = lock.packages?.[`node_modules/${name}`]?.version;
    if (!version) throw new Error(`package-lock.json pins no ${name}: run npm install`);
    pins[key] = version.replace(/^v/, "");
  }
  return pins;
}
