// VPC (API version 2016-04-28): VPCs and vSwitches (EIPs in eip.ts, served here too). Read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_vpc.go: CreateVpc (CidrBlock, VpcName, Description, Tag.N.*,
//   ClientToken), waits for Status "Available" (5 s delay, then polls); Read is
//   DescribeVpcAttribute (generic map: VpcId, CidrBlock, Status, VpcName, Description, RegionId,
//   VRouterId, IsDefault, ClassicLinkEnabled, DnsHostnameStatus, EnabledIpv6, ResourceGroupId,
//   Tags.Tag[], SecondaryCidrBlocks.SecondaryCidrBlock[], UserCidrs.UserCidr[]) then
//   DescribeRouteTableList (RouterTableList.RouterTableListType[], the "System" one); updates
//   ModifyVpcAttribute and TagResources/UnTagResources (ResourceType VPC); DeleteVpc retries while the
//   API answers DependencyViolation.VSwitch / DependencyViolation.SecurityGroup, then waits for
//   DescribeVpcAttribute to come back empty.
// - service_alicloud_vpc_v2.go DescribeVpcVpc / DescribeVpcVswitch: a missing VPC or vSwitch is an
//   answer whose VpcId / VSwitchId is the empty string (not an error code), so that is what they get.
// - alicloud/resource_alicloud_vswitch.go: CreateVSwitch (VpcId, ZoneId, CidrBlock, VSwitchName,
//   Description, Tag.N.*), waits for "Available"; Read is DescribeVSwitchAttributes (VSwitchId,
//   VpcId, ZoneId, CidrBlock, Status, VSwitchName, Description, IsDefault, AvailableIpAddressCount,
//   Tags.Tag[]); DeleteVSwitch retries on DependencyViolation (an instance still in it) and treats
//   InvalidVSwitchId.NotFound as gone.
// Refusals, from the API reference (help.aliyun.com, Vpc 2016-04-28 CreateVSwitch / DeleteVpc):
// InvalidCidrBlock.Overlapped (a vSwitch range overlapping another in the VPC), InvalidParameter (a
// range outside the VPC's), ResourceNotAvailable (a zone that takes no new vSwitches: the catalog's
// zone without "VSwitch" in AvailableResourceCreation), DependencyViolation.* on deletes.
import { defaultCatalog } from "../../plan/cloudCatalog";
import { ApiError } from "../apiError";
import { contains, overlaps, range } from "../ipv4";
import type { Params } from "../params";
import type { RpcHandler, RpcProduct } from "../rpc";
import { LAB_REGION } from "../settings";
import { newId, settle, startTransition, type LabRecord, type LabStore } from "../store";
import { KINDS } from "./ecs/kinds";
import { eipActions } from "./eip";

const catalog = defaultCatalog(LAB_REGION);

function tagList(tags: Record<string, string>): { Tag: { Key: string; Value: string }[] } {
  return { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) };
}

/** The same ClientToken returns what the first call created (the API's idempotence). */
function byToken(store: LabStore, kind: string, params: Params): LabRecord | undefined {
  const token = params.get("ClientToken");
  return token ? store.list(kind).find((r) => r._clientToken === token) : undefined;
}

const EMPTY_VPC = { VpcId: "", Status: "", VpcName: "", CidrBlock: "", Tags: { Tag: [] } };

function vpcView(r: LabRecord): Record<string, unknown> {
  return {
    VpcId: r.VpcId,
    RegionId: r.RegionId,
    Status: settle(r, "Status"),
    VpcName: r.VpcName,
    Description: r.Description,
    CidrBlock: r.CidrBlock,
    Ipv6CidrBlock: "",
    VRouterId: r.VRouterId,
    IsDefault: false,
    ClassicLinkEnabled: false,
    EnabledIpv6: false,
    DnsHostnameStatus: "DISABLED",
    ResourceGroupId: r.ResourceGroupId,
    CreationTime: r.CreationTime,
    OwnerId: Number(r.OwnerId),
    VSwitchIds: { VSwitchId: r.VSwitchIds },
    SecondaryCidrBlocks: { SecondaryCidrBlock: [] },
    UserCidrs: { UserCidr: [] },
    Ipv6CidrBlocks: { Ipv6CidrBlock: [] },
    Tags: tagList(r.Tags as Record<string, string>),
  };
}

const createVpc: RpcHandler = ({ params, store, region }) => {
  const existing = byToken(store, KINDS.vpc, params);
  if (existing)
    return {
      VpcId: existing.VpcId,
      VRouterId: existing.VRouterId,
      RouteTableId: existing.RouteTableId,
      ResourceGroupId: existing.ResourceGroupId,
    };
  const cidr = params.get("CidrBlock") ?? "172.16.0.0/12";
  if (!range(cidr)) throw new ApiError("InvalidCidrBlock.Malformed", "Specified CIDR block is not valid.");
  const id = newId("vpc-bp1", 18);
  const record: LabRecord = {
    VpcId: id,
    RegionId: region,
    VpcName: params.get("VpcName") ?? "",
    Description: params.get("Description") ?? "",
    CidrBlock: cidr,
    VRouterId: newId("vrt-bp1", 18),
    RouteTableId: newId("vtb-bp1", 18),
    ResourceGroupId: params.get("ResourceGroupId") ?? "rg-acfmlab0000000",
    CreationTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    OwnerId: store.accountId,
    VSwitchIds: [],
    Tags: params.tags(),
    _clientToken: params.get("ClientToken"),
  };
  startTransition(record, "Status", "Pending", "Available");
  store.create(KINDS.vpc, id, record);
  return { VpcId: id, VRouterId: record.VRouterId, RouteTableId: record.RouteTableId, ResourceGroupId: record.ResourceGroupId };
};

const describeVpcAttribute: RpcHandler = ({ params, store }) => {
  const vpc = store.get(KINDS.vpc, params.required("VpcId"));
  return vpc ? vpcView(vpc) : EMPTY_VPC;
};

const describeRouteTableList: RpcHandler = ({ params, store }) => {
  const vpc = store.get(KINDS.vpc, params.get("VpcId") ?? "");
  const tables = vpc
    ? [
        {
          RouteTableId: vpc.RouteTableId,
          RouteTableType: "System",
          RouterId: vpc.VRouterId,
          RouterType: "VRouter",
          VpcId: vpc.VpcId,
          RouteTableName: "",
          Description: "",
          ResourceGroupId: vpc.ResourceGroupId,
          RoutePropagationEnable: true,
          Status: "Available",
          CreationTime: vpc.CreationTime,
          VSwitchIds: { VSwitchId: vpc.VSwitchIds },
          Tags: { Tag: [] },
        },
      ]
    : [];
  return { TotalCount: tables.length, PageNumber: 1, PageSize: 10, RouterTableList: { RouterTableListType: tables } };
};

const modifyVpcAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("VpcId");
  if (!store.get(KINDS.vpc, id)) throw new ApiError("InvalidVpcId.NotFound", "Specified VPC does not exist.", 404);
  const patch: LabRecord = {};
  for (const key of ["VpcName", "Description"]) if (params.values[key] !== undefined) patch[key] = params.values[key];
  store.update(KINDS.vpc, id, patch);
  return {};
};

const deleteVpc: RpcHandler = ({ params, store }) => {
  const id = params.required("VpcId");
  const vpc = store.get(KINDS.vpc, id);
  if (!vpc) throw new ApiError("InvalidVpcId.NotFound", "Specified VPC does not exist.", 404);
  if (store.list(KINDS.vswitch).some((s) => s.VpcId === id)) {
    throw new ApiError("DependencyViolation.VSwitch", "Specified VPC has vSwitches; delete them first.");
  }
  if (store.list(KINDS.securityGroup).some((g) => g.VpcId === id)) {
    throw new ApiError("DependencyViolation.SecurityGroup", "Specified VPC has security groups; delete them first.");
  }
  store.delete(KINDS.vpc, id);
  return {};
};

const EMPTY_VSWITCH = { VSwitchId: "", VpcId: "", Status: "", ZoneId: "", CidrBlock: "", Tags: { Tag: [] } };

function vswitchView(r: LabRecord, store: LabStore): Record<string, unknown> {
  const block = range(String(r.CidrBlock));
  const used = store.list(KINDS.instance).filter((i) => (i.VpcAttributes as { VSwitchId: string }).VSwitchId === r.VSwitchId).length;
  return {
    VSwitchId: r.VSwitchId,
    VpcId: r.VpcId,
    Status: settle(r, "Status"),
    CidrBlock: r.CidrBlock,
    Ipv6CidrBlock: "",
    ZoneId: r.ZoneId,
    AvailableIpAddressCount: block ? block.size - 4 - used : 0,
    Description: r.Description,
    VSwitchName: r.VSwitchName,
    CreationTime: r.CreationTime,
    IsDefault: false,
    ResourceGroupId: r.ResourceGroupId,
    RouteTable: { RouteTableId: r.RouteTableId, RouteTableType: "System" },
    OwnerId: Number(store.accountId),
    ShareType: "",
    EnabledIpv6: false,
    Tags: tagList(r.Tags as Record<string, string>),
  };
}

const createVSwitch: RpcHandler = ({ params, store, region }) => {
  const existing = byToken(store, KINDS.vswitch, params);
  if (existing) return { VSwitchId: existing.VSwitchId };
  const vpcId = params.required("VpcId");
  const vpc = store.get(KINDS.vpc, vpcId);
  if (!vpc) throw new ApiError("InvalidVpcID.NotFound", "Specified VPC does not exist.", 404);
  const zoneId = params.required("ZoneId");
  const zone = catalog.zones.find((z) => z.id === zoneId);
  if (!zone) throw new ApiError("InvalidZoneId.NotFound", "The specified zone does not exist.", 404);
  if (!zone.vswitchCreation) throw new ApiError("ResourceNotAvailable", "Resource you requested is not available in this region or zone.");
  const cidr = params.required("CidrBlock");
  const block = range(cidr);
  const vpcBlock = range(String(vpc.CidrBlock));
  if (!block || !vpcBlock || !contains(vpcBlock, block))
    throw new ApiError("InvalidParameter", "Specified CIDR block is not valid in VPC.");
  for (const other of store.list(KINDS.vswitch).filter((s) => s.VpcId === vpcId)) {
    const o = range(String(other.CidrBlock));
    if (o && overlaps(o, block)) throw new ApiError("InvalidCidrBlock.Overlapped", "Specified CIDR block overlapped with other subnets.");
  }
  const id = newId("vsw-bp1", 18);
  const record: LabRecord = {
    VSwitchId: id,
    VpcId: vpcId,
    RegionId: region,
    ZoneId: zoneId,
    CidrBlock: cidr,
    VSwitchName: params.get("VSwitchName") ?? "",
    Description: params.get("Description") ?? "",
    ResourceGroupId: vpc.ResourceGroupId,
    RouteTableId: vpc.RouteTableId,
    CreationTime: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
    Tags: params.tags(),
    _clientToken: params.get("ClientToken"),
  };
  startTransition(record, "Status", "Pending", "Available");
  store.create(KINDS.vswitch, id, record);
  store.update(KINDS.vpc, vpcId, { VSwitchIds: [...(vpc.VSwitchIds as string[]), id] });
  return { VSwitchId: id };
};

const describeVSwitchAttributes: RpcHandler = ({ params, store }) => {
  const vswitch = store.get(KINDS.vswitch, params.required("VSwitchId"));
  return vswitch ? vswitchView(vswitch, store) : EMPTY_VSWITCH;
};

const modifyVSwitchAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("VSwitchId");
  if (!store.get(KINDS.vswitch, id)) throw new ApiError("InvalidVSwitchId.NotFound", "Specified virtual switch does not exist.", 404);
  const patch: LabRecord = {};
  for (const key of ["VSwitchName", "Description"]) if (params.values[key] !== undefined) patch[key] = params.values[key];
  store.update(KINDS.vswitch, id, patch);
  return {};
};

const deleteVSwitch: RpcHandler = ({ params, store }) => {
  const id = params.required("VSwitchId");
  const vswitch = store.get(KINDS.vswitch, id);
  if (!vswitch) throw new ApiError("InvalidVSwitchId.NotFound", "Specified virtual switch does not exist.", 404);
  if (store.list(KINDS.instance).some((i) => (i.VpcAttributes as { VSwitchId: string }).VSwitchId === id)) {
    throw new ApiError("DependencyViolation", "Specified vSwitch has resources in it (instances).");
  }
  store.delete(KINDS.vswitch, id);
  const vpc = store.get(KINDS.vpc, String(vswitch.VpcId));
  if (vpc) store.update(KINDS.vpc, String(vpc.VpcId), { VSwitchIds: (vpc.VSwitchIds as string[]).filter((v) => v !== id) });
  return {};
};

/**
 * TagResources / UnTagResources for VPC and VSWITCH (SetResourceTags in service_alicloud_vpc_v2.go),
 * and EIP (service_alicloud_eip_v2.go, SetResourceTags with ResourceType "EIP").
 */
const KIND_OF_TYPE: Record<string, string> = { VPC: KINDS.vpc, VSWITCH: KINDS.vswitch, EIP: KINDS.eip };
const ID_FIELD: Record<string, string> = { [KINDS.vpc]: "VpcId", [KINDS.vswitch]: "VSwitchId", [KINDS.eip]: "AllocationId" };

function taggedRecords(params: Params, store: LabStore): [string, LabRecord][] {
  const kind = KIND_OF_TYPE[params.required("ResourceType").toUpperCase()];
  if (!kind) throw new ApiError("InvalidParameter.ResourceType", `ResourceType ${params.get("ResourceType")} is not supported here.`);
  return params.list("ResourceId").map((id) => {
    const r = store.get(kind, id);
    if (!r) throw new ApiError("InvalidResourceId.NotFound", `The resource ${id} does not exist.`, 404);
    return [kind, r];
  });
}

const tagResources: RpcHandler = ({ params, store }) => {
  for (const [kind, r] of taggedRecords(params, store)) {
    store.update(kind, String(r[ID_FIELD[kind]]), { Tags: { ...(r.Tags as object), ...params.tags() } });
  }
  return {};
};

const untagResources: RpcHandler = ({ params, store }) => {
  const keys = new Set(params.list("TagKey"));
  for (const [kind, r] of taggedRecords(params, store)) {
    const tags = Object.fromEntries(Object.entries(r.Tags as Record<string, string>).filter(([k]) => !keys.has(k)));
    store.update(kind, String(r[ID_FIELD[kind]]), { Tags: tags });
  }
  return {};
};

export const vpc: RpcProduct = {
  name: "vpc",
  versions: ["2016-04-28"],
  actions: {
    CreateVpc: createVpc,
    DescribeVpcAttribute: describeVpcAttribute,
    DescribeRouteTableList: describeRouteTableList,
    ModifyVpcAttribute: modifyVpcAttribute,
    DeleteVpc: deleteVpc,
    CreateVSwitch: createVSwitch,
    DescribeVSwitchAttributes: describeVSwitchAttributes,
    ModifyVSwitchAttribute: modifyVSwitchAttribute,
    DeleteVSwitch: deleteVSwitch,
    TagResources: tagResources,
    UnTagResources: untagResources,
    ...eipActions,
  },
};
