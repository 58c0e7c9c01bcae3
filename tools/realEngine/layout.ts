// Where the engine this project builds lives: everything under .engine/ at the project root (ignored
// by git), so a clone's build never touches a Pulumi CLI or plugins the user installed themselves.
import { existsSync } from "node:fs";
import * as path from "node:path";

/** The project's folder, whether this runs compiled (dist/tools/...) or from source (tests). */
function findProjectRoot(from: string): string {
  for (let dir = from; dir !== path.dirname(dir); dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, "Pulumi.yaml")) && existsSync(path.join(dir, "package.json"))) return dir;
  }
  throw new Error(`no Pulumi project above ${from}`);
}

export const projectRoot = findProjectRoot(__dirname);
/** The Go modules that build the CLI and the plugins (tools/engine/<name>). */
export const goModulesDir = path.join(projectRoot, "tools", "engine");
export const engineDir = path.join(projectRoot, ".engine");
/** The `pulumi` CLI and, beside it, the Node.js language host (the CLI looks there for it). */
export const binDir = path.join(engineDir, "bin");
/** The PULUMI_HOME the built engine runs with: its plugins/ holds the installed provider plugins. */
export const pulumiHome = path.join(engineDir, "home");
/** Intermediate outputs (schema generators) and the stamps that say what is built from what. */
export const buildDir = path.join(engineDir, "build");
export const stampDir = path.join(engineDir, "stamps");

export const pulumiBin = path.join(binDir, "pulumi");

/** Where `pulumi plugin install` puts a resource plugin, and where the CLI looks for it. */
export function pluginDir(name: string, version: string): string {
  return path.join(pulumiHome, "plugins", `resource-${name}-v${version}`);
}

/** The schema a plugin was built with, kept for the checks against the npm package's typings. */
export function schemaFile(name: string, version: string): string {
  return path.join(engineDir, "schemas", `${name}-${version}.json`);
}
