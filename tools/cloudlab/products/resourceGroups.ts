// The account's default resource group, which resources created without one belong to (the
// ResourceManager "default" group, ids like rg-acfm…). One value for every product, so the lab's
// resources agree with one another.
import type { LabStore } from "../store";

export function defaultResourceGroupId(store: LabStore): string {
  return `rg-acfm${store.accountId.slice(-8)}dflt`;
}
