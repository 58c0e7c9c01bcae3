// A stack of this project run by the built engine against the emulator: a throw-away project folder
// (Pulumi.yaml copied, everything else linked to the project), a file backend and a passphrase of its
// own, and the stack's committed config with the lab's provider settings added. Secrets are set with
// the real `pulumi config set --secret`, so the engine decrypts them as it would a user's.
import { spawn } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { MISSING } from "./artifacts";
import { engineEnvironment } from "./environment";
import { pluginDir, projectRoot, pulumiBin } from "./layout";
import { readPins } from "./pins";

export interface PulumiResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

export interface LabStackOptions {
  /** The stack's name: the committed Pulumi.<stack>.yaml is its config unless `configFile` is given. */
  readonly stack: string;
  /**
   * The Pulumi project to run: default this project. Another folder (a test's small program) is
   * linked the same way, and gets this project's node_modules when it has none.
   */
  readonly projectDir?: string;
  readonly configFile?: string;
  /** Config entries set over the committed ones (full keys, e.g. "wechat-https-backend:instanceCount"). */
  readonly config?: Readonly<Record<string, unknown>>;
  /** Config keys to drop from the committed ones. */
  readonly drop?: readonly string[];
  /** Secret config entries (full keys), set with `pulumi config set --secret`. */
  readonly secrets?: Readonly<Record<string, string>>;
  /** The emulator's provider config and environment. */
  readonly lab: { readonly providerConfig: Record<string, unknown>; readonly environment: Record<string, string> };
}

const SKIPPED = new Set([".git", ".engine", "dist", "coverage"]);
/** Credentials the machine may hold: never passed to a lab run (its own fake ones are). */
const CREDENTIAL_VARIABLE = /^(ALICLOUD_|ALIBABA_CLOUD_|ALIBABACLOUD_)/;

export class LabStack {
  private constructor(
    readonly stack: string,
    readonly dir: string,
    private readonly env: NodeJS.ProcessEnv,
    private readonly project: string,
  ) {}

  static async create(options: LabStackOptions): Promise<LabStack> {
    assertEngineInstalled();
    const project = options.projectDir ?? projectRoot;
    const dir = linkedProjectDir(project, options.stack);
    const source = options.configFile ?? path.join(project, `Pulumi.${options.stack}.yaml`);
    const committed = existsSync(source)
      ? ((parse(readFileSync(source, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {})
      : {};
    const config: Record<string, unknown> = { ...committed, ...options.config, ...options.lab.providerConfig };
    for (const key of options.drop ?? []) delete config[key];
    writeFileSync(path.join(dir, `Pulumi.${options.stack}.yaml`), stringify({ config }));

    const base = Object.fromEntries(Object.entries(process.env).filter(([k]) => !CREDENTIAL_VARIABLE.test(k)));
    const env = engineEnvironment({
      ...base,
      ...options.lab.environment,
      PULUMI_BACKEND_URL: `file://${path.join(dir, ".state")}`,
      PULUMI_CONFIG_PASSPHRASE: "cloud lab passphrase",
    });
    const lab = new LabStack(options.stack, dir, env, project);
    mkdirSync(path.join(dir, ".state"));
    await lab.pulumiOk(["stack", "init", options.stack]);
    for (const [key, value] of Object.entries(options.secrets ?? {})) {
      await lab.pulumiOk(["config", "set", "--secret", key], { input: value });
    }
    return lab;
  }

  /** Runs the built `pulumi` in the stack's folder; `echo` copies its output to this process's as it comes. */
  pulumi(args: readonly string[], options: { input?: string; echo?: boolean; env?: Record<string, string> } = {}): Promise<PulumiResult> {
    return new Promise((resolve, reject) => {
      const child = spawn(pulumiBin, [...args, "--non-interactive"], {
        cwd: this.dir,
        env: { ...this.env, ...options.env },
        stdio: ["pipe", "pipe", "pipe"],
      });
      let stdout = "";
      let stderr = "";
      child.stdout.on("data", (chunk: Buffer) => {
        stdout += chunk;
        if (options.echo) process.stdout.write(chunk);
      });
      child.stderr.on("data", (chunk: Buffer) => {
        stderr += chunk;
        if (options.echo) process.stderr.write(chunk);
      });
      child.on("error", reject);
      child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
      child.stdin.end(options.input ?? "");
    });
  }

  async pulumiOk(args: readonly string[], options: { input?: string } = {}): Promise<PulumiResult> {
    const result = await this.pulumi(args, options);
    if (result.code !== 0) throw new Error(`pulumi ${args.join(" ")} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
    return result;
  }

  /**
   * What a fresh checkout of the repository on another machine sees: a folder of its own with this
   * one's Pulumi.<stack>.yaml (secrets still encrypted) and the same backend and passphrase.
   */
  async checkout(): Promise<LabStack> {
    const dir = linkedProjectDir(this.project, this.stack);
    const file = `Pulumi.${this.stack}.yaml`;
    copyFileSync(path.join(this.dir, file), path.join(dir, file));
    const other = new LabStack(this.stack, dir, this.env, this.project);
    await other.pulumiOk(["stack", "select", this.stack]);
    return other;
  }

  dispose(): void {
    rmSync(this.dir, { recursive: true, force: true });
  }
}

/** A new folder holding the project: Pulumi.yaml copied (the CLI resolves the project from it), the rest linked. */
function linkedProjectDir(project: string, stack: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `lab-${stack}-`));
  const entries = readdirSync(project);
  for (const entry of entries) {
    if (SKIPPED.has(entry) || /^Pulumi\..+\.yaml$/.test(entry)) continue;
    if (entry === "Pulumi.yaml") copyFileSync(path.join(project, entry), path.join(dir, entry));
    else symlinkSync(path.join(project, entry), path.join(dir, entry));
  }
  if (!entries.includes("node_modules")) symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  return dir;
}

/**
 * The CLI and every plugin the project's packages need, built: with plugin downloads off, the CLI
 * would otherwise stop on the first missing one with a message that does not say how to build it.
 */
export function assertEngineInstalled(
  where: { cli: string; plugin: (name: string, version: string) => string } = { cli: pulumiBin, plugin: pluginDir },
): void {
  const pins = readPins();
  const missing = [
    ...(existsSync(where.cli) ? [] : ["the pulumi CLI"]),
    ...(["alicloud", "tls", "command"] as const)
      .filter((name) => !existsSync(where.plugin(name, pins[name])))
      .map((name) => `the ${name} plugin ${pins[name]}`),
  ];
  if (missing.length > 0) {
    const notBuildable = MISSING.map((m) => m.name).join(", ");
    throw new Error(`${missing.join(", ")} not built: run npm run engine:install (${notBuildable} cannot be built here; see README)`);
  }
}
