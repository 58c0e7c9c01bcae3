// Contract of the emulated Alidns records through the official @alicloud/alidns20150109 client: the
// typed model fields the provider reads, the not-found code it checks, and the refusals.
import Alidns, * as $Alidns from "@alicloud/alidns20150109";
import { DNS_DOMAIN, DNS_RECORD } from "../../../tools/cloudlab/products/alidns";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";

const lab = useLab({ options: { dnsZones: ["example.com"] } });
let client: Alidns;
beforeAll(() => {
  client = new Alidns(sdkConfig(lab(), "alidns"));
});

const add = (rr: string, type: string, value: string, domainName = "example.com") =>
  client.addDomainRecord(new $Alidns.AddDomainRecordRequest({ domainName, RR: rr, type, value, TTL: 600 }));

test("AddDomainRecord, then DescribeDomainRecordInfo with the typed fields; SetDomainRecordStatus and the remark", async () => {
  const added = await add("www", "A", "203.0.113.10");
  const id = added.body?.recordId as string;
  expect(id).toMatch(/^\d{19}$/);
  await client.setDomainRecordStatus(new $Alidns.SetDomainRecordStatusRequest({ recordId: id, status: "ENABLE" }));
  await client.updateDomainRecordRemark(new $Alidns.UpdateDomainRecordRemarkRequest({ recordId: id, remark: "lab" }));
  const info = (await client.describeDomainRecordInfo(new $Alidns.DescribeDomainRecordInfoRequest({ recordId: id }))).body;
  expect(info).toMatchObject({
    recordId: id,
    domainName: "example.com",
    RR: "www",
    type: "A",
    value: "203.0.113.10",
    TTL: 600,
    line: "default",
    status: "ENABLE",
    locked: false,
    remark: "lab",
  });
  expect(lab().store.get(DNS_DOMAIN, "example.com")?.RecordCount).toBe(1);
});

test("UpdateDomainRecord changes it in place; an update that changes nothing is a duplicate", async () => {
  const id = (await add("api", "A", "203.0.113.11")).body?.recordId as string;
  await client.updateDomainRecord(
    new $Alidns.UpdateDomainRecordRequest({ recordId: id, RR: "api2", type: "A", value: "203.0.113.12", TTL: 900 }),
  );
  expect(lab().store.get(DNS_RECORD, id)).toMatchObject({ RR: "api2", Value: "203.0.113.12", TTL: 900 });
  const same = await sdkError(
    client.updateDomainRecord(
      new $Alidns.UpdateDomainRecordRequest({ recordId: id, RR: "api2", type: "A", value: "203.0.113.12", TTL: 900 }),
    ),
  );
  expect(same.code).toBe("DomainRecordDuplicate");
});

test("refusals: a zone the account does not host, the same record twice, a CNAME beside another record", async () => {
  expect((await sdkError(add("www", "A", "203.0.113.10", "not-hosted.com"))).code).toBe("IncorrectDomainUser");
  await add("dup", "A", "203.0.113.20");
  expect((await sdkError(add("dup", "A", "203.0.113.20"))).code).toBe("DomainRecordDuplicate");
  expect((await sdkError(add("dup", "CNAME", "elsewhere.example.net"))).code).toBe("DomainRecordConflict");
});

test("DeleteDomainRecord; the record is then DomainRecordNotBelongToUser, the code the provider reads as gone", async () => {
  const id = (await add("gone", "A", "203.0.113.30")).body?.recordId as string;
  const deleted = await client.deleteDomainRecord(new $Alidns.DeleteDomainRecordRequest({ recordId: id }));
  expect(deleted.body?.recordId).toBe(id);
  const gone = await sdkError(client.describeDomainRecordInfo(new $Alidns.DescribeDomainRecordInfoRequest({ recordId: id })));
  expect(gone.code).toBe("DomainRecordNotBelongToUser");
  expect((await sdkError(client.deleteDomainRecord(new $Alidns.DeleteDomainRecordRequest({ recordId: id })))).code).toBe(
    "DomainRecordNotBelongToUser",
  );
});
