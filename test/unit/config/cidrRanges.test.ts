// lib/cidr.ts on its own: what counts as the internet (a private range is a network, not the
// internet; a range wider than the private range it starts in is not private), and the subnets a VPC
// range is carved into, with errors that name the setting.
import { isInternetWide, subnetCidr } from "../../../lib/cidr";

describe("isInternetWide", () => {
  test.each(["10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "100.64.0.0/10", "fc00::/7", "fd00::/8"])(
    "%s, a private range at its own size or inside it, is a network",
    (range) => {
      expect(isInternetWide(range)).toBe(false);
    },
  );

  test.each([
    ["10.0.0.0/7", "starts in 10.0.0.0/8 but also covers 11.0.0.0/8"],
    ["fc00::/6", "starts in fc00::/7 but also covers f800::/7"],
    ["0.0.0.0/0", "every IPv4 address"],
    ["::/0", "every IPv6 address"],
    ["2001:db8::/32", "a public IPv6 /32"],
    ["11.0.0.0/8", "a public /8"],
  ])("%s (%s) is the internet", (range) => {
    expect(isInternetWide(range)).toBe(true);
  });

  test.each(["11.0.0.0/9", "2001:db8::/33", "not a range"])("%s is not", (range) => {
    expect(isInternetWide(range)).toBe(false);
  });
});

describe("subnetCidr", () => {
  test("numbers subnets up to the last one eight bits allow", () => {
    expect(subnetCidr("10.0.0.0/16", 255)).toBe("10.0.255.0/24");
    expect(subnetCidr("192.168.1.0/24", 3)).toBe("192.168.1.3/32");
  });

  test.each([-1, 256])("subnet number %s does not exist", (index) => {
    expect(() => subnetCidr("10.0.0.0/16", index)).toThrow(`vpcCidr "10.0.0.0/16" has no subnet number ${index}`);
  });

  test.each(["10.0.0.0/25", "fd00::/48", "10.0.0.0"])("%s cannot be carved", (vpcCidr) => {
    expect(() => subnetCidr(vpcCidr, 0)).toThrow(`vpcCidr "${vpcCidr}" must be an IPv4 range of /24 or larger, e.g. 10.0.0.0/16`);
  });

  test("a range with host bits set names its network address", () => {
    expect(() => subnetCidr("10.1.2.5/16", 0)).toThrow('vpcCidr "10.1.2.5/16" has host bits set; use the network address 10.1.0.0/16');
  });
});
