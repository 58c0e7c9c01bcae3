// Port ranges and address ranges of Alibaba Cloud security group rules, as the policies judge them.
import { BlockList } from "node:net";
import { parseCidr } from "./shared/cidr";

export interface PortRange {
  readonly from: number;
  readonly to: number;
}

/**
 * A rule's `portRange` ("22/22", "1/65535"; "-1/-1" means every port, the only range the icmp, gre
 * and all protocols accept). Undefined when it cannot be read.
 */
export function parsePortRange(text: string): PortRange | undefined {
  const match = /^\s*(-?\d+)\s*\/\s*(-?\d+)\s*$/.exec(text);
  if (!match) return undefined;
  const from = Number(match[1]);
  const to = Number(match[2]);
  if (from === -1 && to === -1) return { from: 1, to: 65535 };
  if (from < 1 || to > 65535 || from > to) return undefined;
  return { from, to };
}

export function rangeContains(range: PortRange, port: number): boolean {
  return range.from <= port && port <= range.to;
}

/** True when every address of `inner` lies inside `outer` (both CIDR text; a bare address is one host). */
export function cidrWithin(inner: string, outer: string): boolean {
  const a = parseCidr(inner);
  const b = parseCidr(outer);
  if (typeof a === "string" || typeof b === "string" || a.version !== b.version || a.prefix < b.prefix) return false;
  const family = b.version === 4 ? "ipv4" : "ipv6";
  const block = new BlockList();
  block.addSubnet(b.address, b.prefix, family);
  return block.check(a.address, family);
}
