// The "public" addresses the lab hands out (a load balancer's, later an EIP's) are loopback ones:
// whatever dials them (the deploy check in `pulumi up`, a test) stays on this machine, where the
// data plane answers (dataPlane.ts) by binding ports 443 and 80 on each. All of 127.0.0.0/8 is
// loopback on Linux, so each lab takes a /24 of its own at random: labs running side by side (the
// engine suite runs two at a time, and more than one checkout may run it) never share an address.
import { randomInt } from "node:crypto";

/** A /24 inside 127.64.0.0/10, as its first three numbers ("127.93.17"). */
export function randomLoopbackBlock(): string {
  return `127.${64 + randomInt(64)}.${randomInt(256)}`;
}

/** The first address of the block from .10 on that is not in use, or undefined when all are. */
export function freePublicAddress(block: string, used: ReadonlySet<unknown>): string | undefined {
  for (let i = 10; i < 255; i++) if (!used.has(`${block}.${i}`)) return `${block}.${i}`;
  return undefined;
}
