// Instance RAM roles (ECS API version 2014-05-26): which RAM role an instance may assume. The role
// is kept on the instance record as RamRoleName, the field DescribeInstances answers (kinds.ts
// InstanceFacts). Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_ecs_ram_role_attachment.go: AttachInstanceRamRole (RamRoleName,
//   InstanceIds as a JSON array, RegionId, Policy), id `<first result's InstanceId>:<RamRoleName>`
//   from `AttachInstanceRamRoleResults.AttachInstanceRamRoleResult[0].InstanceId` and `RamRoleName`;
//   Update does nothing; Delete is DetachInstanceRamRole (RamRoleName, InstanceIds, RegionId), done
//   on any not-found (a 404).
// - alicloud/service_alicloud_ecs_v2.go DescribeEcsRamRoleAttachment: DescribeInstanceRamRole
//   (InstanceIds, RamRoleName, RegionId); InvalidRamRole.NotFound, an empty
//   `InstanceRamRoleSets.InstanceRamRoleSet` or a first entry without RamRoleName is not-found.
// - alicloud/resource_alicloud_instance.go Read also calls DescribeInstanceRamRole with InstanceIds
//   only (typed SDK) and takes the first entry's RamRoleName as `role_name` (Optional, Computed).
// The Node SDK model @alicloud/ecs20140526 (AttachInstanceRamRoleResponseBody,
// DescribeInstanceRamRoleResponseBody, DetachInstanceRamRoleResponseBody) and the API reference:
// per-instance results {InstanceId, Success, Code ("200" when it worked), Message}, TotalCount,
// FailCount, RamRoleName; errors 404 InvalidInstanceId.NotFound and 404 InvalidRamRole.NotFound for
// the whole call (seen on the real API: alibaba/terraform-provider issue 210).
// Unconfirmed: the reference says attaching a role to an instance that holds another one is
// refused, without its code (a CloudLab code here); a per-instance failure of a detach answers the
// Code InvalidRamRole.NotFound here; an instance without a role is listed with RamRoleName "" when
// asked for by id alone.
import { ApiError, notFound } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { RAM_KINDS } from "../ram";
import { KINDS } from "./kinds";
import { pageOf } from "./paging";

function ids(params: Params, required: boolean): string[] {
  const list = params.json<string[]>("InstanceIds");
  if (list === undefined && !required) return [];
  if (!Array.isArray(list) || list.length === 0 || list.length > 100)
    throw new ApiError("InvalidInstanceIds.Malformed", "The specified instanceIds are not valid.");
  return list;
}

function instances(store: LabStore, list: readonly string[]): LabRecord[] {
  return list.map((id) =>
    store.must(KINDS.instance, id, () => notFound("InvalidInstanceId.NotFound", "The specified InstanceId does not exist.")),
  );
}

function mustRoleName(store: LabStore, name: string): string {
  store.must(RAM_KINDS.role, name, () => notFound("InvalidRamRole.NotFound", "The specified RamRoleName does not exist."));
  return name;
}

const attachInstanceRamRole: RpcHandler = ({ params, store }) => {
  const role = mustRoleName(store, params.required("RamRoleName"));
  const targets = instances(store, ids(params, true));
  const held = targets.find((i) => i.RamRoleName && i.RamRoleName !== role);
  if (held)
    throw new ApiError(
      "CloudLab.Unconfirmed.RamRoleAttached",
      `Instance ${String(held.InstanceId)} holds RAM role ${String(held.RamRoleName)} already.`,
      403,
    );
  for (const instance of targets) store.update(KINDS.instance, String(instance.InstanceId), { RamRoleName: role });
  return {
    RamRoleName: role,
    TotalCount: targets.length,
    FailCount: 0,
    AttachInstanceRamRoleResults: {
      AttachInstanceRamRoleResult: targets.map((i) => ({ InstanceId: i.InstanceId, Success: true, Code: "200", Message: "success" })),
    },
  };
};

const describeInstanceRamRole: RpcHandler = ({ params, store, region }) => {
  const role = params.get("RamRoleName");
  if (role !== undefined) mustRoleName(store, role);
  const wanted = ids(params, role === undefined);
  const held = (wanted.length > 0 ? wanted.map((id) => store.get(KINDS.instance, id)) : store.list(KINDS.instance))
    .filter((i): i is LabRecord => i !== undefined)
    .filter((i) => role === undefined || i.RamRoleName === role)
    .map((i) => ({ InstanceId: i.InstanceId, RamRoleName: i.RamRoleName ?? "" }));
  const { items, TotalCount } = pageOf(held, params);
  return { RegionId: region, TotalCount, InstanceRamRoleSets: { InstanceRamRoleSet: items } };
};

const detachInstanceRamRole: RpcHandler = ({ params, store }) => {
  const role = params.get("RamRoleName");
  if (role !== undefined) mustRoleName(store, role);
  const targets = instances(store, ids(params, true));
  const results = targets.map((i) => {
    const had = i.RamRoleName ? String(i.RamRoleName) : "";
    if (!had || (role !== undefined && had !== role)) {
      return {
        InstanceId: i.InstanceId,
        Success: false,
        Code: "InvalidRamRole.NotFound",
        Message: "The instance does not hold this RAM role.",
      };
    }
    store.update(KINDS.instance, String(i.InstanceId), { RamRoleName: "" });
    return {
      InstanceId: i.InstanceId,
      Success: true,
      Code: "200",
      Message: "success",
      InstanceRamRoleSets: { InstanceRamRoleSet: [{ InstanceId: i.InstanceId, RamRoleName: had }] },
    };
  });
  return {
    RamRoleName: role ?? "",
    TotalCount: results.length,
    FailCount: results.filter((r) => !r.Success).length,
    DetachInstanceRamRoleResults: { DetachInstanceRamRoleResult: results },
  };
};

export const instanceRamRoleActions: Record<string, RpcHandler> = {
  AttachInstanceRamRole: attachInstanceRamRole,
  DescribeInstanceRamRole: describeInstanceRamRole,
  DetachInstanceRamRole: detachInstanceRamRole,
};
