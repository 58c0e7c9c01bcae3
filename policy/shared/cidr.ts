// Copied from lib/cidr.ts by `npm run sync` (the policy pack cannot import outside policy/): edit that file, not this one.
// IP ranges in CIDR notation: parsing, what counts as the internet, and subnets of a VPC range. The
// one place the project does CIDR arithmetic.
import { BlockList, isIP } from "node:net";

export interface Cidr {
  readonly address: string;
  readonly prefix: number;
  readonly version: 4 | 6;
}

/** Parses "a.b.c.d/n" or "x::/n"; a bare address is a single host. Returns the reason when invalid. */
export function parseCidr(text: string): Cidr | string {
  const [address, prefixText, extra] = text.trim().split("/");
  const version = isIP(address ?? "");
  if (extra !== undefined || (version !== 4 && version !== 6)) return "is not an IP range in CIDR notation";
  const max = version === 4 ? 32 : 128;
  if (prefixText === undefined) return { address, prefix: max, version };
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > max) return `has a prefix length outside 0-${max}`;
  return { address, prefix: Number(prefixText), version };
}

/**
 * Source ranges with this prefix or a shorter one count as the internet: an IPv4 /8 (16 million
 * addresses; 1.0.0.0/8 is a regional registry's block, no office's) and an IPv6 /32 (what a registry
 * allocates a whole ISP). Not only /0: 0.0.0.0/1 and 128.0.0.0/1 are each half of all IPv4 addresses
 * (together, all of them), ::/1 half of IPv6. No office, bastion or partner network is that wide.
 */
export const INTERNET_WIDE_PREFIX = { 4: 8, 6: 32 } as const;

/** Ranges no internet address is in (RFC 1918, the shared space CLB connects from, IPv6 unique local): never "the internet". */
const PRIVATE_RANGES: readonly (readonly [string, number])[] = [
  ["10.0.0.0", 8],
  ["172.16.0.0", 12],
  ["192.168.0.0", 16],
  ["100.64.0.0", 10],
  ["fc00::", 7],
];

function withinPrivateRange(range: Cidr): boolean {
  return PRIVATE_RANGES.some(([address, prefix]) => {
    const family = isIP(address) === 4 ? "ipv4" : "ipv6";
    if ((family === "ipv4") !== (range.version === 4) || range.prefix < prefix) return false;
    const block = new BlockList();
    block.addSubnet(address, prefix, family);
    return block.check(range.address, family);
  });
}

/**
 * True for a range wide enough to count as the internet (an IPv4 /8, an IPv6 /32 or wider, 0.0.0.0/0
 * and ::/0 included), unless it lies inside a private range (10.0.0.0/8 is a network, not the internet).
 */
export function isInternetWide(text: string): boolean {
  const parsed = parseCidr(text);
  return typeof parsed !== "string" && parsed.prefix <= INTERNET_WIDE_PREFIX[parsed.version] && !withinPrivateRange(parsed);
}

/** The i-th subnet of `vpcCidr`, 8 bits longer: 10.0.0.0/16 gives 10.0.0.0/24, 10.0.1.0/24, ... */
export function subnetCidr(vpcCidr: string, index: number): string {
  const parsed = parseCidr(vpcCidr);
  if (typeof parsed === "string" || parsed.version !== 4 || parsed.prefix > 24) {
    throw new Error(`vpcCidr "${vpcCidr}" must be an IPv4 range of /24 or larger, e.g. 10.0.0.0/16`);
  }
  const base = parsed.address.split(".").reduce((acc, octet) => acc * 256 + Number(octet), 0);
  const size = 2 ** (32 - parsed.prefix);
  if (base % size !== 0) {
    // 10.0.0.5/16 would give 10.0.0.5/24, 10.0.1.5/24, ...: not networks a vSwitch accepts.
    const network = toIpv4(base - (base % size));
    throw new Error(`vpcCidr "${vpcCidr}" has host bits set; use the network address ${network}/${parsed.prefix}`);
  }
  const subnetPrefix = parsed.prefix + 8;
  const start = base + index * 2 ** (32 - subnetPrefix);
  if (index < 0 || index >= 2 ** 8) throw new Error(`vpcCidr "${vpcCidr}" has no subnet number ${index}`);
  return `${toIpv4(start)}/${subnetPrefix}`;
}

function toIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}
