// ECS instances (API 2014-05-26). Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_instance.go and service_alicloud_ecs.go:
// - Create: RunInstances (ImageId, InstanceType, SecurityGroupIds.N, VSwitchId, UserData base64,
//   SystemDisk.{Category,Size,Encrypted,KMSKeyId,...}, HttpTokens/HttpEndpoint, Tag.N.*,
//   InstanceChargeType, InternetMaxBandwidthOut, ClientToken...) answers InstanceIdSets.InstanceIdSet[];
//   the waiter polls DescribeInstances (10 s delay) through Pending/Starting to Running; the Update
//   that follows a create may call ModifyInstanceMetadataOptions and ModifyInstanceAttribute.
// - Read: DescribeInstances (InstanceIds as a JSON list; typed SDK Instances.Instance[]: Status,
//   ZoneId, ImageId, InstanceType, Description, InstanceName, HostName, InstanceChargeType,
//   InternetMaxBandwidthOut/In (ints), VpcAttributes.{VpcId, VSwitchId, PrivateIpAddress.IpAddress[]},
//   SecurityGroupIds.SecurityGroupId[], MetadataOptions.{HttpTokens, HttpEndpoint,
//   HttpPutResponseHopLimit}, Tags.Tag[], NetworkInterfaces.NetworkInterface[], Cpu, Memory, ...;
//   an empty list = gone), DescribeDisks (InstanceId + DiskType system: Disks.Disk[] with Category,
//   Size, Encrypted, KMSKeyId, PerformanceLevel, DiskId...), DescribeUserData (UserData as stored, base64),
//   DescribeNetworkInterfaces (the primary ENI: PrivateIpSets.PrivateIpSet[].Primary, ...),
//   DescribeInstanceMaintenanceAttributes, DescribeInstanceAttribute (DescribeInstanceRamRole on refresh:
//   instanceRamRole.ts).
// - Update: ModifyInstanceAttribute, ModifyInstanceMetadataOptions, ModifyInstanceVpcAttribute (the
//   vSwitch: only when Stopped, never across zones: InvalidVSwitchId.Mismatch), StopInstance,
//   StartInstance, tags through TagResources/UntagResources.
// - Delete: DeleteInstance with Force=true, EcsNotFound codes (InvalidInstanceId.NotFound,
//   Forbidden.InstanceNotFound) meaning gone, then DescribeInstances until the list is empty.
// Error codes from the API reference (RunInstances, ModifyInstanceVpcAttribute, DeleteInstance).
import { defaultCatalog } from "../../../plan/cloudCatalog";
import { ApiError } from "../../apiError";
import { address, range } from "../../ipv4";
import type { RpcHandler } from "../../rpc";
import { LAB_REGION } from "../../settings";
import { newId, settle, startTransition, type LabRecord, type LabStore } from "../../store";
import { KINDS, type InstanceFacts } from "./kinds";
import { tagList } from "./tags";

const catalog = defaultCatalog(LAB_REGION);
const notFound = (): ApiError => new ApiError("InvalidInstanceId.NotFound", "The specified InstanceId does not exist.", 404);

function now(): string {
  return new Date().toISOString().replace(/:\d\d\.\d+Z$/, "Z");
}

/** The next free private address of a vSwitch: its first and last three are reserved (CreateVSwitch notes). */
function freeAddress(store: LabStore, vswitch: LabRecord): string {
  const block = range(String(vswitch.CidrBlock));
  if (!block) throw new ApiError("InvalidVSwitchId.NotFound", "The vSwitch has no valid CIDR block.", 404);
  const used = new Set(
    store.list(KINDS.instance).flatMap((i) => (i.VpcAttributes as InstanceFacts["VpcAttributes"]).PrivateIpAddress.IpAddress),
  );
  for (let n = block.start + 1; n < block.start + block.size - 3; n++) if (!used.has(address(n))) return address(n);
  throw new ApiError("InvalidVSwitchId.IpNotEnough", "The specified VSwitch has not enough IP addresses.");
}

const runInstances: RpcHandler = ({ params, store, region }) => {
  const token = params.get("ClientToken");
  const same = token ? store.list(KINDS.instance).find((i) => i._clientToken === token) : undefined;
  if (same) return { InstanceIdSets: { InstanceIdSet: [same.InstanceId] } };
  const imageId = params.required("ImageId");
  if (!catalog.images.some((i) => i.id === imageId))
    throw new ApiError("InvalidImageId.NotFound", "The specified ImageId does not exist.", 404);
  const type = catalog.instanceTypes.find((t) => t.id === params.required("InstanceType"));
  if (!type) throw new ApiError("InvalidInstanceType.NotFound", "The specified InstanceType does not exist.", 404);
  const vswitchId = params.required("VSwitchId");
  const vswitch = store.get(KINDS.vswitch, vswitchId);
  if (!vswitch) throw new ApiError("InvalidVSwitchId.NotFound", "The specified VSwitchId does not exist.", 404);
  const zone = String(vswitch.ZoneId);
  const disk = params.get("SystemDisk.Category") ?? "cloud_efficiency";
  // The type must be sold in the vSwitch's zone with that disk (DescribeAvailableResource's answer).
  if (!(type.soldIn[zone] ?? []).includes(disk)) {
    throw new ApiError("Zone.NotOnSale", `The instance type ${type.id} with ${disk} is not on sale in ${zone}.`, 403);
  }
  const image = catalog.images.find((i) => i.id === imageId);
  if (image && image.architecture !== type.architecture) {
    throw new ApiError("InvalidImageId.NotSupported", `The image ${imageId} does not support the instance type ${type.id}.`);
  }
  const groups = params.list("SecurityGroupIds");
  if (groups.length === 0 && params.get("SecurityGroupId")) groups.push(params.get("SecurityGroupId") as string);
  if (groups.length === 0)
    throw new ApiError(
      "MissingParameter",
      "The input parameter SecurityGroupId that is mandatory for processing this request is not supplied.",
    );
  for (const g of groups) {
    const group = store.get(KINDS.securityGroup, g);
    if (!group) throw new ApiError("InvalidSecurityGroupId.NotFound", "The specified SecurityGroupId does not exist.", 404);
    if (group.VpcId !== vswitch.VpcId)
      throw new ApiError("InvalidSecurityGroupId.NotMatchVpc", "The specified security group and vSwitch are not in the same VPC.");
  }
  const userData = params.get("UserData") ?? "";
  if (Buffer.byteLength(userData) > 32768)
    throw new ApiError("InvalidUserData.SizeExceeded", "The specified UserData exceeds the size limit (32 KB).");
  const id = newId("i-bp1", 17);
  const encrypted = params.get("SystemDisk.Encrypted") === "true";
  const record: LabRecord = {
    InstanceId: id,
    RegionId: region,
    ZoneId: zone,
    InstanceName: params.get("InstanceName") ?? id,
    HostName: params.get("HostName") ?? `iZ${id.slice(2)}Z`,
    Description: params.get("Description") ?? "",
    ImageId: imageId,
    InstanceType: type.id,
    InstanceTypeFamily: type.family,
    Cpu: type.cpuCoreCount,
    Memory: type.memorySize * 1024,
    OSType: image?.osType ?? "linux",
    OSName: imageId.startsWith("ubuntu") ? "Ubuntu  22.04 64位" : "Alibaba Cloud Linux 3",
    InstanceChargeType: params.get("InstanceChargeType") ?? "PostPaid",
    InternetChargeType: params.get("InternetChargeType") ?? "PayByTraffic",
    InternetMaxBandwidthOut: params.int("InternetMaxBandwidthOut", 0),
    InternetMaxBandwidthIn: params.int("InternetMaxBandwidthIn", 200),
    DeletionProtection: params.bool("DeletionProtection") ?? false,
    CreditSpecification: "",
    SpotStrategy: params.get("SpotStrategy") ?? "NoSpot",
    ResourceGroupId: params.get("ResourceGroupId") ?? "rg-acfmlab0000000",
    VpcAttributes: {
      VpcId: vswitch.VpcId,
      VSwitchId: vswitchId,
      PrivateIpAddress: { IpAddress: [freeAddress(store, vswitch)] },
      NatIpAddress: "",
    },
    SecurityGroupIds: { SecurityGroupId: groups },
    MetadataOptions: {
      HttpTokens: params.get("HttpTokens") ?? "optional",
      HttpEndpoint: params.get("HttpEndpoint") ?? "enabled",
      HttpPutResponseHopLimit: 1,
    },
    UserData: userData,
    RamRoleName: params.get("RamRoleName") ?? "",
    CreationTime: now(),
    StartTime: now(),
    Tags: params.tags(),
    SystemDisk: {
      DiskId: newId("d-bp1", 17),
      Category: disk,
      Size: params.int("SystemDisk.Size", 40),
      Encrypted: encrypted,
      KMSKeyId: encrypted ? (params.get("SystemDisk.KMSKeyId") ?? "") : "",
      PerformanceLevel: disk === "cloud_essd" ? (params.get("SystemDisk.PerformanceLevel") ?? "PL0") : "",
      DiskName: params.get("SystemDisk.DiskName") ?? "",
      Description: params.get("SystemDisk.Description") ?? "",
    },
    NetworkInterfaceId: newId("eni-bp1", 17),
    _clientToken: token,
  };
  startTransition(record, "Status", "Pending", "Running");
  store.create(KINDS.instance, id, record);
  return { InstanceIdSets: { InstanceIdSet: [id] }, TradePrice: 0 };
};

function instanceView(r: LabRecord): Record<string, unknown> {
  const vpc = r.VpcAttributes as InstanceFacts["VpcAttributes"];
  return {
    InstanceId: r.InstanceId,
    RegionId: r.RegionId,
    ZoneId: r.ZoneId,
    Status: settle(r, "Status"),
    InstanceName: r.InstanceName,
    HostName: r.HostName,
    Description: r.Description,
    ImageId: r.ImageId,
    InstanceType: r.InstanceType,
    InstanceTypeFamily: r.InstanceTypeFamily,
    Cpu: r.Cpu,
    Memory: r.Memory,
    OSType: r.OSType,
    OSName: r.OSName,
    InstanceChargeType: r.InstanceChargeType,
    InternetChargeType: r.InternetChargeType,
    InternetMaxBandwidthOut: r.InternetMaxBandwidthOut,
    InternetMaxBandwidthIn: r.InternetMaxBandwidthIn,
    InstanceNetworkType: "vpc",
    IoOptimized: true,
    DeletionProtection: r.DeletionProtection,
    CreditSpecification: r.CreditSpecification,
    SpotStrategy: r.SpotStrategy,
    SpotPriceLimit: 0,
    SpotDuration: 0,
    ResourceGroupId: r.ResourceGroupId,
    CreationTime: r.CreationTime,
    StartTime: r.StartTime,
    ExpiredTime: "2099-12-31T15:59Z",
    AutoReleaseTime: "",
    StoppedMode: r.Status === "Stopped" ? "KeepCharging" : "Not-applicable",
    KeyPairName: "",
    HpcClusterId: "",
    DeploymentSetId: "",
    DeploymentSetGroupNo: 0,
    VpcAttributes: vpc,
    InnerIpAddress: { IpAddress: [] },
    PublicIpAddress: { IpAddress: (r.PublicIpAddress as string[] | undefined) ?? [] },
    EipAddress: r.EipAddress ?? { IpAddress: "", AllocationId: "", InternetChargeType: "" },
    SecurityGroupIds: r.SecurityGroupIds,
    MetadataOptions: r.MetadataOptions,
    NetworkInterfaces: {
      NetworkInterface: [
        {
          NetworkInterfaceId: r.NetworkInterfaceId,
          Type: "Primary",
          PrimaryIpAddress: vpc.PrivateIpAddress.IpAddress[0],
          MacAddress: "00:16:3e:00:00:01",
        },
      ],
    },
    DedicatedHostAttribute: { DedicatedHostId: "", DedicatedHostName: "" },
    AdditionalInfo: { EnableHighDensityMode: false },
    ImageOptions: { LoginAsNonRoot: false },
    CpuOptions: { CoreCount: Math.max(1, Number(r.Cpu) / 2), ThreadsPerCore: 2, TopologyType: "" },
    SpotInterruptionBehavior: "Terminate",
    Tags: tagList(r.Tags),
  };
}

const describeInstances: RpcHandler = ({ params, store }) => {
  const ids = params.json<string[]>("InstanceIds");
  const vswitch = params.get("VSwitchId");
  const vpc = params.get("VpcId");
  const status = params.get("Status");
  // A deleted instance reads "Stopping" once more, then is gone (DeleteInstance's waiter polls for that).
  for (const r of store.list(KINDS.instance))
    if (r._deleting && r.Status !== "Stopping") store.delete(KINDS.instance, String(r.InstanceId));
  const all = store
    .list(KINDS.instance)
    .filter((r) => !ids || ids.includes(String(r.InstanceId)))
    .filter((r) => {
      const attrs = r.VpcAttributes as InstanceFacts["VpcAttributes"];
      return (!vswitch || attrs.VSwitchId === vswitch) && (!vpc || attrs.VpcId === vpc);
    })
    .map(instanceView)
    .filter((v) => !status || v.Status === status);
  for (const r of store.list(KINDS.instance)) if (r._deleting && r.Status === "Stopping") r.Status = "Deleted";
  const size = params.int("PageSize", 10) as number;
  const page = params.int("PageNumber", 1) as number;
  return {
    TotalCount: all.length,
    PageNumber: page,
    PageSize: size,
    NextToken: "",
    Instances: { Instance: all.slice((page - 1) * size, page * size) },
  };
};

const describeInstanceAttribute: RpcHandler = ({ params, store }) => {
  const r = store.must(KINDS.instance, params.required("InstanceId"), notFound);
  const view = instanceView(r);
  return { ...view, EnableJumboFrame: false, VlanId: "", OperationLocks: { LockReason: [] } };
};

const describeDisks: RpcHandler = ({ params, store }) => {
  const instanceId = params.get("InstanceId");
  const diskType = params.get("DiskType");
  const ids = params.json<string[]>("DiskIds");
  const disks = store
    .list(KINDS.instance)
    .filter((r) => !instanceId || r.InstanceId === instanceId)
    .map((r) => ({ r, disk: r.SystemDisk as Record<string, unknown> }))
    .filter(({ disk }) => (!diskType || diskType === "all" || diskType === "system") && (!ids || ids.includes(String(disk.DiskId))))
    .map(({ r, disk }) => ({
      ...disk,
      Type: "system",
      InstanceId: r.InstanceId,
      RegionId: r.RegionId,
      ZoneId: r.ZoneId,
      Status: "In_use",
      Device: "/dev/xvda",
      DeleteWithInstance: true,
      DeleteAutoSnapshot: true,
      EnableAutoSnapshot: true,
      AutoSnapshotPolicyId: "",
      StorageClusterId: "",
      ProvisionedIops: 0,
      BurstingEnabled: false,
      ImageId: r.ImageId,
      Portable: false,
      DiskChargeType: "PostPaid",
      CreationTime: r.CreationTime,
      Tags: { Tag: [] },
    }));
  return { TotalCount: disks.length, PageNumber: 1, PageSize: 10, Disks: { Disk: disks } };
};

/** Private pool options (DescribeInstanceAttachmentAttributes): an instance launched outside any pool. */
const describeInstanceAttachmentAttributes: RpcHandler = ({ params, store }) => {
  const ids = params.json<string[]>("InstanceIds") ?? [];
  const found = store
    .list(KINDS.instance)
    .filter((r) => ids.includes(String(r.InstanceId)))
    .map((r) => ({ InstanceId: r.InstanceId, PrivatePoolOptionsMatchCriteria: "None", PrivatePoolOptionsId: "" }));
  return { TotalCount: found.length, PageNumber: 1, PageSize: 10, Instances: { Instance: found } };
};

const describeUserData: RpcHandler = ({ params, store }) => {
  const r = store.must(KINDS.instance, params.required("InstanceId"), notFound);
  return { InstanceId: r.InstanceId, RegionId: r.RegionId, UserData: r.UserData };
};

const describeNetworkInterfaces: RpcHandler = ({ params, store }) => {
  const ids = params.list("NetworkInterfaceId");
  const instanceId = params.get("InstanceId");
  const sets = store
    .list(KINDS.instance)
    .filter((r) => (ids.length === 0 || ids.includes(String(r.NetworkInterfaceId))) && (!instanceId || r.InstanceId === instanceId))
    .map((r) => {
      const vpc = r.VpcAttributes as InstanceFacts["VpcAttributes"];
      const ip = vpc.PrivateIpAddress.IpAddress[0];
      return {
        NetworkInterfaceId: r.NetworkInterfaceId,
        Type: "Primary",
        Status: "InUse",
        InstanceId: r.InstanceId,
        VpcId: vpc.VpcId,
        VSwitchId: vpc.VSwitchId,
        ZoneId: r.ZoneId,
        PrivateIpAddress: ip,
        MacAddress: "00:16:3e:00:00:01",
        NetworkInterfaceTrafficMode: "Standard",
        QueuePairNumber: 2,
        SourceDestCheck: false,
        SecurityGroupIds: { SecurityGroupId: (r.SecurityGroupIds as { SecurityGroupId: string[] }).SecurityGroupId },
        PrivateIpSets: { PrivateIpSet: [{ PrivateIpAddress: ip, Primary: true }] },
        Ipv6Sets: { Ipv6Set: [] },
        Attachment: { NetworkCardIndex: 0, DeviceIndex: 0, InstanceId: r.InstanceId },
        Tags: { Tag: [] },
      };
    });
  return { TotalCount: sets.length, PageNumber: 1, PageSize: 10, NextToken: "", NetworkInterfaceSets: { NetworkInterfaceSet: sets } };
};

const describeInstanceMaintenanceAttributes: RpcHandler = ({ params, store }) => {
  const ids = params.list("InstanceId");
  const attrs = store
    .list(KINDS.instance)
    .filter((r) => ids.length === 0 || ids.includes(String(r.InstanceId)))
    .map((r) => ({
      InstanceId: r.InstanceId,
      // No window until one is set (ModifyInstanceMaintenanceAttributes). Not confirmed on the real API;
      // read from the provider: maintenance_time is Optional without Computed, so an answer with a window
      // for an instance that never set one would be a difference on every plan of every stack.
      MaintenanceWindows: { MaintenanceWindow: [] },
      ActionOnMaintenance: {
        Value: "AutoRecover",
        DefaultValue: "AutoRecover",
        SupportedValues: { SupportedValue: ["Stop", "AutoRecover", "AutoRedeploy"] },
      },
      NotifyOnMaintenance: false,
    }));
  return { TotalCount: attrs.length, PageNumber: 1, PageSize: 10, MaintenanceAttributes: { MaintenanceAttribute: attrs } };
};

const modifyInstanceAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  const patch: LabRecord = {};
  for (const key of ["InstanceName", "Description", "HostName", "CreditSpecification"])
    if (params.values[key] !== undefined) patch[key] = params.values[key];
  if (params.values.DeletionProtection !== undefined) patch.DeletionProtection = params.bool("DeletionProtection");
  if (params.values.UserData !== undefined) {
    // The API takes new user data only on a stopped instance (ModifyInstanceAttribute reference).
    if (r.Status !== "Stopped")
      throw new ApiError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", 403);
    patch.UserData = params.values.UserData;
  }
  const groups = params.list("SecurityGroupIds");
  if (groups.length > 0) patch.SecurityGroupIds = { SecurityGroupId: groups };
  store.update(KINDS.instance, id, patch);
  return {};
};

const modifyInstanceMetadataOptions: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  const current = r.MetadataOptions as Record<string, unknown>;
  store.update(KINDS.instance, id, {
    MetadataOptions: {
      ...current,
      HttpTokens: params.get("HttpTokens") ?? current.HttpTokens,
      HttpEndpoint: params.get("HttpEndpoint") ?? current.HttpEndpoint,
      HttpPutResponseHopLimit: params.int("HttpPutResponseHopLimit") ?? current.HttpPutResponseHopLimit,
    },
  });
  return {};
};

const modifyInstanceVpcAttribute: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  const vswitch = store.get(KINDS.vswitch, params.required("VSwitchId"));
  const attrs = r.VpcAttributes as InstanceFacts["VpcAttributes"];
  if (!vswitch || (vswitch.VpcId !== attrs.VpcId && !params.get("VpcId"))) {
    throw new ApiError("InvalidVSwitchId.NotFound", "Specified virtual switch is not found in current VPC.", 404);
  }
  if (r.Status !== "Stopped")
    throw new ApiError("IncorrectInstanceStatus", "The current status of instance does not support this operation.");
  if (vswitch.ZoneId !== r.ZoneId)
    throw new ApiError("InvalidVSwitchId.Mismatch", "Specified instance and virtual switch are not in the same zone.");
  const ip = params.get("PrivateIpAddress") ?? freeAddress(store, vswitch);
  store.update(KINDS.instance, id, {
    VpcAttributes: { ...attrs, VpcId: vswitch.VpcId, VSwitchId: vswitch.VSwitchId, PrivateIpAddress: { IpAddress: [ip] } },
  });
  return {};
};

const stopInstance: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  if (r.Status === "Stopped") return {};
  if (settle(r, "Status") !== "Running")
    throw new ApiError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", 403);
  startTransition(r, "Status", "Stopping", "Stopped");
  store.update(KINDS.instance, id, {});
  return {};
};

const startInstance: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  if (settle(r, "Status") !== "Stopped")
    throw new ApiError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", 403);
  startTransition(r, "Status", "Starting", "Running");
  store.update(KINDS.instance, id, { StartTime: now() });
  return {};
};

const deleteInstance: RpcHandler = ({ params, store }) => {
  const id = params.required("InstanceId");
  const r = store.must(KINDS.instance, id, notFound);
  if (r.DeletionProtection === true)
    throw new ApiError("InvalidOperation.DeletionProtection", "The instance is protected from deletion.", 403);
  const status = settle(r, "Status");
  if (status !== "Stopped" && params.get("Force") !== "true") {
    throw new ApiError("IncorrectInstanceStatus", "The current status of the resource does not support this operation.", 403);
  }
  delete r._settle;
  store.update(KINDS.instance, id, { Status: "Stopping", _deleting: true });
  return {};
};

export const instanceActions: Record<string, RpcHandler> = {
  RunInstances: runInstances,
  DescribeInstances: describeInstances,
  DescribeInstanceAttribute: describeInstanceAttribute,
  DescribeDisks: describeDisks,
  DescribeUserData: describeUserData,
  DescribeInstanceAttachmentAttributes: describeInstanceAttachmentAttributes,
  DescribeNetworkInterfaces: describeNetworkInterfaces,
  DescribeInstanceMaintenanceAttributes: describeInstanceMaintenanceAttributes,
  ModifyInstanceAttribute: modifyInstanceAttribute,
  ModifyInstanceMetadataOptions: modifyInstanceMetadataOptions,
  ModifyInstanceVpcAttribute: modifyInstanceVpcAttribute,
  StopInstance: stopInstance,
  StartInstance: startInstance,
  DeleteInstance: deleteInstance,
};
