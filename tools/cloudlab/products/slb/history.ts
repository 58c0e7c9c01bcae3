// The load balancer's past, replayed from the store's change history (GET /_lab/changes): which
// backends a VServer group held and which certificate a listener served at every moment. Each entry
// is the state right after one change, in the order the emulator made them; `seq` orders changes and
// requests on one counter, so a test can also place them against the request log.
import type { Change } from "../../store";
import { SLB_KINDS, serversOf } from "./kinds";

export interface Moment<T> {
  readonly seq: number;
  readonly value: T;
}

/** The group's backends ("<ServerId>:<Port>", sorted) after each change to it; empty once deleted. */
export function serverGroupTimeline(changes: readonly Change[], groupId: string): Moment<string[]>[] {
  return changes
    .filter((c) => c.kind === SLB_KINDS.vServerGroup && c.id === groupId)
    .map((c) => ({
      seq: c.seq,
      value:
        c.op === "delete"
          ? []
          : serversOf(c.record)
              .map((s) => `${s.ServerId}:${s.Port}`)
              .sort(),
    }));
}

/** The listener's ServerCertificateId after each change to it; undefined once deleted. */
export function listenerCertificateTimeline(changes: readonly Change[], listenerId: string): Moment<string | undefined>[] {
  return changes
    .filter((c) => c.kind === SLB_KINDS.listener && c.id === listenerId)
    .map((c) => ({ seq: c.seq, value: c.op === "delete" ? undefined : (c.record.ServerCertificateId as string | undefined) }));
}
