// IPv4 ranges as the emulator's checks need them: containment and overlap of CIDR blocks, addresses
// handed out in a block.
export interface Range {
  readonly start: number;
  readonly size: number;
}

export function range(cidr: string): Range | undefined {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(cidr);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  const prefix = Number(m[5]);
  if (octets.some((o) => o > 255) || prefix > 32) return undefined;
  const base = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - prefix);
  if (base % size !== 0) return undefined; // host bits set: not a network
  return { start: base, size };
}

export const contains = (outer: Range, inner: Range): boolean =>
  inner.start >= outer.start && inner.start + inner.size <= outer.start + outer.size;

export const overlaps = (a: Range, b: Range): boolean => a.start < b.start + b.size && b.start < a.start + a.size;

export function address(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join(".");
}
