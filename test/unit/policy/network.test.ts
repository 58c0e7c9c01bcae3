// The policy pack's reading of a security group rule's port range and its range containment, on their own.
import { cidrWithin, parsePortRange } from "../../../policy/network";

describe("parsePortRange", () => {
  test.each([
    ["22/22", { from: 22, to: 22 }],
    [" 80 / 443 ", { from: 80, to: 443 }],
    ["1/65535", { from: 1, to: 65535 }],
    ["-1/-1", { from: 1, to: 65535 }],
  ])("reads %j", (text, range) => {
    expect(parsePortRange(text)).toEqual(range);
  });

  test.each(["-1/22", "22/-1", "0/22", "1/65536", "443/80", "22x/22", "22/22x", "x22/22", "22/22/22", "22", ""])(
    "cannot read %j",
    (text) => {
      expect(parsePortRange(text)).toBeUndefined();
    },
  );
});

describe("cidrWithin", () => {
  test.each([
    ["100.64.0.1", "100.64.0.0/10", true],
    ["fd00::1", "fd00::/8", true],
    ["fd00::/9", "fd00::/8", true],
    ["fd00::/7", "fd00::/8", false],
    ["::ffff:100.64.0.1", "100.64.0.0/10", false],
    ["not a range", "100.64.0.0/10", false],
    ["100.64.0.1", "not a range", false],
  ])("%s inside %s: %s", (inner, outer, inside) => {
    expect(cidrWithin(inner, outer)).toBe(inside);
  });
});
