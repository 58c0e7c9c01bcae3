import * as pulumi from "@pulumi/pulumi";
import { hostedZone, lookUpDnsZone } from "../../../lib/cloud/dnsZone";
import { defaultCatalog } from "../../../tools/plan/cloudCatalog";
import { runComponents } from "../../support/program";

describe("hostedZone", () => {
  test("finds the zone by name or by its punycode (an internationalised zone is listed in Unicode)", () => {
    expect(hostedZone([{ domainName: "example.com" }], "example.com", "api.example.com")).toBe("example.com");
    expect(
      hostedZone([{ domainName: "例子.中国", punyCode: "xn--fsqu00a.xn--fiqs8s" }], "xn--fsqu00a.xn--fiqs8s", "api.xn--fsqu00a.xn--fiqs8s"),
    ).toBe("xn--fsqu00a.xn--fiqs8s");
  });

  test("a zone the account does not host: the error says which it does, and how to add or choose one", () => {
    expect(() => hostedZone([], "example.com", "api.example.com")).toThrow(/dnsZone: example\.com is not a zone .* \(it hosts none\)/);
    const lookUp = () => hostedZone([{ domainName: "example.net" }], "example.com", "api.example.com");
    expect(lookUp).toThrow(/\(it hosts example\.net\), so neither the A record for api\.example\.com nor an ACME DNS-01 challenge /);
    expect(lookUp).toThrow(/can be written: add example\.com in the Alibaba Cloud DNS console .*pulumi config set dnsZone <zone>/);
  });

  test("in Chinese for a zh run: the same zone, domain, hosted zones and command", () => {
    const lookUp = () =>
      hostedZone([{ domainName: "example.net" }, { domainName: "example.org" }], "example.com", "api.example.com", true, "zh-CN");
    expect(lookUp).toThrow(/^dnsZone：example\.com 不是本账号云解析 DNS 中的 Zone（账号中的 Zone：example\.net，example\.org）/);
    expect(lookUp).toThrow(/api\.example\.com 的 A 记录.*pulumi config set dnsZone <zone>$/);
    expect(() => hostedZone([], "example.com", "api.example.com", true, "zh-CN")).toThrow(/（账号中没有任何 Zone）/);
  });
});

describe("lookUpDnsZone", () => {
  class Parent extends pulumi.ComponentResource {
    constructor() {
      super("test:index:Parent", "parent", {});
    }
  }

  test("searches the account's zones by the zone's name; an internationalised zone by listing them all", async () => {
    const account = { ...defaultCatalog("cn-hangzhou"), dnsZones: ["example.com", "xn--fsqu00a.xn--fiqs8s"] };
    const run = await runComponents(
      () => {
        const parent = new Parent();
        lookUpDnsZone("example.com", "api.example.com", parent);
        lookUpDnsZone("xn--fsqu00a.xn--fiqs8s", "api.xn--fsqu00a.xn--fiqs8s", parent);
      },
      {},
      "test",
      account,
    );
    const searches = run.mocks.invokes.filter((i) => i.token === "alicloud:dns/getAlidnsDomains:getAlidnsDomains").map((i) => i.inputs);
    expect(searches).toEqual([{ keyWord: "example.com" }, {}]);
  });
});
