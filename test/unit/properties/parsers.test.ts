// Properties of the parsers that take what users type or paste: host names (domain, dnsZone), IP
// ranges, and PEM text. Each holds for any input fast-check makes up, not only the examples in the
// parsers' own tests; node:net's BlockList and Buffer's base64 serve as independent oracles.
import fc from "fast-check";
import { BlockList, isIP } from "node:net";
import { parseDomain, recordNameFor } from "../../../lib/config/domain";
import { isInternetWide, parseCidr, subnetCidr } from "../../../lib/cidr";
import { readPem, toPem } from "../../../lib/certificates/pem";

const RUNS = { numRuns: 200 };

describe("host names", () => {
  const label = fc.stringMatching(/^[a-z0-9]([a-z0-9-]{0,20}[a-z0-9])?$/).filter((l) => !l.startsWith("xn--") && !/^[0-9]+$/.test(l));
  const suffix = fc.constantFrom("com", "cn", "com.cn", "net", "org", "io", "co.uk");
  const host = fc.tuple(fc.array(label, { minLength: 1, maxLength: 4 }), suffix).map(([labels, tld]) => `${labels.join(".")}.${tld}`);

  test("a registered host name is accepted as itself, whatever its case, with or without the trailing dot", () => {
    fc.assert(
      fc.property(host, fc.boolean(), fc.boolean(), (name, upper, dot) => {
        const parsed = parseDomain(`${upper ? name.toUpperCase() : name}${dot ? "." : ""}`, "domain");
        expect(parsed).toEqual({ host: name, registrable: expect.any(String) });
        if (typeof parsed === "string") return;
        // The registrable domain is the host itself or one of its parents, and it parses to itself.
        expect(name === parsed.registrable || name.endsWith(`.${parsed.registrable}`)).toBe(true);
        expect(parseDomain(parsed.host, "domain")).toEqual(parsed);
      }),
      RUNS,
    );
  });

  test("a URL, a port, a path, a wildcard or an IP address is refused, naming the key and the command", () => {
    const ip = fc.oneof(
      fc.ipV4(),
      fc.ipV6().map((a) => `[${a}]`),
    );
    const notAHost = fc.oneof(
      host.map((h) => `https://${h}`),
      fc.tuple(host, fc.integer({ min: 1, max: 65535 })).map(([h, p]) => `${h}:${p}`),
      fc.tuple(host, fc.webPath({ size: "small" })).map(([h, p]) => `${h}/${p.replace(/^\//, "")}`),
      host.map((h) => `*.${h}`),
      ip,
    );
    fc.assert(
      fc.property(notAHost, fc.constantFrom("domain", "dnsZone"), (value, key) => {
        const parsed = parseDomain(value, key);
        expect(typeof parsed).toBe("string");
        expect(parsed).toContain(key);
        expect(parsed).toContain(`pulumi config set ${key}`);
      }),
      RUNS,
    );
  });

  test("anything at all gives a host or a reason naming the key, never an exception", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 300 }), (value) => {
        const parsed = parseDomain(value, "domain");
        if (typeof parsed === "string") expect(parsed).toContain("domain");
        else expect(parsed.host).toMatch(/^[a-z0-9.-]+$/);
      }),
      RUNS,
    );
  });

  test("the DNS record name is what is left of the host in front of its zone", () => {
    fc.assert(
      fc.property(fc.array(label, { maxLength: 3 }), host, (prefix, zone) => {
        const name = [...prefix, zone].join(".");
        expect(recordNameFor(name, zone)).toBe(prefix.length === 0 ? "@" : prefix.join("."));
        expect(recordNameFor(`x${zone}`, zone)).toBeUndefined();
      }),
      RUNS,
    );
  });
});

describe("IP ranges", () => {
  const v4 = fc.tuple(fc.ipV4(), fc.integer({ min: 0, max: 32 }));
  const v6 = fc.tuple(fc.ipV6(), fc.integer({ min: 0, max: 128 }));

  test("an address with a prefix in range is read back as written; a bare address is one host", () => {
    fc.assert(
      fc.property(fc.oneof(v4, v6), fc.boolean(), ([address, prefix], bare) => {
        const version = isIP(address);
        const max = version === 4 ? 32 : 128;
        expect(parseCidr(bare ? address : `${address}/${prefix}`)).toEqual({ address, prefix: bare ? max : prefix, version });
        // The internet: an IPv4 /8 or wider, an IPv6 /32 or wider, but for the private ranges.
        const isPrivate = version === 4 ? prefix === 8 && address.startsWith("10.") : prefix >= 7 && /^f[cd]/i.test(address);
        expect(isInternetWide(`${address}/${prefix}`)).toBe(prefix <= (version === 4 ? 8 : 32) && !isPrivate);
      }),
      RUNS,
    );
  });

  test("a prefix past the address size is refused with the allowed range", () => {
    fc.assert(
      fc.property(fc.oneof(fc.ipV4(), fc.ipV6()), fc.integer({ min: 0, max: 999 }), (address, prefix) => {
        const max = isIP(address) === 4 ? 32 : 128;
        fc.pre(prefix > max);
        expect(parseCidr(`${address}/${prefix}`)).toBe(`has a prefix length outside 0-${max}`);
      }),
      RUNS,
    );
  });

  test("valid, nearly valid and random ranges: each is read as written or refused with its reason, never an exception", () => {
    const address = fc.oneof(fc.ipV4(), fc.ipV6());
    const maxOf = (a: string): number => (isIP(a) === 4 ? 32 : 128);
    const notCidr = "is not an IP range in CIDR notation";
    const outside = (a: string): string => `has a prefix length outside 0-${maxOf(a)}`;
    // What each input should give: the range, a reason, or (random text) either, consistently.
    type Case = { kind: string; text: string; expected?: ReturnType<typeof parseCidr> };
    const cases: fc.Arbitrary<Case> = fc.oneof(
      // As pasted: spaces and tabs around a valid range.
      fc.tuple(address, fc.nat(128), fc.constantFrom("", " ", "\t ")).map(([a, p, pad]) => {
        const prefix = p % (maxOf(a) + 1);
        return { kind: "valid", text: `${pad}${a}/${prefix}${pad}`, expected: { address: a, prefix, version: isIP(a) as 4 | 6 } };
      }),
      fc
        .tuple(address, fc.nat(900))
        .map(([a, extra]) => ({ kind: "prefix too long", text: `${a}/${maxOf(a) + 1 + extra}`, expected: outside(a) })),
      fc.tuple(address, fc.constantFrom("", "+8", "-1", "8.0", "0x10", " 8", "1e1", "0008", "eight")).map(([a, prefix]) => ({
        kind: "prefix not digits",
        text: `${a}/${prefix}`,
        expected: outside(a),
      })),
      fc.tuple(address, fc.nat(32)).map(([a, p]) => ({ kind: "two slashes", text: `${a}/${p}/${p}`, expected: notCidr })),
      fc.tuple(fc.ipV4(), fc.integer({ min: 256, max: 999 }), fc.nat(32)).map(([a, octet, p]) => ({
        kind: "octet past 255",
        text: `${a.split(".").slice(0, 3).join(".")}.${octet}/${p}`,
        expected: notCidr,
      })),
      fc.tuple(fc.ipV6(), fc.nat(128)).map(([a, p]) => ({ kind: "IPv6 with a stray letter", text: `${a}g/${p}`, expected: notCidr })),
      fc.string({ maxLength: 60 }).map((text) => ({ kind: "random", text })),
    );
    const seen = new Map<string, number>();
    fc.assert(
      fc.property(cases, ({ kind, text, expected }) => {
        const parsed = parseCidr(text);
        seen.set(kind, (seen.get(kind) ?? 0) + 1);
        if (expected !== undefined) expect(parsed).toEqual(expected);
        else if (typeof parsed === "string") expect([notCidr, outside("0.0.0.0"), outside("::")]).toContain(parsed);
        else expect([isIP(parsed.address), parsed.prefix <= maxOf(parsed.address)]).toEqual([parsed.version, true]);
      }),
      RUNS,
    );
    // Every kind of input was made, so the assertions above ran on each.
    expect([...seen.keys()].sort()).toEqual([
      "IPv6 with a stray letter",
      "octet past 255",
      "prefix not digits",
      "prefix too long",
      "random",
      "two slashes",
      "valid",
    ]);
  });

  /** An IPv4 network address: `prefix` leading bits of a random address, the rest zero. */
  const network = fc.tuple(fc.integer({ min: 0, max: 2 ** 32 - 1 }), fc.integer({ min: 8, max: 24 })).map(([n, prefix]) => {
    const base = prefix === 0 ? 0 : n - (n % 2 ** (32 - prefix));
    const address = [24, 16, 8, 0].map((shift) => Math.floor(base / 2 ** shift) % 256).join(".");
    return { address, prefix };
  });

  function lastAddress(cidr: string): string {
    const [address, prefix] = cidr.split("/");
    const start = address.split(".").reduce((acc, o) => acc * 256 + Number(o), 0);
    const end = start + 2 ** (32 - Number(prefix)) - 1;
    return [24, 16, 8, 0].map((shift) => Math.floor(end / 2 ** shift) % 256).join(".");
  }

  test("subnets are 8 bits longer, inside the VPC range, and never overlap (checked with node:net's BlockList)", () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 0, max: 255 }), fc.integer({ min: 0, max: 255 }), ({ address, prefix }, i, j) => {
        fc.pre(i !== j);
        const vpc = new BlockList();
        vpc.addSubnet(address, prefix, "ipv4");
        const [a, b] = [subnetCidr(`${address}/${prefix}`, i), subnetCidr(`${address}/${prefix}`, j)];
        for (const subnet of [a, b]) {
          expect(subnet.endsWith(`/${prefix + 8}`)).toBe(true);
          expect(vpc.check(subnet.split("/")[0], "ipv4") && vpc.check(lastAddress(subnet), "ipv4")).toBe(true);
        }
        const first = new BlockList();
        first.addSubnet(a.split("/")[0], prefix + 8, "ipv4");
        expect(first.check(b.split("/")[0], "ipv4") || first.check(lastAddress(b), "ipv4")).toBe(false);
      }),
      RUNS,
    );
  });

  test("a VPC range with host bits set is refused rather than carved into misaligned subnets", () => {
    fc.assert(
      fc.property(network, fc.integer({ min: 1, max: 255 }), ({ address, prefix }, hostBits) => {
        const octets = address.split(".");
        octets[3] = String(hostBits);
        expect(() => subnetCidr(`${octets.join(".")}/${prefix}`, 0)).toThrow(/host bits/);
      }),
      RUNS,
    );
  });
});

describe("PEM", () => {
  // "CERTIFICATE", "RSA PRIVATE KEY", ...: words of capitals and digits.
  const labelText = fc.array(fc.stringMatching(/^[A-Z0-9]{1,8}$/), { minLength: 1, maxLength: 3 }).map((words) => words.join(" "));
  const block = fc.record({ label: labelText, der: fc.uint8Array({ minLength: 1, maxLength: 300 }) });
  /** Lines that are not part of any block: comments, "Bag Attributes", subject lines. */
  const stray = fc
    .string({ minLength: 1, maxLength: 40 })
    .filter((s) => s.trim() !== "" && !/[\r\n]/.test(s) && !s.trim().startsWith("-----"));

  test("what toPem writes, readPem reads back: label and bytes", () => {
    fc.assert(
      fc.property(block, ({ label, der }) => {
        const pem = readPem(toPem(label, der));
        expect(pem.damaged).toEqual([]);
        expect(pem.strayLines).toEqual([]);
        expect(pem.blocks.map((b) => [b.label, b.der.toString("base64")])).toEqual([[label, Buffer.from(der).toString("base64")]]);
      }),
      RUNS,
    );
  });

  test("blocks among stray lines, with CRLF and indentation: every block in order, every stray line by number", () => {
    const piece = fc.oneof(
      block.map((b) => ({ kind: "block" as const, ...b })),
      stray.map((text) => ({ kind: "stray" as const, text })),
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 8 }),
        fc.constantFrom("\n", "\r\n"),
        fc.constantFrom("", "  ", "\t"),
        (pieces, eol, indent) => {
          const lines: string[] = [];
          const expectedStray: number[] = [];
          for (const p of pieces) {
            if (p.kind === "stray") {
              lines.push(p.text);
              expectedStray.push(lines.length);
            } else {
              lines.push(
                ...toPem(p.label, p.der)
                  .trimEnd()
                  .split("\n")
                  .map((line) => indent + line),
              );
            }
          }
          const pem = readPem(lines.join(eol));
          expect(pem.damaged).toEqual([]);
          expect(pem.strayLines).toEqual(expectedStray);
          const blocks = pieces.flatMap((p) => (p.kind === "block" ? [p] : []));
          expect(pem.blocks.map((b) => [b.position, b.label, b.der.toString("base64")])).toEqual(
            blocks.map((b, i) => [i + 1, b.label, Buffer.from(b.der).toString("base64")]),
          );
        },
      ),
      RUNS,
    );
  });

  test("a block cut short or with a changed body character is reported as damaged, by position, and the others still read", () => {
    fc.assert(
      fc.property(fc.array(block, { minLength: 2, maxLength: 5 }), fc.nat(), fc.boolean(), (blocks, pick, cut) => {
        const broken = pick % blocks.length;
        const texts = blocks.map((b) => toPem(b.label, b.der));
        const lines = texts[broken].trimEnd().split("\n");
        texts[broken] = cut
          ? lines.slice(0, -1).join("\n") + "\n" // no END line
          : [lines[0], `!${lines[1].slice(1)}`, ...lines.slice(2)].join("\n") + "\n"; // not base64
        const pem = readPem(texts.join(""));
        expect(pem.damaged.map((d) => d.position)).toEqual([broken + 1]);
        // A block without an END line swallows nothing after it: the next BEGIN starts a new block.
        expect(pem.blocks.map((b) => b.position)).toEqual(blocks.map((_, i) => i + 1).filter((i) => i !== broken + 1));
      }),
      RUNS,
    );
  });

  test("valid PEM with a few characters inserted, dropped or changed, or random text: read without an exception, every block accounted for", () => {
    // Characters that matter to the reader: dashes, padding, base64, spaces, line ends, header colons.
    const edit = fc.record({
      at: fc.nat(),
      op: fc.constantFrom("insert", "delete", "replace"),
      char: fc.constantFrom("-", "=", "A", "/", " ", "\n", "\r", "!", ":", "BEGIN ", "END "),
    });
    const nearlyValid = fc
      .tuple(
        fc.array(
          fc.oneof(
            block,
            stray.map((text) => ({ stray: text })),
          ),
          { minLength: 1, maxLength: 4 },
        ),
        fc.array(edit, { maxLength: 3 }),
      )
      .map(([pieces, edits]) => {
        let text = pieces.map((p) => ("stray" in p ? `${p.stray}\n` : toPem(p.label, p.der))).join("");
        for (const { at, op, char } of edits) {
          const i = at % (text.length + 1);
          text = text.slice(0, i) + (op === "delete" ? "" : char) + text.slice(op === "insert" ? i : i + 1);
        }
        return text;
      });
    const reached = { blocks: 0, damaged: 0, stray: 0 };
    fc.assert(
      fc.property(fc.oneof(nearlyValid, fc.string({ maxLength: 400 })), (text) => {
        const pem = readPem(text);
        reached.blocks += pem.blocks.length > 0 ? 1 : 0;
        reached.damaged += pem.damaged.length > 0 ? 1 : 0;
        reached.stray += pem.strayLines.length > 0 ? 1 : 0;
        for (const b of pem.blocks) {
          expect(b.der.length).toBeGreaterThan(0);
          expect(Buffer.from(b.der.toString("base64"), "base64").equals(b.der)).toBe(true);
        }
        // Every BEGIN line opened a block that was either read or reported damaged, once, in order.
        const positions = [...pem.blocks, ...pem.damaged].map((b) => b.position).sort((a, b) => a - b);
        expect(positions).toEqual(positions.map((_, i) => i + 1));
        const lineCount = text.split(/\r?\n/).length;
        expect(pem.strayLines.every((n, i) => n >= 1 && n <= lineCount && (i === 0 || n > pem.strayLines[i - 1]))).toBe(true);
      }),
      RUNS,
    );
    // The inputs reached every outcome: blocks read, blocks damaged, lines outside any block.
    expect(Object.values(reached).every((count) => count > 0)).toBe(true);
  });
});
