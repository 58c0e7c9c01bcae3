// Elastic IP addresses (VPC API 2016-04-28), as the instance edge uses them: one pay-as-you-go,
// pay-by-traffic EIP associated with one ECS instance. Read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_eip_address.go: Create is AllocateEipAddress (RegionId, ClientToken,
//   Bandwidth, Name, Description, InternetChargeType, InstanceChargeType PostPaid|PrePaid, ISP,
//   Netmode, ResourceGroupId...; answers AllocationId, EipAddress), then waits for Status
//   "Available" or "InUse" and runs Update, which sends ModifyEipAddressAttribute (Bandwidth, Name,
//   Description) only on a later change, DeletionProtection (InstanceId, ProtectionEnable, Type EIP)
//   when deletion_protection is set, TagResources / UnTagResources (ResourceType EIP) for tags. Read
//   takes the first of DescribeEipAddresses' EipAddresses.EipAddress[] (a generic map: Name,
//   Bandwidth or EipBandwidth, AllocationTime, DeletionProtection (bool), Description,
//   HDMonitorStatus, InternetChargeType, IpAddress, ISP, Mode, Netmode, ChargeType
//   PostPaid|PrePaid, PublicIpAddressPoolId, ResourceGroupId, Status, Zone, AllocationId,
//   SecurityProtectionTypes.SecurityProtectionType[], Tags.Tag[] of {Key, Value}); an empty list is
//   NotFound (service_alicloud_eip_v2.go, DescribeEipAddress). Delete is ReleaseEipAddress, then
//   DescribeEipAddresses until the list is empty.
// - alicloud/resource_alicloud_eip_association.go: Create is AssociateEipAddress (AllocationId,
//   InstanceId, InstanceType EcsInstance unless the id says lb-/ngw-, ClientToken); the id is
//   "<allocation>:<instance>"; Read finds the EIP whose InstanceId is the instance
//   (DescribeEipAssociation: InstanceType, Mode, PrivateIpAddress, VpcId, InstanceId). Delete is
//   UnassociateEipAddress, then waits until no EIP of that allocation names the instance.
// The field types follow the official SDK model (@alicloud/vpc20160428
// DescribeEipAddressesResponseBodyEipAddressesEipAddress: Bandwidth and EipBandwidth are strings,
// DeletionProtection and SecondLimited booleans, ServiceManaged a number). Statuses (DescribeEipAddresses,
// Status): Associating, Unassociating, InUse, Available, Releasing; AssociateEipAddress and
// UnassociateEipAddress are asynchronous (their API pages): one read in the transitional status.
// Refusals, from the API reference error codes: InvalidAllocationId.NotFound, InvalidInstanceId.NotFound,
// IncorrectEipStatus (an EIP that is not Available for an association, or still InUse on release),
// InvalidAssociation.NotFound (unassociating an instance the EIP is not bound to; the code is the
// one the error list of UnassociateEipAddress gives, not seen in a live answer: unconfirmed).
// DeletionProtection on release: the API's code for it was not found in the references read;
// "OperationDenied.DeletionProtection" stands for it here (unconfirmed).
import { ApiError } from "../apiError";
import type { Params } from "../params";
import type { RpcHandler } from "../rpc";
import { newId, settle, startTransition, type LabRecord, type LabStore } from "../store";
import { KINDS, type InstanceFacts } from "./ecs/kinds";
import { unheldPublicAddress } from "./publicAddressHolders";

const eipNotFound = (id: string): ApiError =>
  new ApiError("InvalidAllocationId.NotFound", `The specified allocation ID ${id} is not found.`, 404);

function now(): string {
  return new Date().toISOString().replace(/\.\d+Z$/, "Z");
}

/** A "public" address: a loopback one of the lab's own block, free of load balancers and EIPs. */
function publicAddress(store: LabStore): string {
  const address = unheldPublicAddress(store);
  if (address === undefined) throw new ApiError("QuotaExceeded.Eip", "The EIP quota of the lab is used up.");
  return address;
}

function eipView(r: LabRecord): Record<string, unknown> {
  const tags = (r.Tags ?? {}) as Record<string, string>;
  return {
    AllocationId: r.AllocationId,
    IpAddress: r.IpAddress,
    RegionId: r.RegionId,
    Status: settle(r, "Status"),
    Name: r.Name,
    Description: r.Description,
    Bandwidth: r.Bandwidth,
    EipBandwidth: r.Bandwidth,
    InternetChargeType: r.InternetChargeType,
    ChargeType: r.ChargeType,
    ISP: r.ISP,
    Netmode: r.Netmode,
    Mode: r.Mode,
    AllocationTime: r.AllocationTime,
    ExpiredTime: "",
    DeletionProtection: r.DeletionProtection,
    HDMonitorStatus: "OFF",
    ResourceGroupId: r.ResourceGroupId,
    InstanceId: r.InstanceId,
    InstanceType: r.InstanceType,
    InstanceRegionId: r.InstanceId ? r.RegionId : "",
    PrivateIpAddress: r.PrivateIpAddress,
    VpcId: r.VpcId,
    Zone: "",
    PublicIpAddressPoolId: "",
    SegmentInstanceId: "",
    BandwidthPackageId: "",
    BandwidthPackageType: "",
    BandwidthPackageBandwidth: "",
    BizType: "",
    BusinessStatus: "Normal",
    HasReservationData: "false",
    SecondLimited: false,
    ServiceManaged: 0,
    OperationLocks: { LockReason: [] },
    SecurityProtectionTypes: { SecurityProtectionType: [] },
    Tags: { Tag: Object.entries(tags).map(([Key, Value]) => ({ Key, Value })) },
  };
}

const allocateEipAddress: RpcHandler = ({ params, store, region }) => {
  const token = params.get("ClientToken");
  const same = token ? store.list(KINDS.eip).find((e) => e._clientToken === token) : undefined;
  if (same) return { AllocationId: same.AllocationId, EipAddress: same.IpAddress, ResourceGroupId: same.ResourceGroupId, OrderId: 0 };
  const chargeType = params.get("InstanceChargeType") ?? "PostPaid";
  if (!["PostPaid", "PrePaid"].includes(chargeType)) {
    throw new ApiError("InvalidParameter", `The specified InstanceChargeType ${chargeType} is not valid.`);
  }
  const internetChargeType = params.get("InternetChargeType") ?? "PayByBandwidth";
  if (!["PayByBandwidth", "PayByTraffic"].includes(internetChargeType)) {
    throw new ApiError("InvalidParameter", `The specified InternetChargeType ${internetChargeType} is not valid.`);
  }
  // The API page: pay-by-traffic is for pay-as-you-go EIPs only.
  if (internetChargeType === "PayByTraffic" && chargeType === "PrePaid") {
    throw new ApiError("OperationUnsupported.PayByTraffic", "A subscription EIP cannot be billed by traffic.");
  }
  const bandwidth = params.int("Bandwidth", 5) as number;
  if (bandwidth < 1 || bandwidth > 500) throw new ApiError("InvalidBandwidth.ValueNotSupported", "The specified Bandwidth is not valid.");
  const id = newId("eip-bp1", 18);
  store.create(KINDS.eip, id, {
    AllocationId: id,
    IpAddress: publicAddress(store),
    RegionId: region,
    Status: "Available",
    Name: params.get("Name") ?? "",
    Description: params.get("Description") ?? "",
    Bandwidth: String(bandwidth),
    InternetChargeType: internetChargeType,
    ChargeType: chargeType,
    ISP: params.get("ISP") ?? "BGP",
    Netmode: params.get("Netmode") ?? "public",
    Mode: "NAT",
    AllocationTime: now(),
    DeletionProtection: false,
    ResourceGroupId: params.get("ResourceGroupId") ?? "rg-acfmlab0000000",
    InstanceId: "",
    InstanceType: "",
    PrivateIpAddress: "",
    VpcId: "",
    Tags: {},
    _clientToken: token,
  });
  const created = store.get(KINDS.eip, id) as LabRecord;
  return { AllocationId: id, EipAddress: created.IpAddress, ResourceGroupId: created.ResourceGroupId, OrderId: 0 };
};

const describeEipAddresses: RpcHandler = ({ params, store }) => {
  // A released EIP reads "Releasing" once more, then is gone (ReleaseEipAddress's waiter polls for that).
  for (const r of store.list(KINDS.eip)) if (r._releasing === "read") store.delete(KINDS.eip, String(r.AllocationId));
  for (const r of store.list(KINDS.eip)) if (r._releasing) r._releasing = "read";
  const allocationId = params.get("AllocationId");
  const address = params.get("EipAddress");
  const associated = params.get("AssociatedInstanceId");
  const status = params.get("Status");
  const all = store
    .list(KINDS.eip)
    .filter((r) => allocationId === undefined || r.AllocationId === allocationId)
    .filter((r) => address === undefined || r.IpAddress === address)
    .filter((r) => associated === undefined || r.InstanceId === associated)
    .map(eipView)
    .filter((view) => status === undefined || view.Status === status);
  const pageSize = Math.min(params.int("PageSize", 10) as number, 100);
  const pageNumber = params.int("PageNumber", 1) as number;
  const page = all.slice((pageNumber - 1) * pageSize, pageNumber * pageSize);
  return { TotalCount: all.length, PageNumber: pageNumber, PageSize: pageSize, EipAddresses: { EipAddress: page } };
};

const modifyEipAddressAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("AllocationId");
  const eip = store.must(KINDS.eip, id, () => eipNotFound(id));
  const patch: LabRecord = {};
  if (params.values.Name !== undefined) patch.Name = params.values.Name;
  if (params.values.Description !== undefined) patch.Description = params.values.Description;
  const bandwidth = params.int("Bandwidth");
  if (bandwidth !== undefined) {
    if (bandwidth < 1 || bandwidth > 500) throw new ApiError("InvalidBandwidth.ValueNotSupported", "The specified Bandwidth is not valid.");
    patch.Bandwidth = String(bandwidth);
  }
  store.update(KINDS.eip, String(eip.AllocationId), patch);
  return {};
};

/** The instance an association names, or the API's refusal of an id that is none (InstanceType EcsInstance only here). */
function associatedInstance(params: Params, store: LabStore): LabRecord {
  const type = params.get("InstanceType") ?? "EcsInstance";
  if (type !== "EcsInstance")
    throw new ApiError("CloudLab.Unsupported", `the emulator associates EIPs with ECS instances only, not ${type}`);
  const instanceId = params.required("InstanceId");
  const instance = store.get(KINDS.instance, instanceId);
  if (!instance) throw new ApiError("InvalidInstanceId.NotFound", `The specified instance ${instanceId} does not exist.`, 404);
  return instance;
}

const associateEipAddress: RpcHandler = ({ params, store }) => {
  const id = params.required("AllocationId");
  const eip = store.must(KINDS.eip, id, () => eipNotFound(id));
  const instance = associatedInstance(params, store);
  if (eip.InstanceId === instance.InstanceId) return {};
  if (settle(eip, "Status") !== "Available") {
    throw new ApiError("IncorrectEipStatus", "The current status of the EIP does not support this operation.");
  }
  const facts = instance as unknown as InstanceFacts & { EipAddress?: { AllocationId: string }; InternetMaxBandwidthOut?: number };
  if (facts.EipAddress?.AllocationId) {
    throw new ApiError("InvalidParams.InstanceHasEip", `The instance ${facts.InstanceId} already has an EIP.`);
  }
  // An instance with a fixed public IP takes no EIP (the provider retries on this code: its error list).
  if (Number(facts.InternetMaxBandwidthOut ?? 0) > 0) {
    throw new ApiError("InvalidStatus.InstanceHasBandWidth", "The instance has a public IP address of its own.");
  }
  // PrivateIpAddress and VpcId stay empty for an ECS instance: the API fills them for a secondary ENI
  // (PrivateIpAddress) and an IPv4 gateway's VPC, and the association's Read copies both into
  // private_ip_address and vpc_id, which are Optional and ForceNew without Computed
  // (resource_alicloud_eip_association.go): any value there would replace every association on the
  // next preview. Deduced from the provider's schema, not seen in a live answer.
  const patch = { InstanceId: facts.InstanceId, InstanceType: "EcsInstance", PrivateIpAddress: "", VpcId: "" };
  store.update(KINDS.eip, id, patch);
  startTransition(store.get(KINDS.eip, id) as LabRecord, "Status", "Associating", "InUse");
  // What DescribeInstances shows of it (the ECS SDK model's EipAddress).
  store.update(KINDS.instance, facts.InstanceId, {
    EipAddress: {
      IpAddress: eip.IpAddress,
      AllocationId: id,
      InternetChargeType: eip.InternetChargeType,
      Bandwidth: Number(eip.Bandwidth),
      IsSupportUnassociate: true,
    },
  });
  return {};
};

const unassociateEipAddress: RpcHandler = ({ params, store }) => {
  const id = params.required("AllocationId");
  const eip = store.must(KINDS.eip, id, () => eipNotFound(id));
  const instanceId = params.required("InstanceId");
  if (eip.InstanceId !== instanceId) {
    throw new ApiError("InvalidAssociation.NotFound", `The EIP ${id} is not associated with ${instanceId}.`, 404);
  }
  store.update(KINDS.eip, id, { InstanceId: "", InstanceType: "", PrivateIpAddress: "", VpcId: "" });
  startTransition(store.get(KINDS.eip, id) as LabRecord, "Status", "Unassociating", "Available");
  if (store.get(KINDS.instance, instanceId)) store.update(KINDS.instance, instanceId, { EipAddress: undefined });
  return {};
};

const releaseEipAddress: RpcHandler = ({ params, store }) => {
  const id = params.required("AllocationId");
  const eip = store.must(KINDS.eip, id, () => eipNotFound(id));
  if (eip.DeletionProtection === true) {
    throw new ApiError("OperationDenied.DeletionProtection", "The EIP is protected from release; turn deletion protection off first.");
  }
  if (eip.InstanceId || settle(eip, "Status") !== "Available") {
    throw new ApiError("IncorrectEipStatus", "The current status of the EIP does not support this operation.");
  }
  delete eip._settle;
  store.update(KINDS.eip, id, { Status: "Releasing", _releasing: "pending" });
  return {};
};

/** DeletionProtection (VPC API): Type EIP here; other types are not emulated. */
const deletionProtection: RpcHandler = ({ params, store }) => {
  const type = params.required("Type");
  if (type !== "EIP") throw new ApiError("CloudLab.Unsupported", `the emulator keeps deletion protection for EIPs only, not ${type}`);
  const id = params.required("InstanceId");
  store.must(KINDS.eip, id, () => eipNotFound(id));
  const enable = params.required("ProtectionEnable");
  store.update(KINDS.eip, id, { DeletionProtection: enable === "true" });
  return {};
};

export const eipActions: Record<string, RpcHandler> = {
  AllocateEipAddress: allocateEipAddress,
  DescribeEipAddresses: describeEipAddresses,
  ModifyEipAddressAttribute: modifyEipAddressAttribute,
  AssociateEipAddress: associateEipAddress,
  UnassociateEipAddress: unassociateEipAddress,
  ReleaseEipAddress: releaseEipAddress,
  DeletionProtection: deletionProtection,
};
