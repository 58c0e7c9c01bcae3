// What the lifecycle tests share: the small programs under test/engine/fixtures/, and what the
// emulator holds of the kinds a program creates.
import * as path from "node:path";
import type { LabRecord, LabStore } from "../../../tools/cloudlab/store";

export function fixture(name: string): string {
  return path.join(__dirname, "..", "fixtures", name);
}

/** Every record of these kinds, by kind (kinds with none are left out). */
export function held(store: LabStore, kinds: readonly string[]): Record<string, LabRecord[]> {
  return Object.fromEntries(kinds.map((k): [string, LabRecord[]] => [k, store.list(k)]).filter(([, records]) => records.length > 0));
}

/** The actions the provider called, in order, of one product. */
export function actions(store: LabStore, product: string): string[] {
  return store.requests.filter((r) => r.product === product).map((r) => r.action);
}
