import { DnsRecords } from "../../../components/dnsRecords";
import { findResource, runComponents, T } from "../../support/program";

describe("DnsRecords", () => {
  test("an A record for a subdomain points at the address with TTL 600 and is deleted before it is replaced", async () => {
    const run = await runComponents(() => new DnsRecords("dns", { zone: "example.com", recordName: "dev", address: "203.0.113.7" }));
    const record = findResource(run, T.dnsRecord);
    expect(record.inputs).toEqual({ domainName: "example.com", rr: "dev", type: "A", value: "203.0.113.7", ttl: 600 });
    expect(record.options.deleteBeforeReplace).toBe(true);
    expect(record.options.protect).toBe(false);
  });

  test("a moved address keeps the old edge for one TTL: an update that waits, nothing on a first deploy", async () => {
    const run = await runComponents(
      () => new DnsRecords("dns", { zone: "example.com", recordName: "dev", address: "203.0.113.7", ttl: 900 }),
    );
    const moved = findResource(run, T.localCommand, "dns-moved");
    // No create command: a first deploy does not wait; a new address is an update of `environment`.
    expect(moved.inputs.create).toBeUndefined();
    expect(moved.inputs.update).toBe(`node -e "setTimeout(() => {}, 900000)"`);
    expect(moved.inputs.environment).toEqual({ ADDRESS: "203.0.113.7" });
    expect(moved.inputs.triggers).toBeUndefined();
    expect(moved.options.dependsOn?.map((d) => d.name)).toEqual(["dns-a"]);
  });

  test("the apex uses @ and protection is passed through", async () => {
    const run = await runComponents(
      () => new DnsRecords("dns", { zone: "example.com", recordName: "@", address: "203.0.113.7", protect: true }),
    );
    const record = findResource(run, T.dnsRecord);
    expect(record.inputs.rr).toBe("@");
    expect(record.options.protect).toBe(true);
  });

  test("TTL outside what Alibaba Cloud DNS accepts is refused with the range", () => {
    expect(() => new DnsRecords("dns", { zone: "example.com", recordName: "@", address: "1.2.3.4", ttl: 60 })).toThrow(
      "ttl 60 is outside 600-86400, the range Alibaba Cloud DNS accepts",
    );
    expect(() => new DnsRecords("dns", { zone: "example.com", recordName: ".dev", address: "1.2.3.4" })).toThrow(
      'recordName ".dev" must be "@" for the apex or labels like "dev"',
    );
  });
});
