// Classic load balancer instances (alicloud_slb_load_balancer). Shapes read in
// terraform-provider-alicloud v1.285.0:
// - resource_alicloud_slb_load_balancer.go: CreateLoadBalancer (ClientToken, InternetChargeType sent
//   lower case "paybytraffic", PayType "PayOnDemand"), then a wait for LoadBalancerStatus "active" with
//   no pending states: any other first status fails the wait, so a new instance is active at once, as
//   the real one is. Read takes DescribeLoadBalancerAttribute as a generic map (Bandwidth through
//   formatInt; AddressIPVersion, AddressType, DeleteProtection, InternetChargeType, LoadBalancerName,
//   LoadBalancerSpec, MasterZoneId, SlaveZoneId, ModificationProtection*, PayType, InstanceChargeType,
//   ResourceGroupId, LoadBalancerStatus, VSwitchId) and tags through ListTagResources "instance".
//   Update: SetLoadBalancerStatus, SetLoadBalancerDeleteProtection, SetLoadBalancerName,
//   ModifyLoadBalancerInstanceChargeType, ModifyLoadBalancerInstanceSpec,
//   SetLoadBalancerModificationProtection, ModifyLoadBalancerInternetSpec, ModifyLoadBalancerPayType.
//   Delete: DeleteLoadBalancer, then a wait until InvalidLoadBalancerId.NotFound.
// - service_alicloud_slb.go DescribeSlb: the typed SDK (alibaba-cloud-sdk-go services/slb
//   DescribeLoadBalancerAttributeResponse), ListenerPortsAndProtocol.ListenerPortAndProtocol[] with
//   ListenerPort a number and ListenerProtocol lower case (parseListenerId in
//   resource_alicloud_slb_listener.go compares it with the id's protocol), LoadBalancerSpec (an empty
//   spec refuses a TLS policy change) and BackendServers.BackendServer[] (alicloud_slb_backend_server).
// - PayByCLCU instances report spec "slb.lcu.elastic" (the provider's acceptance test
//   resource_alicloud_slb_load_balancer_test.go, TestAccAliCloudSLBLoadBalancer_basic4).
import { defaultCatalog } from "../../../plan/cloudCatalog";
import { ApiError } from "../../apiError";
import type { RpcHandler } from "../../rpc";
import { LAB_REGION } from "../../settings";
import type { LabRecord, LabStore } from "../../store";
import { unheldPublicAddress } from "../publicAddressHolders";
import { deleteProtectionOn, invalidParameter, loadBalancerNotFound } from "./errors";
import { SLB_KINDS, listenerId, newLoadBalancerId, tagsOf } from "./kinds";
import { tagList } from "./tags";

/** The lab account's default resource group (the shape of real ones: rg-acfm + 11). */
export const DEFAULT_RESOURCE_GROUP = "rg-acfmcloudlab0001";

export function mustLoadBalancer(store: LabStore, id: string | undefined): LabRecord {
  return store.must(SLB_KINDS.loadBalancer, id ?? "", loadBalancerNotFound);
}

/** A "public" address: a loopback one of the lab's own block (publicAddresses.ts), free of load balancers and EIPs. */
function publicAddress(store: LabStore): string {
  const address = unheldPublicAddress(store);
  if (address === undefined) throw new ApiError("OrderFailed", "The Account failed to create order.", 400);
  return address;
}

function intranetAddress(store: LabStore, vswitch: LabRecord): string {
  const [a, b, c] = String(vswitch.CidrBlock ?? "192.168.0.0/24")
    .split("/")[0]
    .split(".");
  const used = new Set(store.list(SLB_KINDS.loadBalancer).map((lb) => lb.Address));
  for (let i = 253; i > 2; i--) if (!used.has(`${a}.${b}.${c}.${i}`)) return `${a}.${b}.${c}.${i}`;
  throw new ApiError("IpNotAvailable", "The specified network type load balancer load balancer .", 400);
}

const createLoadBalancer: RpcHandler = ({ params, store, region }) => {
  const token = params.get("ClientToken");
  const earlier = token ? store.list(SLB_KINDS.loadBalancer).find((lb) => lb._clientToken === token) : undefined;
  if (earlier) return createdAnswer(earlier);

  const chargeType = params.get("InstanceChargeType") ?? "PayBySpec";
  const spec = params.get("LoadBalancerSpec");
  // Shared-performance instances (pay-by-spec without a spec) are no longer sold (the project's
  // reference notes, from the provider's issue tracker: ShareSlbHaltSales; not in the API reference read).
  if (chargeType === "PayBySpec" && !spec)
    throw new ApiError("ShareSlbHaltSales", "The shared-performance load balancer is no longer sold.", 400);
  const addressType = params.get("AddressType") ?? "internet";
  const vswitchId = params.get("VSwitchId");
  const vswitch = vswitchId ? store.get("vpc.vswitch", vswitchId) : undefined;
  if (vswitchId && !vswitch) throw new ApiError("InvalidVSwitchId.NotFound", "The specified VSwitchId does not exist.", 404);
  const zones = defaultCatalog(LAB_REGION).zones.map((z) => z.id);
  const master = params.get("MasterZoneId") ?? (vswitch?.ZoneId as string | undefined) ?? zones[0];
  const slave = params.get("SlaveZoneId") ?? zones.find((z) => z !== master) ?? master;
  const id = newLoadBalancerId();
  const now = new Date();
  const record = store.create(SLB_KINDS.loadBalancer, id, {
    LoadBalancerId: id,
    LoadBalancerName: params.get("LoadBalancerName") ?? "auto_named_slb",
    LoadBalancerStatus: "active",
    RegionId: region,
    RegionIdAlias: region,
    Address: params.get("Address") ?? (addressType === "intranet" && vswitch ? intranetAddress(store, vswitch) : publicAddress(store)),
    AddressType: addressType,
    AddressIPVersion: params.get("AddressIPVersion") ?? "ipv4",
    NetworkType: vswitch ? "vpc" : "classic",
    VpcId: (vswitch?.VpcId as string | undefined) ?? params.get("VpcId") ?? "",
    VSwitchId: vswitchId ?? "",
    InternetChargeType: (params.get("InternetChargeType") ?? "paybytraffic").toLowerCase(),
    Bandwidth: params.int("Bandwidth", 5120),
    PayType: params.get("PayType") ?? "PayOnDemand",
    InstanceChargeType: chargeType,
    LoadBalancerSpec: chargeType === "PayByCLCU" ? "slb.lcu.elastic" : spec,
    MasterZoneId: master,
    SlaveZoneId: slave,
    DeleteProtection: params.get("DeleteProtection") ?? "off",
    ModificationProtectionStatus: params.get("ModificationProtectionStatus") ?? "NonProtection",
    ModificationProtectionReason: params.get("ModificationProtectionReason") ?? "",
    ResourceGroupId: params.get("ResourceGroupId") ?? DEFAULT_RESOURCE_GROUP,
    CreateTime: now.toISOString().replace(/:\d\d\.\d+Z$/, "Z"),
    CreateTimeStamp: now.getTime(),
    BusinessStatus: "Normal",
    BackendServers: { BackendServer: [] },
    Tags: { Tag: tagList(params.tags()) },
    _clientToken: token,
  });
  return createdAnswer(record);
};

/** CreateLoadBalancer's answer (typed SDK CreateLoadBalancerResponse). */
function createdAnswer(lb: LabRecord): Record<string, unknown> {
  const { LoadBalancerId, Address, NetworkType, VpcId, VSwitchId, LoadBalancerName, AddressIPVersion, ResourceGroupId } = lb;
  return { LoadBalancerId, Address, NetworkType, VpcId, VSwitchId, LoadBalancerName, AddressIPVersion, ResourceGroupId };
}

/** The instance without the emulator's bookkeeping (fields starting with "_"). */
function apiFields(lb: LabRecord): LabRecord {
  return Object.fromEntries(Object.entries(lb).filter(([k]) => !k.startsWith("_")));
}

function listenersOf(store: LabStore, lbId: string): LabRecord[] {
  return store
    .list(SLB_KINDS.listener)
    .filter((l) => l.LoadBalancerId === lbId)
    .sort((a, b) => Number(a.ListenerPort) - Number(b.ListenerPort));
}

const describeLoadBalancerAttribute: RpcHandler = ({ params, store }) => {
  const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
  const listeners = listenersOf(store, String(lb.LoadBalancerId));
  const portAndProtocol = listeners.map((l) => ({
    ListenerPort: l.ListenerPort,
    ListenerProtocol: l.ListenerProtocol,
    ...(l.ListenerProtocol === "http"
      ? { ListenerForward: l.ListenerForward, ...(l.ListenerForward === "on" ? { ForwardPort: l.ForwardPort } : {}) }
      : {}),
    Description: l.Description ?? "",
  }));
  return {
    ...apiFields(lb),
    ListenerPorts: { ListenerPort: listeners.map((l) => l.ListenerPort) },
    ListenerPortsAndProtocol: { ListenerPortAndProtocol: portAndProtocol },
    // The older, misspelt list the API still returns beside it (the SDK model has both).
    ListenerPortsAndProtocal: {
      ListenerPortAndProtocal: listeners.map((l) => ({ ListenerPort: l.ListenerPort, ListenerProtocal: l.ListenerProtocol })),
    },
  };
};

const describeLoadBalancers: RpcHandler = ({ params, store }) => {
  const ids = params
    .get("LoadBalancerId")
    ?.split(",")
    .map((s) => s.trim());
  const name = params.get("LoadBalancerName");
  const found = store
    .list(SLB_KINDS.loadBalancer)
    .filter((lb) => (!ids || ids.includes(String(lb.LoadBalancerId))) && (!name || lb.LoadBalancerName === name))
    .filter((lb) => !params.get("AddressType") || lb.AddressType === params.get("AddressType"))
    .filter((lb) => !params.get("VpcId") || lb.VpcId === params.get("VpcId"));
  const size = params.int("PageSize", 50) as number;
  const page = params.int("PageNumber", 1) as number;
  const LoadBalancer = found.slice((page - 1) * size, page * size).map((lb) => {
    const { BackendServers: _servers, ...rest } = apiFields(lb);
    return { ...rest, Tags: { Tag: tagsOf(lb) } };
  });
  return { TotalCount: found.length, PageNumber: page, PageSize: size, LoadBalancers: { LoadBalancer } };
};

const deleteLoadBalancer: RpcHandler = ({ params, store }) => {
  const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
  if (lb.DeleteProtection === "on") throw deleteProtectionOn();
  // "The listeners and tags of the SLB instance are deleted along with the SLB instance"
  // (DeleteLoadBalancer's reference); its VServer groups belong to it and go too.
  for (const l of listenersOf(store, String(lb.LoadBalancerId))) {
    store.delete(SLB_KINDS.listener, listenerId(String(l.LoadBalancerId), String(l.ListenerProtocol), Number(l.ListenerPort)));
  }
  for (const g of store.list(SLB_KINDS.vServerGroup).filter((g) => g.LoadBalancerId === lb.LoadBalancerId)) {
    store.delete(SLB_KINDS.vServerGroup, String(g.VServerGroupId));
  }
  store.delete(SLB_KINDS.loadBalancer, String(lb.LoadBalancerId));
  return {};
};

/** An action that sets fields of the instance from its parameters: `fields` maps parameter → field. */
function setter(fields: Record<string, (value: string) => unknown>, required: readonly string[] = Object.keys(fields)): RpcHandler {
  return ({ params, store }) => {
    const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
    for (const name of required) params.required(name);
    const patch: LabRecord = {};
    for (const [name, convert] of Object.entries(fields)) {
      const value = params.get(name);
      if (value !== undefined) Object.assign(patch, convert(value));
    }
    store.update(SLB_KINDS.loadBalancer, String(lb.LoadBalancerId), patch);
    return {};
  };
}

const onOff = (field: string) => (value: string) => {
  if (value !== "on" && value !== "off") throw invalidParameter(`The specified parameter ${field} is not valid.`);
  return { [field]: value };
};

export const loadBalancerActions: Record<string, RpcHandler> = {
  CreateLoadBalancer: createLoadBalancer,
  DescribeLoadBalancerAttribute: describeLoadBalancerAttribute,
  DescribeLoadBalancers: describeLoadBalancers,
  DeleteLoadBalancer: deleteLoadBalancer,
  SetLoadBalancerName: setter({ LoadBalancerName: (v) => ({ LoadBalancerName: v }) }),
  SetLoadBalancerStatus: setter({
    LoadBalancerStatus: (v) => {
      if (v !== "active" && v !== "inactive") throw invalidParameter("The specified parameter LoadBalancerStatus is not valid.");
      return { LoadBalancerStatus: v };
    },
  }),
  SetLoadBalancerDeleteProtection: setter({ DeleteProtection: onOff("DeleteProtection") }),
  SetLoadBalancerModificationProtection: setter(
    {
      ModificationProtectionStatus: (v) => ({
        ModificationProtectionStatus: v,
        ...(v === "NonProtection" ? { ModificationProtectionReason: "" } : {}),
      }),
      ModificationProtectionReason: (v) => ({ ModificationProtectionReason: v }),
    },
    ["ModificationProtectionStatus"],
  ),
  ModifyLoadBalancerInstanceChargeType: setter(
    {
      InstanceChargeType: (v) => ({ InstanceChargeType: v, ...(v === "PayByCLCU" ? { LoadBalancerSpec: "slb.lcu.elastic" } : {}) }),
      LoadBalancerSpec: (v) => ({ LoadBalancerSpec: v }),
    },
    ["InstanceChargeType"],
  ),
  ModifyLoadBalancerInstanceSpec: setter({ LoadBalancerSpec: (v) => ({ LoadBalancerSpec: v }) }),
  ModifyLoadBalancerInternetSpec: setter(
    { InternetChargeType: (v) => ({ InternetChargeType: v.toLowerCase() }), Bandwidth: (v) => ({ Bandwidth: Number(v) }) },
    [],
  ),
  ModifyLoadBalancerPayType: setter({ PayType: (v) => ({ PayType: v }) }),
};
