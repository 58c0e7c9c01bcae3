// OOS secret parameters (API version 2019-06-01). Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_oos_secret_parameter.go: CreateSecretParameter (Name, RegionId,
//   ClientToken, Constraints, ResourceGroupId, Description, Type, Tags as a JSON object, Value,
//   KeyId, DKMSInstanceId; the id is the Name); UpdateSecretParameter (Name, ResourceGroupId,
//   Description, Tags, Value: sent on every update); DeleteSecretParameter, done on any not-found
//   (a 404, or "NotFound" in the message).
// - alicloud/service_alicloud_oos_v2.go DescribeOosSecretParameter: GetSecretParameter without
//   WithDecryption, `$.Parameter`, each of Constraints, CreatedDate, Description, DKMSInstanceId,
//   KeyId, ResourceGroupId, Type, Value, Name copied to the state only when present;
//   EntityNotExists.Parameter is not-found.
// The OOS API reference (GetSecretParameter, GetSecretParameters; no Node SDK of OOS here): the
// Parameter object {Id, Name, Type, Value, Description, Constraints, KeyId, ResourceGroupId, Tags
// (an object), ParameterVersion (a number), ShareType, CreatedDate, CreatedBy, UpdatedDate,
// UpdatedBy}; "only when WithDecryption is true does Value hold a result, otherwise it is empty":
// here it is left out, so the provider keeps the value it sent. GetSecretParameters: Names as a JSON
// array, Parameters[] and InvalidParameters[].
// Unconfirmed, with the reason:
// - EntityNotExists.Parameter answers HTTP 404 here (the code is the provider's; no status is
//   documented in the sources read). With 404 the provider's Delete of a vanished parameter succeeds.
// - KeyId, Constraints and DKMSInstanceId are answered only when the request set them: whether the
//   service answers its default key's id is not documented, and `key_id` is ForceNew and not
//   Computed in the provider, so such an answer would show as a replacement on every preview.
// - The code for a name that exists already is not documented: refused with a CloudLab code.
import { randomBytes } from "node:crypto";
import { ApiError, notFound, unsupported } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { apiTime } from "../ecs/apiTime";

export const OOS_SECRET_PARAMETER = "oos.secretParameter";
/** The lab account's default resource group, which a parameter joins when none is given. */
export const LAB_RESOURCE_GROUP = "rg-acfmlabdefault01";

const missing = (name: string): ApiError => notFound("EntityNotExists.Parameter", `Parameter ${name} does not exist.`);

/** The value a test or the harness reads: the secret as the stack stored it. */
export function secretParameterValue(store: LabStore, name: string): string | undefined {
  const value = store.get(OOS_SECRET_PARAMETER, name)?.Value;
  return typeof value === "string" ? value : undefined;
}

function tagsParameter(params: Params): Record<string, string> | undefined {
  const tags = params.json<Record<string, unknown>>("Tags");
  if (tags === undefined) return undefined;
  if (tags === null || typeof tags !== "object" || Array.isArray(tags))
    throw new ApiError("InvalidParameter.Tags", `The parameter "Tags" must be a JSON object.`);
  return Object.fromEntries(Object.entries(tags).map(([k, v]) => [k, String(v)]));
}

const OPTIONAL_FIELDS = ["Constraints", "KeyId", "DKMSInstanceId"] as const;

function parameterView(record: LabRecord, withValue: boolean): Record<string, unknown> {
  const view: Record<string, unknown> = {
    Id: record.Id,
    Name: record.Name,
    Type: record.Type,
    Description: record.Description,
    ResourceGroupId: record.ResourceGroupId,
    ParameterVersion: record.ParameterVersion,
    ShareType: record.ShareType,
    Tags: record.Tags,
    CreatedDate: record.CreatedDate,
    CreatedBy: record.CreatedBy,
    UpdatedDate: record.UpdatedDate,
    UpdatedBy: record.UpdatedBy,
  };
  for (const field of OPTIONAL_FIELDS) if (record[field] !== undefined) view[field] = record[field];
  if (withValue) view.Value = record.Value;
  return view;
}

const createSecretParameter: RpcHandler = ({ params, store }) => {
  const name = params.required("Name");
  const token = params.get("ClientToken");
  const earlier = token ? store.list(OOS_SECRET_PARAMETER).find((p) => p.ClientToken === token) : undefined;
  if (earlier) return { Parameter: parameterView(earlier, false) };
  const value = params.required("Value");
  const type = params.get("Type") ?? "Secret";
  if (type !== "Secret") throw new ApiError("InvalidParameter.Type", `The parameter "Type" must be Secret.`);
  if (store.get(OOS_SECRET_PARAMETER, name)) {
    throw new ApiError(
      "CloudLab.Unconfirmed.ParameterExists",
      `Parameter ${name} exists already (the service's code for this is not documented).`,
      409,
    );
  }
  const now = apiTime();
  const by = `root(${store.accountId})`;
  const record = store.create(OOS_SECRET_PARAMETER, name, {
    Id: `p-${randomBytes(10).toString("hex")}`,
    Name: name,
    Type: type,
    Value: value,
    Description: params.get("Description") ?? "",
    ResourceGroupId: params.get("ResourceGroupId") ?? LAB_RESOURCE_GROUP,
    ParameterVersion: 1,
    ShareType: "Private",
    Tags: tagsParameter(params) ?? {},
    CreatedDate: now,
    CreatedBy: by,
    UpdatedDate: now,
    UpdatedBy: by,
    ...Object.fromEntries(OPTIONAL_FIELDS.flatMap((f) => (params.get(f) === undefined ? [] : [[f, params.get(f)]]))),
    ...(token ? { ClientToken: token } : {}),
  });
  return { Parameter: parameterView(record, false) };
};

const getSecretParameter: RpcHandler = ({ params, store }) => {
  const name = params.required("Name");
  const record = store.must(OOS_SECRET_PARAMETER, name, () => missing(name));
  const version = params.int("ParameterVersion");
  if (version !== undefined && version !== record.ParameterVersion)
    throw unsupported("OOS GetSecretParameter of an earlier ParameterVersion");
  return { Parameter: parameterView(record, params.bool("WithDecryption") === true) };
};

const getSecretParameters: RpcHandler = ({ params, store }) => {
  const names = params.json<string[]>("Names");
  if (!Array.isArray(names) || names.length === 0)
    throw new ApiError("MissingParameter", `The input parameter "Names" that is mandatory for processing this request is not supplied.`);
  const withValue = params.bool("WithDecryption") === true;
  const found = names.map((n) => store.get(OOS_SECRET_PARAMETER, n)).filter((r): r is LabRecord => r !== undefined);
  return {
    Parameters: found.map((r) => parameterView(r, withValue)),
    InvalidParameters: names.filter((n) => !store.get(OOS_SECRET_PARAMETER, n)),
  };
};

const updateSecretParameter: RpcHandler = ({ params, store }) => {
  const name = params.required("Name");
  const record = store.must(OOS_SECRET_PARAMETER, name, () => missing(name));
  const patch: LabRecord = { UpdatedDate: apiTime(), UpdatedBy: `root(${store.accountId})` };
  const value = params.get("Value");
  if (value !== undefined && value !== record.Value)
    Object.assign(patch, { Value: value, ParameterVersion: Number(record.ParameterVersion) + 1 });
  if (params.values.Description !== undefined) patch.Description = params.values.Description;
  const resourceGroup = params.get("ResourceGroupId");
  if (resourceGroup !== undefined) patch.ResourceGroupId = resourceGroup;
  const tags = tagsParameter(params);
  if (tags !== undefined) patch.Tags = tags;
  store.update(OOS_SECRET_PARAMETER, name, patch);
  return { Parameter: parameterView(record, false) };
};

const deleteSecretParameter: RpcHandler = ({ params, store }) => {
  const name = params.required("Name");
  store.must(OOS_SECRET_PARAMETER, name, () => missing(name));
  store.delete(OOS_SECRET_PARAMETER, name);
  return {};
};

export const secretParameterActions: Record<string, RpcHandler> = {
  CreateSecretParameter: createSecretParameter,
  GetSecretParameter: getSecretParameter,
  GetSecretParameters: getSecretParameters,
  UpdateSecretParameter: updateSecretParameter,
  DeleteSecretParameter: deleteSecretParameter,
};
