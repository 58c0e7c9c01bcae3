// Child process of the plan diff: plans one side (a project directory: the working tree, or the
// checkout of a git ref) with this tree's plan harness, and sends back its snapshot over IPC.
// The parent starts it with ts-node's transpile-only hook and TS_NODE_PROJECT set to that side's
// tsconfig, so `require(<projectDir>/index)` runs that side's TypeScript program as it is.
import * as path from "node:path";
import { defaultCatalog } from "./cloudCatalog";
import { planStack } from "./planStack";
import { readProjectFile } from "./stackFiles";
import { toSnapshot, type PlanSnapshot } from "./snapshot";

export interface WorkerRequest {
  readonly projectDir: string;
  readonly stack?: string;
  readonly configFile?: string;
  /** Hex key of the HMAC that stands in for secret values. */
  readonly hmacKey: string;
}

export type WorkerReply = { readonly ok: true; readonly snapshot: PlanSnapshot } | { readonly ok: false; readonly error: string };

async function plan(request: WorkerRequest): Promise<WorkerReply> {
  try {
    const result = await planStack({
      projectDir: request.projectDir,
      stack: request.stack,
      configFile: request.configFile,
      // Test mode: values only the cloud knows are fake but unique, so the snapshot can say which
      // resource each comes from (see snapshot.ts); they are never shown as values.
      mode: "test",
      // The diff compares two programs, not what the deploying user may read: prices are readable,
      // so a program from before the lookups stopped asking for them (sortedBy Price) plans too.
      catalog: (region) => ({ ...defaultCatalog(region), bssRead: true }),
      // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program of the side being planned
      loadProgram: () => require(path.join(request.projectDir, "index")) as Record<string, unknown>,
    });
    const project = readProjectFile(request.projectDir).name;
    return { ok: true, snapshot: toSnapshot(result, { project, hmacKey: Buffer.from(request.hmacKey, "hex") }) };
  } catch (err) {
    return { ok: false, error: err instanceof Error ? err.message : String(err) };
  }
}

process.once("message", (request: WorkerRequest) => {
  void plan(request).then((reply) => {
    process.send?.(reply, () => process.exit(0));
  });
});
