// DNS records of the account's zones (alicloud_alidns_record). Read in terraform-provider-alicloud
// v1.285.0 alicloud/resource_alicloud_alidns_record.go and service_alicloud_alidns.go (typed SDK,
// alibaba-cloud-sdk-go services/alidns):
// - Create: AddDomainRecord (DomainName, RR, Type, Value, TTL, Line, Priority for MX), the id from
//   RecordId; then, as the record is new, SetDomainRecordStatus with Status "ENABLE" (status changes
//   from unset), and UpdateDomainRecordRemark only when a remark is set.
// - Read: DescribeDomainRecordInfo (DomainName, Line, Priority, RR, Status, TTL, Type, Value);
//   DomainRecordNotBelongToUser and InvalidRR.NoExist mean the record is gone.
// - Update: SetDomainRecordStatus, UpdateDomainRecordRemark, UpdateDomainRecord (RR, Type, Value,
//   Line, TTL; Priority for MX).
// - Delete: DeleteDomainRecord; DomainRecordNotBelongToUser counts as done.
// Field names and types: @alicloud/alidns20150109 models (RecordId a string, TTL and Priority numbers,
// Locked a boolean). Errors: the API reference of AddDomainRecord (IncorrectDomainUser,
// DomainRecordDuplicate, DomainRecordConflict, all 400: help.aliyun.com document 29772, as mirrored);
// the not-found code is the one the provider checks, its message and status are not documented.
import { randomInt } from "node:crypto";
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { DNS_DOMAIN } from "./domains";

export const DNS_RECORD = "alidns.record";

const recordNotFound = (): ApiError =>
  new ApiError("DomainRecordNotBelongToUser", "The DNS record does not belong to the current user.", 400);
const duplicate = (): ApiError => new ApiError("DomainRecordDuplicate", "The domain record is duplicated.", 400);
const conflict = (): ApiError => new ApiError("DomainRecordConflict", "The domain record is conflict with other records.", 400);

/** Record ids are decimal strings; recent ones have 19 digits. */
function newRecordId(store: LabStore): string {
  let id: string;
  do id = `18${String(randomInt(0, 2 ** 47)).padStart(17, "0")}`;
  while (store.get(DNS_RECORD, id));
  return id;
}

interface RecordValues {
  readonly RR: string;
  readonly Type: string;
  readonly Value: string;
  readonly TTL: number;
  readonly Line: string;
  readonly Priority?: number;
}

function valuesOf(params: Params, current?: LabRecord): RecordValues {
  const type = params.get("Type") ?? (current?.Type as string | undefined) ?? params.required("Type");
  const priority = params.int("Priority") ?? (current?.Priority as number | undefined);
  if (type === "MX" && priority === undefined)
    throw new ApiError(
      "MissingPriority",
      'The input parameter "Priority" that is mandatory for processing this request is not supplied.',
      400,
    );
  return {
    RR: params.required("RR"),
    Type: type,
    Value: params.required("Value"),
    TTL: params.int("TTL") ?? (current?.TTL as number | undefined) ?? 600,
    Line: params.get("Line") ?? (current?.Line as string | undefined) ?? "default",
    ...(type === "MX" ? { Priority: priority } : {}),
  };
}

/**
 * The same RR, type, value and line twice is a duplicate; a CNAME shares its RR and line with no
 * other record (the reference's record conflict rules).
 */
function checkAgainstOthers(store: LabStore, domain: string, values: RecordValues, self?: string): void {
  const others = store
    .list(DNS_RECORD)
    .filter((r) => r.DomainName === domain && r.RecordId !== self && r.RR === values.RR && r.Line === values.Line);
  if (others.some((r) => r.Type === values.Type && r.Value === values.Value)) throw duplicate();
  if (values.Type === "CNAME" ? others.length > 0 : others.some((r) => r.Type === "CNAME")) throw conflict();
}

function mustRecord(store: LabStore, params: Params): LabRecord {
  return store.must(DNS_RECORD, params.required("RecordId"), recordNotFound);
}

function countRecords(store: LabStore, domain: string): void {
  store.update(DNS_DOMAIN, domain, { RecordCount: store.list(DNS_RECORD).filter((r) => r.DomainName === domain).length });
}

const addDomainRecord: RpcHandler = ({ params, store }) => {
  const domainName = params.required("DomainName");
  const domain = store.get(DNS_DOMAIN, domainName);
  if (!domain) throw new ApiError("IncorrectDomainUser", "The domain name does not belong to this user.", 400);
  const values = valuesOf(params);
  checkAgainstOthers(store, domainName, values);
  const id = newRecordId(store);
  store.create(DNS_RECORD, id, {
    RecordId: id,
    DomainId: domain.DomainId,
    DomainName: domainName,
    PunyCode: domain.PunyCode,
    GroupId: domain.GroupId,
    GroupName: domain.GroupName,
    ...values,
    Status: "ENABLE",
    Locked: false,
    Remark: "",
  });
  countRecords(store, domainName);
  return { RecordId: id };
};

const describeDomainRecordInfo: RpcHandler = ({ params, store }) => {
  const { RecordId, DomainId, DomainName, PunyCode, GroupId, GroupName, RR, Type, Value, TTL, Priority, Line, Status, Locked, Remark } =
    mustRecord(store, params);
  return { RecordId, DomainId, DomainName, PunyCode, GroupId, GroupName, RR, Type, Value, TTL, Priority, Line, Status, Locked, Remark };
};

const updateDomainRecord: RpcHandler = ({ params, store }) => {
  const record = mustRecord(store, params);
  const values = valuesOf(params, record);
  // An update that changes nothing is refused as a duplicate, as DDNS clients report when the address
  // did not change (seen in their issue trackers; not confirmed in the API reference read).
  const same = (Object.keys(values) as (keyof RecordValues)[]).every((k) => record[k] === values[k]);
  if (same) throw duplicate();
  checkAgainstOthers(store, String(record.DomainName), values, String(record.RecordId));
  store.update(DNS_RECORD, String(record.RecordId), { ...values });
  return { RecordId: record.RecordId };
};

const setDomainRecordStatus: RpcHandler = ({ params, store }) => {
  const record = mustRecord(store, params);
  const status = params.required("Status").toUpperCase();
  if (status !== "ENABLE" && status !== "DISABLE") throw new ApiError("InvalidStatus", "The specified status is not valid.", 400);
  store.update(DNS_RECORD, String(record.RecordId), { Status: status });
  return { RecordId: record.RecordId, Status: params.required("Status") };
};

const updateDomainRecordRemark: RpcHandler = ({ params, store }) => {
  const record = mustRecord(store, params);
  store.update(DNS_RECORD, String(record.RecordId), { Remark: params.get("Remark") ?? "" });
  return {};
};

const deleteDomainRecord: RpcHandler = ({ params, store }) => {
  const record = mustRecord(store, params);
  store.delete(DNS_RECORD, String(record.RecordId));
  countRecords(store, String(record.DomainName));
  return { RecordId: record.RecordId };
};

export const recordActions: Record<string, RpcHandler> = {
  AddDomainRecord: addDomainRecord,
  DescribeDomainRecordInfo: describeDomainRecordInfo,
  UpdateDomainRecord: updateDomainRecord,
  SetDomainRecordStatus: setDomainRecordStatus,
  UpdateDomainRecordRemark: updateDomainRecordRemark,
  DeleteDomainRecord: deleteDomainRecord,
};
