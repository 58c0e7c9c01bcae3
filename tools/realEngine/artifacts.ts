// What `npm run engine:install` builds, from which Go module, and under which version it installs
// each: the CLI and its Node.js language host at @pulumi/pulumi's version, and a plugin per provider
// package at that package's version. Each Go module under tools/engine/ says in its go.mod (and main)
// which upstream code it builds; README's "Run the real engine here" has the table.
import { copyFileSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import * as path from "node:path";
import { binDir, buildDir, goModulesDir, pluginDir, pulumiBin, schemaFile } from "./layout";
import { BuildError, goBuild, run } from "./goTool";
import type { Pins } from "./pins";
import { engineEnvironment } from "./environment";

export interface Artifact {
  readonly name: string;
  /** Its Go module under tools/engine/. */
  readonly module: string;
  readonly version: (pins: Pins) => string;
  /** What exists once it is built and installed. */
  readonly outputs: (pins: Pins) => string[];
  readonly build: (pins: Pins) => void;
}

/** A provider package the engine cannot have a plugin for here, and why. */
export interface Missing {
  readonly name: string;
  readonly version: (pins: Pins) => string;
  readonly reason: string;
}

const CLI_VERSION_FLAG = "github.com/pulumi/pulumi/sdk/v3/go/common/version.Version";

function moduleDir(module: string): string {
  return path.join(goModulesDir, module);
}

/** The version of a module a go.mod requires, to check it against package-lock.json. */
export function requiredVersion(goMod: string, modulePath: string): string | undefined {
  const match = new RegExp(`^\\s*(?:require\\s+)?${modulePath.replace(/[.]/g, "\\.")}\\s+v(\\S+)`, "m").exec(goMod);
  return match?.[1];
}

const cli: Artifact = {
  name: "cli",
  module: "cli",
  version: (pins) => pins.pulumi,
  outputs: () => [pulumiBin, path.join(binDir, "pulumi-language-nodejs")],
  build: (pins) => {
    const dir = moduleDir("cli");
    const pinned = requiredVersion(readFileSync(path.join(dir, "go.mod"), "utf8"), "github.com/pulumi/pulumi/pkg/v3");
    if (pinned !== pins.pulumi) {
      throw new BuildError(
        `tools/engine/cli/go.mod builds pulumi ${pinned ?? "(none)"} but package-lock.json pins @pulumi/pulumi ${pins.pulumi}: ` +
          `run \`go get github.com/pulumi/pulumi/pkg/v3@v${pins.pulumi} github.com/pulumi/pulumi/sdk/v3@v${pins.pulumi} && go mod tidy\` in tools/engine/cli`,
      );
    }
    // The release's flags (.goreleaser.yml of pulumi/pulumi): without the version the CLI reports none.
    goBuild(dir, pulumiBin, "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi", {
      tags: "osusergo,grpcnotrace",
      ldflags: `-s -w -X ${CLI_VERSION_FLAG}=v${pins.pulumi}`,
    });
    goBuild(dir, path.join(binDir, "pulumi-language-nodejs"), "./langhost", { ldflags: `-s -w -X main.version=${pins.pulumi}` });
  },
};

/**
 * A bridged provider: its schema is generated first (cmd/schema), then embedded in the plugin, which
 * `pulumi plugin install --file` puts where the CLI looks for it.
 */
function bridged(name: "alicloud" | "tls"): Artifact {
  return {
    name,
    module: name,
    version: (pins) => pins[name],
    outputs: (pins) => [path.join(pluginDir(name, pins[name]), `pulumi-resource-${name}`), schemaFile(name, pins[name])],
    build: (pins) => {
      const dir = moduleDir(name);
      const version = pins[name];
      const work = path.join(buildDir, name);
      const generator = path.join(work, "schema");
      const plugin = path.join(work, `pulumi-resource-${name}`);
      goBuild(dir, generator, "./cmd/schema");
      const schema = path.join(dir, "cmd", `pulumi-resource-${name}`, "schema.json");
      run(generator, [version, schema], { cwd: dir });
      goBuild(dir, plugin, `./cmd/pulumi-resource-${name}`, { ldflags: `-s -w -X main.version=${version}` });
      installPlugin(name, version, plugin);
      mkdirSync(path.dirname(schemaFile(name, version)), { recursive: true });
      copyFileSync(schema, schemaFile(name, version));
      rmSync(work, { recursive: true, force: true }); // hundreds of MB; the plugin is installed
    },
  };
}

function installPlugin(name: string, version: string, file: string): void {
  rmSync(pluginDir(name, version), { recursive: true, force: true });
  run(pulumiBin, ["plugin", "install", "resource", name, version, "--file", file], { cwd: buildDir, env: engineEnvironment() });
}

/**
 * @pulumi/command's plugin: the project's own (tools/engine/command), serving local.Command with the
 * release's schema, since the release's provider module is not served by the Go module proxy.
 */
const command: Artifact = {
  name: "command",
  module: "command",
  version: (pins) => pins.command,
  outputs: (pins) => [path.join(pluginDir("command", pins.command), "pulumi-resource-command")],
  build: (pins) => {
    const plugin = path.join(buildDir, "command", "pulumi-resource-command");
    goBuild(moduleDir("command"), plugin, "./cmd/pulumi-resource-command", { ldflags: `-s -w -X main.version=${pins.command}` });
    installPlugin("command", pins.command, plugin);
    rmSync(path.dirname(plugin), { recursive: true, force: true });
  },
};

export const ARTIFACTS: readonly Artifact[] = [cli, bridged("alicloud"), bridged("tls"), command];

export const MISSING: readonly Missing[] = [
  {
    name: "acme",
    version: (pins) => pins.acme,
    reason:
      "its upstream, github.com/vancluever/terraform-provider-acme/v2, is not served by the Go module proxy " +
      "(every version from v2.0.0 to v2.52.0 refused, v2.48.1 that @pulumiverse/acme 0.16 wraps among them), and " +
      "neither is pulumiverse/pulumi-acme's provider module; stacks with certificateSource acme cannot run here " +
      "(pem, cas and selfSigned can)",
  },
];
