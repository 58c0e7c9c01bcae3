// Runs the Pulumi program (index.ts) under the project's mocks, with a given stack config, and
// collects what it declares: every resource with its inputs and resource options, and the stack
// outputs. No Pulumi CLI, no provider plugin, no credentials.
import * as pulumi from "@pulumi/pulumi";
import type { CloudCatalog } from "./cloudCatalog";
import { ProjectMocks, type MockMode, type MockOptions } from "./mocks";

export interface ResourceRef {
  readonly type: string;
  readonly name: string;
}

/** The resource options the program set, as far as they matter for review. */
export interface RecordedOptions {
  readonly protect?: boolean;
  readonly deleteBeforeReplace?: boolean;
  readonly replaceOnChanges?: string[];
  readonly ignoreChanges?: string[];
  readonly additionalSecretOutputs?: string[];
  readonly customTimeouts?: { create?: string; update?: string; delete?: string };
  readonly dependsOn?: ResourceRef[];
  readonly retainOnDelete?: boolean;
  /** The resource is replaced whenever a value the program gives changes (the value itself is not recorded: it may be a secret). */
  readonly replacementTrigger?: true;
  /** Names it had before (aliases that only rename it), or full URNs. */
  readonly aliases?: string[];
}

export interface DeclaredResource extends ResourceRef {
  readonly parent?: ResourceRef;
  readonly custom: boolean;
  /** Inputs as the provider receives them; secrets wrapped in Pulumi's secret marker, unknowns as pulumi.unknown. */
  readonly inputs: Record<string, unknown>;
  readonly options: RecordedOptions;
  /** Outputs the mock returned (test mode: fake cloud values). */
  readonly state: Record<string, unknown>;
  readonly id?: string;
  /** Explicit provider reference, when set. */
  readonly provider?: string;
  /** The replacementTrigger option's value (a secret one in the secret marker); absent without the option. */
  readonly replacementTrigger?: unknown;
  /**
   * Top-level inputs the program passed as secrets. Known from the program's own values, because
   * the SDK sends a secret that is still unknown to the mocks as a plain unknown.
   */
  readonly secretInputs: string[];
}

export interface ProgramOutput {
  readonly known: boolean;
  readonly secret: boolean;
  /** The value, with pulumi.unknown where parts are not known yet. */
  readonly value: unknown;
}

export interface ProgramRun {
  readonly resources: DeclaredResource[];
  readonly outputs: Record<string, ProgramOutput>;
  /** warning:/info:/error: lines the program logged. */
  readonly log: { readonly level: "info" | "warning" | "error"; readonly message: string }[];
  readonly mocks: ProjectMocks;
}

export interface RunOptions {
  readonly project: string;
  readonly stack: string;
  /** Config map as the runtime holds it: full keys to strings. */
  readonly config: Record<string, string>;
  /** Full keys that are secrets. */
  readonly secretKeys?: string[];
  readonly mode: MockMode;
  /** What the lookups answer from (or how to make it for the stack's region); default: the mocks' default catalog for the region. */
  readonly catalog?: CloudCatalog | ((region: string) => CloudCatalog);
  /** What the mocks know of a deployed stack (ProjectMocks); default nothing. */
  readonly deployedStack?: MockOptions;
  /**
   * Requires the program and returns its exports: a function Pulumi calls for the stack outputs
   * (this project's index.ts), or, for programs written with top-level exports, a fresh module.
   */
  readonly loadProgram: () => unknown;
}

interface Internal {
  __pulumiType?: string;
  __name?: string;
}

function refOf(resource: unknown): ResourceRef | undefined {
  const r = resource as Internal | undefined;
  return r && r.__pulumiType && r.__name ? { type: r.__pulumiType, name: r.__name } : undefined;
}

function keyOf(ref: ResourceRef): string {
  return `${ref.type}::${ref.name}`;
}

async function recordOptions(opts: pulumi.CustomResourceOptions & pulumi.ComponentResourceOptions): Promise<RecordedOptions> {
  // dependsOn is an Input; the program passes plain resources, so one await settles it.
  const dependsOnInput: unknown = opts.dependsOn === undefined ? [] : await (opts.dependsOn as unknown);
  const dependsOn = (Array.isArray(dependsOnInput) ? dependsOnInput : [dependsOnInput])
    .map(refOf)
    .filter((r): r is ResourceRef => r !== undefined);
  // An alias is a former URN or a spec; this program only ever renames (same type, same parent).
  const aliases = (opts.aliases ?? []).map((alias) => {
    const given = alias as unknown as string | pulumi.Alias;
    return typeof given === "string" ? given : typeof given.name === "string" ? given.name : undefined;
  });
  if (aliases.includes(undefined)) throw new Error("the offline plan reads aliases that are a URN or { name } only");
  const recorded: RecordedOptions = {
    protect: opts.protect,
    deleteBeforeReplace: opts.deleteBeforeReplace,
    replaceOnChanges: opts.replaceOnChanges,
    ignoreChanges: opts.ignoreChanges,
    additionalSecretOutputs: opts.additionalSecretOutputs,
    customTimeouts: opts.customTimeouts,
    retainOnDelete: opts.retainOnDelete,
    dependsOn: dependsOn.length > 0 ? dependsOn : undefined,
    replacementTrigger: opts.replacementTrigger !== undefined ? true : undefined,
    aliases: aliases.length > 0 ? (aliases as string[]) : undefined,
  };
  return Object.fromEntries(Object.entries(recorded).filter(([, v]) => v !== undefined)) as RecordedOptions;
}

/**
 * The value of the replacementTrigger option, for comparing two plans: resolved (unknown parts stay
 * unknown), and wrapped in Pulumi's secret marker when it is a secret, so it is only ever hashed.
 */
async function triggerValue(opts: pulumi.CustomResourceOptions): Promise<unknown> {
  if (opts.replacementTrigger === undefined) return undefined;
  const described = await describeOutput(pulumi.output(opts.replacementTrigger));
  return described.secret ? { [pulumi.runtime.specialSigKey]: pulumi.runtime.specialSecretSig, value: described.value } : described.value;
}

/** Output's `isSecret` promise is internal to the SDK's OutputImpl; every Output has it. */
function isSecretOutput(output: unknown): Promise<boolean> {
  return (output as { isSecret: Promise<boolean> }).isSecret;
}

/** True when an Output sits anywhere inside the value: only then can it be secret. */
function holdsOutput(value: unknown): boolean {
  if (pulumi.Output.isInstance(value)) return true;
  if (Array.isArray(value)) return value.some(holdsOutput);
  if (typeof value === "object" && value !== null) return Object.values(value).some(holdsOutput);
  return false;
}

/** The names of the props that are secrets, anywhere inside them. */
async function secretKeys(props: Record<string, unknown>): Promise<string[]> {
  const flags = await Promise.all(
    Object.entries(props).map(async ([key, value]) => [key, holdsOutput(value) && (await isSecretOutput(pulumi.output(value)))] as const),
  );
  return flags.filter(([, secret]) => secret).map(([key]) => key);
}

/** The value of an output with unknown parts kept as pulumi.unknown (the SDK's own preview view). */
async function describeOutput(value: unknown): Promise<ProgramOutput> {
  if (!pulumi.Output.isInstance(value)) return { known: true, secret: false, value };
  const output = value as pulumi.Output<unknown> & { promise(withUnknowns?: boolean): Promise<unknown>; isKnown: Promise<boolean> };
  const [inner, known, secret] = await Promise.all([output.promise(true), output.isKnown, isSecretOutput(output)]);
  // A wholly unknown value (an id during preview) comes back as undefined.
  return { known, secret, value: !known && inner === undefined ? pulumi.unknown : inner };
}

function captureLog(): { restore: () => void; log: ProgramRun["log"] } {
  const log: { level: "info" | "warning" | "error"; message: string }[] = [];
  const original = { log: console.log, warn: console.warn, error: console.error };
  // Without an engine, pulumi.log writes "<level>: [runtime] <message>" to the console.
  const intercept =
    (fallback: (...args: unknown[]) => void) =>
    (...args: unknown[]) => {
      const text = args.map(String).join(" ");
      const match = /^(info|warning|error): \[runtime\] ([\s\S]*)$/.exec(text);
      if (match) log.push({ level: match[1] as "info" | "warning" | "error", message: match[2] });
      else fallback(...args);
    };
  console.log = intercept(original.log);
  console.warn = intercept(original.warn);
  console.error = intercept(original.error);
  return { log, restore: () => Object.assign(console, original) };
}

export async function runProgram(options: RunOptions): Promise<ProgramRun> {
  const region = options.config["alicloud:region"] ?? "cn-hangzhou";
  const catalog = typeof options.catalog === "function" ? options.catalog(region) : options.catalog;
  const mocks = new ProjectMocks(options.mode, region, catalog, options.deployedStack);
  pulumi.runtime.setAllConfig(options.config, options.secretKeys ?? []);
  await pulumi.runtime.setMocks(mocks, options.project, options.stack, options.mode !== "test");

  const pendingOptions: Promise<[string, RecordedOptions, ResourceRef | undefined, string[], unknown]>[] = [];
  let exported: Record<string, unknown> = {};
  let loadError: unknown;
  const { log, restore } = captureLog();
  // A failure inside an apply (a lookup that finds nothing, a zone the account lacks) rejects the
  // registration of whatever takes that output, which nobody awaits: the CLI's language host turns
  // such a rejection into a failed program, and so does this. The SDK never hears back about that
  // registration, so waiting for it would never end: the first such failure ends the run. (Under
  // jest the test framework sees these rejections first; tests of such failures run the program in
  // a child process, test/support/planChild.ts.)
  let onRejection: (reason: unknown) => void = () => undefined;
  const failed = new Promise<never>((_, reject) => (onRejection = reject));
  failed.catch(() => undefined);
  process.on("unhandledRejection", onRejection);
  // The SDK records a stack trace for every promise it makes (for leak reports a plan never prints);
  // formatting them is most of a run's own time, more so under a test runner's source maps.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    const stack = pulumi.runtime.runInPulumiStack(async () => {
      pulumi.runtime.registerStackTransformation((args) => {
        const ref = { type: args.type, name: args.name };
        pendingOptions.push(
          Promise.all([recordOptions(args.opts), secretKeys(args.props), triggerValue(args.opts)]).then(([o, secrets, trigger]) => [
            keyOf(ref),
            o,
            refOf(args.opts.parent),
            secrets,
            trigger,
          ]),
        );
        return undefined;
      });
      try {
        const program = options.loadProgram();
        exported =
          typeof program === "function" ? ((await program()) as Record<string, unknown>) : { ...(program as Record<string, unknown>) };
      } catch (err) {
        // Thrown while the program loads (invalid config): report it as this run's failure rather
        // than letting the stack's registration reject with nobody listening.
        loadError = err;
      }
      return exported;
    });
    await Promise.race([stack, failed]);
    // Resources that no output depends on may still be registering, and so may the stack's own
    // outputs after a failed load: wait for them all, or they reach the mocks of the next run.
    await Promise.race([pulumi.runtime.disconnect(), failed]);
    if (loadError !== undefined) throw loadError;
    // Rejections are reported after the microtasks that could still handle them.
    await Promise.race([new Promise((resolve) => setImmediate(resolve)), failed]);
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
    process.off("unhandledRejection", onRejection);
    restore();
  }

  const optionsByKey = new Map<string, { options: RecordedOptions; parent?: ResourceRef; secrets: string[]; trigger: unknown }>();
  for (const [key, recorded, parent, secrets, trigger] of await Promise.all(pendingOptions))
    optionsByKey.set(key, { options: recorded, parent, secrets, trigger });

  const resources: DeclaredResource[] = mocks.resources
    .filter((r) => r.type !== "pulumi:pulumi:Stack")
    .map((r) => {
      const extra = optionsByKey.get(keyOf(r));
      return {
        type: r.type,
        name: r.name,
        custom: r.custom,
        inputs: r.inputs,
        state: r.state,
        id: r.id,
        provider: r.provider,
        parent: extra?.parent,
        options: extra?.options ?? {},
        secretInputs: extra?.secrets ?? [],
        ...(extra?.trigger === undefined ? {} : { replacementTrigger: extra.trigger }),
      };
    });
  const outputs: Record<string, ProgramOutput> = {};
  for (const [name, value] of Object.entries(exported)) outputs[name] = await describeOutput(value);
  return { resources, outputs, log, mocks };
}
