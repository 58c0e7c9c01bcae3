import { isIP } from "node:net";

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

/** The CIDR that matches every address: 0.0.0.0/0 or ::/0. */
export function isWholeInternet(text: string): boolean {
  const parsed = parseCidr(text);
  return typeof parsed !== "string" && parsed.prefix === 0;
}
