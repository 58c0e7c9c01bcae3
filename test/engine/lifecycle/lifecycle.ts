// What the lifecycle tests share: the small programs under test/engine/fixtures/, the check that a
// program has no perpetual diff, and what the emulator holds of the kinds a program creates.
import * as path from "node:path";
import type { LabRecord, LabStore } from "../../../tools/cloudlab/store";
import { expectSuccess, type LabStack } from "../../support/labEngine";

export function fixture(name: string): string {
  return path.join(__dirname, "..", "fixtures", name);
}

/**
 * Right after an up, a preview and a refresh both find nothing to change: what the provider reads back
 * is what the program asked for. `what` names the run in a failure (e.g. the stack).
 */
export async function expectNoPerpetualDiff(stack: LabStack, what = "the stack"): Promise<void> {
  expectSuccess(await stack.pulumi(["preview", "--expect-no-changes", "--diff"]), `${what}: a second preview (no changes expected)`);
  expectSuccess(await stack.pulumi(["refresh", "--yes", "--expect-no-changes", "--diff"]), `${what}: refresh (no changes expected)`);
}

/** Every record of these kinds, by kind (kinds with none are left out). */
export function held(store: LabStore, kinds: readonly string[]): Record<string, LabRecord[]> {
  return Object.fromEntries(kinds.map((k): [string, LabRecord[]] => [k, store.list(k)]).filter(([, records]) => records.length > 0));
}

/** The actions the provider called, in order, of one product. */
export function actions(store: LabStore, product: string): string[] {
  return store.requests.filter((r) => r.product === product).map((r) => r.action);
}

/** The one record of a kind the emulator holds (the test fails if there are more or none). */
export function only(state: Record<string, LabRecord[]>, kind: string): LabRecord {
  expect(state[kind]).toHaveLength(1);
  return state[kind]?.[0] as LabRecord;
}
