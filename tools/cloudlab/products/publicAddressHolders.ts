// Load balancers and EIPs take their "public" addresses from the same loopback block of the lab
// (../publicAddresses.ts): each takes one neither kind holds yet, as the data plane binds 443 and 80
// on every one of them.
import { freePublicAddress } from "../publicAddresses";
import type { LabStore } from "../store";
import { KINDS } from "./ecs/kinds";
import { SLB_KINDS } from "./slb/kinds";

/** A free address of the lab's block, or undefined when the block is used up. */
export function unheldPublicAddress(store: LabStore): string | undefined {
  const held = [...store.list(SLB_KINDS.loadBalancer).map((lb) => lb.Address), ...store.list(KINDS.eip).map((e) => e.IpAddress)];
  return freePublicAddress(store.publicBlock, new Set(held));
}
