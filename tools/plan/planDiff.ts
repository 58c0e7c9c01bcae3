// `npm run plan -- --stack <name> --diff <git-ref>`: the offline plan of the program at a git ref
// against the working tree's. Both sides run with this tree's plan harness (tools/plan) in their own
// child process, in parallel: the working tree's program, and the ref's program from a temporary
// worktree, each compiled by ts-node from its own sources with its own tsconfig. Each side reads
// its own committed stack file (or both the same --config-file).
import { fork } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import * as path from "node:path";
import { diffSnapshots, type PlanDiff } from "./diff";
import { PlanDiffError, withBaseCheckout } from "./gitBase";
import type { WorkerReply, WorkerRequest } from "./planWorker";
import type { PlanSnapshot } from "./snapshot";

export { PlanDiffError } from "./gitBase";

export interface PlanDiffRequest {
  readonly projectDir: string;
  readonly ref: string;
  readonly stack?: string;
  /** One stack file for both sides, instead of each side's Pulumi.<stack>.yaml. */
  readonly configFile?: string;
}

export interface PlanDiffResult extends PlanDiff {
  readonly base: { readonly ref: string; readonly commit: string };
}

/** The worker next to this file: planWorker.ts under jest or ts-node, planWorker.js when built. */
const WORKER = path.join(__dirname, `planWorker${path.extname(__filename)}`);
const WORKER_TIMEOUT_MS = 120_000;

function planInChild(request: WorkerRequest, label: string): Promise<PlanSnapshot> {
  const tsconfig = path.join(request.projectDir, "tsconfig.json");
  return new Promise((resolve, reject) => {
    const child = fork(WORKER, [], {
      cwd: request.projectDir,
      execArgv: ["--require", require.resolve("ts-node/register/transpile-only")],
      env: { ...process.env, TS_NODE_PROJECT: existsSync(tsconfig) ? tsconfig : "", TS_NODE_TRANSPILE_ONLY: "true" },
      stdio: ["ignore", "ignore", "pipe", "ipc"],
    });
    let stderr = "";
    let settled = false;
    const finish = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      outcome();
    };
    const timer = setTimeout(() => {
      child.kill();
      finish(() => reject(new PlanDiffError(`planning ${label} took longer than ${WORKER_TIMEOUT_MS / 1000} s`)));
    }, WORKER_TIMEOUT_MS);
    child.stderr?.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    child.on("message", (reply: WorkerReply) =>
      finish(() => (reply.ok ? resolve(reply.snapshot) : reject(new PlanDiffError(`the plan of ${label} failed: ${reply.error}`)))),
    );
    child.on("exit", (code) =>
      finish(() =>
        reject(new PlanDiffError(`planning ${label} exited with code ${code}: ${stderr.trim().split("\n").slice(-5).join("\n")}`)),
      ),
    );
    child.send(request);
  });
}

/** An empty plan: the stack does not exist at the base ref yet, so everything is new. */
function emptySnapshot(stack: string): PlanSnapshot {
  return { stack, project: "", resources: [], outputs: {}, config: {}, warnings: [] };
}

export async function planDiff(request: PlanDiffRequest): Promise<PlanDiffResult> {
  const stack = request.stack ?? "dev";
  const hmacKey = randomBytes(32).toString("hex");
  const sides = { stack: request.stack, configFile: request.configFile && path.resolve(request.configFile), hmacKey };
  return withBaseCheckout(request.projectDir, request.ref, async (base) => {
    const baseHasStack = sides.configFile !== undefined || existsSync(path.join(base.projectDir, `Pulumi.${stack}.yaml`));
    const [before, after] = await Promise.all([
      baseHasStack ? planInChild({ ...sides, projectDir: base.projectDir }, `${request.ref}`) : Promise.resolve(emptySnapshot(stack)),
      planInChild({ ...sides, projectDir: request.projectDir }, "the working tree"),
    ]);
    const diff = diffSnapshots(before, after);
    const notes = baseHasStack
      ? diff.notes
      : [`Pulumi.${stack}.yaml does not exist at ${request.ref}: the whole stack is new`, ...diff.notes];
    return { ...diff, notes, base: { ref: base.ref, commit: base.commit } };
  });
}
