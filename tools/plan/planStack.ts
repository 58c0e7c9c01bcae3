// One call for "the plan of this stack": read its config like the CLI, run the program under the
// mocks, and shape the result. Used by `npm run plan`, the plan diff, the policy checks and tests.
import * as path from "node:path";
import type { CloudCatalog } from "./cloudCatalog";
import type { MockMode, MockOptions } from "./mocks";
import { toPlanDocument, type PlanDocument } from "./present";
import { runProgram, type ProgramRun } from "./runProgram";
import { loadStack, plaintextSecretValues, readProjectFile, type LoadedStackConfig } from "./stackFiles";
import { plaintextSecretWarning } from "../../lib/config/credentials";
import { configMessages } from "../../lib/config/messages";
import { localeFromEnvironment } from "../../lib/i18n";

export interface PlanRequest {
  /** Directory holding Pulumi.yaml and the stack files. */
  readonly projectDir: string;
  readonly stack?: string;
  /** A file in the Pulumi.<stack>.yaml format, instead of the stack's own. */
  readonly configFile?: string;
  readonly mode?: MockMode;
  /** What the lookups answer from (tests of lookup drift), or how to make it for the region; default: the mocks' default catalog. */
  readonly catalog?: CloudCatalog | ((region: string) => CloudCatalog);
  /** What the mocks know of a deployed stack (ProjectMocks); default nothing. */
  readonly deployedStack?: MockOptions;
  /** Requires the program and returns its exports (see runProgram). */
  readonly loadProgram: () => unknown;
  /** Config over the stack file's (full keys; undefined drops a key): the plan of a variant, e.g. the other edge. */
  readonly configChanges?: Readonly<Record<string, string | undefined>>;
}

export interface StackPlan {
  readonly stack: string;
  readonly config: LoadedStackConfig;
  readonly run: ProgramRun;
  readonly document: PlanDocument;
}

export async function planStack(request: PlanRequest): Promise<StackPlan> {
  const loaded = loadStack(request.projectDir, request);
  const stack = loaded.stack;
  const config = request.configChanges ? withChanges(loaded.config, request.configChanges) : loaded.config;
  const project = readProjectFile(request.projectDir);
  const run = await runProgram({
    project: project.name,
    stack,
    config: config.values,
    secretKeys: config.secretKeys,
    mode: request.mode ?? "plan",
    catalog: request.catalog,
    deployedStack: request.deployedStack,
    loadProgram: request.loadProgram,
  });
  const document = toPlanDocument(stack, run, plaintextSecretValues(config));
  // In the program's language (the environment's, as for the program's own warnings).
  const m = configMessages(localeFromEnvironment());
  const plaintext = config.plaintextSecretKeys.map((key) => plaintextSecretWarning(key, path.basename(config.file), m));
  return { stack, config, run, document: { ...document, warnings: [...plaintext, ...document.warnings] } };
}

/** The stack's config with `changes` applied (a dropped key leaves the secret keys too). */
function withChanges(config: LoadedStackConfig, changes: Readonly<Record<string, string | undefined>>): LoadedStackConfig {
  const values = { ...config.values };
  for (const [key, value] of Object.entries(changes)) {
    if (value === undefined) delete values[key];
    else values[key] = value;
  }
  return { ...config, values, secretKeys: config.secretKeys.filter((key) => key in values) };
}
