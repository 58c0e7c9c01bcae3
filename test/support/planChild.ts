// Runs stack files through the program under the mocks (test mode), in a process of its own:
//   node -r ts-node/register/transpile-only test/support/planChild.ts <cases.json>
// where cases.json is [{ "configFile": "...", "catalog": {...} }, ...]. For tests of programs that
// fail inside an apply, a failure Node reports as an unhandled rejection (which jest would pin on
// whichever test is running). Prints one JSON result per case, in order: { ok, resources } or
// { ok: false, error }.
import { readFileSync } from "node:fs";
import type { CloudCatalog } from "../../tools/plan/cloudCatalog";
import { planOf } from "./program";

export interface ChildCase {
  readonly configFile: string;
  readonly catalog?: CloudCatalog;
}

export type ChildResult = { readonly ok: true; readonly resources: string[] } | { readonly ok: false; readonly error: string };

async function main(): Promise<void> {
  const cases = JSON.parse(readFileSync(process.argv[2], "utf8")) as ChildCase[];
  const results: ChildResult[] = [];
  for (const { configFile, catalog } of cases) {
    try {
      const plan = await planOf({ configFile }, "test", catalog);
      results.push({ ok: true, resources: plan.run.resources.map((r) => r.name) });
    } catch (err) {
      results.push({ ok: false, error: err instanceof Error ? err.message : String(err) });
    }
  }
  process.stdout.write(JSON.stringify(results) + "\n");
  process.exit(0);
}

void main();
