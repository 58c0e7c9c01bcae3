// Container Registry Enterprise Edition (API version 2018-12-01): the instance a stack pulls its
// image from (the harness seeds it: seedRegistryInstance) and the VPCs linked to its VPC endpoint.
// Shapes read in terraform-provider-alicloud v1.285.0:
// - alicloud/resource_alicloud_cr_vpc_endpoint_linked_vpc.go: CreateInstanceVpcEndpointLinkedVpc
//   (InstanceId, VpcId, VswitchId, ModuleName, EnableCreateDNSRecordInPvzt), failed when the answer's
//   IsSuccess is false; id `<InstanceId>:<VpcId>:<VswitchId>:<ModuleName>`; then it polls until the
//   link's Status is RUNNING. Delete is DeleteInstanceVpcEndpointLinkedVpc, done on a not-found or
//   INSTANCE_ACCESS_NOT_EXIST, then it polls until the link is gone.
// - alicloud/service_alicloud_cr.go DescribeCrVpcEndpointLinkedVpc: GetInstanceVpcEndpoint
//   (InstanceId, ModuleName), `$.LinkedVpcs[]` matched on VpcId and VswitchId; an empty list or no
//   match is not-found.
// The Go SDK the provider vendors (alibaba-cloud-sdk-go services/cr_ee): GetInstanceVpcEndpoint
// {IsSuccess, Code, Enable, Domains: string[], LinkedVpcs[] {Ip, VswitchId, VpcId, Status,
// DefaultAccess}}, ListInstanceEndpoint {Endpoints[] {EndpointType, Enable, AclEnable, Status,
// Domains[] {Domain, Type}, LinkedVpcs[], AclEntries[]}}, GetInstance {InstanceId, InstanceName,
// InstanceSpecification, InstanceStatus, CreateTime and ModifiedTime as numbers (ms)}. The API
// reference (GetInstanceVpcEndpoint): a link's Status is CREATING or RUNNING; every answer carries
// Code "success" and IsSuccess true.
// Unconfirmed: the HTTP status of INSTANCE_NOT_EXIST and INSTANCE_ACCESS_NOT_EXIST (404 here; the
// provider accepts either form, an error or IsSuccess false); the code for linking a VPC twice (a
// CloudLab code here); a deleted link is gone at once (no DELETING status is documented).
import { ApiError, notFound } from "../apiError";
import type { RpcHandler, RpcProduct } from "../rpc";
import { newId, settle, startTransition, type LabRecord, type LabStore } from "../store";
import { KINDS } from "./ecs/kinds";

export const CR_KINDS = {
  instance: "cr.instance",
  /** A VPC linked to an instance's VPC endpoint, by `<InstanceId>:<VpcId>:<VswitchId>:<ModuleName>`. */
  linkedVpc: "cr.vpcEndpointLinkedVpc",
} as const;

const OK = { Code: "success", IsSuccess: true };
const MODULES = ["Registry", "Chart"];

/** An ACR Enterprise instance in the lab account, RUNNING, as a stack with `appImage` on ACR needs. */
export function seedRegistryInstance(store: LabStore, name = "lab-registry"): string {
  const id = newId("cri-", 16);
  const now = Date.now();
  store.create(CR_KINDS.instance, id, {
    InstanceId: id,
    InstanceName: name,
    InstanceSpecification: "Enterprise_Basic",
    InstanceStatus: "RUNNING",
    RegionId: store.region,
    CreateTime: now,
    ModifiedTime: now,
  });
  return id;
}

function mustInstance(store: LabStore, id: string): LabRecord {
  return store.must(CR_KINDS.instance, id, () => notFound("INSTANCE_NOT_EXIST", `The instance ${id} does not exist.`));
}

function moduleName(value: string): string {
  if (!MODULES.includes(value)) throw new ApiError("PARAM_INVALID", `ModuleName must be Registry or Chart, not ${value}.`);
  return value;
}

function linkKey(instanceId: string, vpcId: string, vswitchId: string, module: string): string {
  return `${instanceId}:${vpcId}:${vswitchId}:${module}`;
}

function links(store: LabStore, instanceId: string, module: string): Record<string, unknown>[] {
  return store
    .list(CR_KINDS.linkedVpc)
    .filter((l) => l.InstanceId === instanceId && l.ModuleName === module)
    .map((l) => ({ VpcId: l.VpcId, VswitchId: l.VswitchId, Ip: l.Ip, DefaultAccess: l.DefaultAccess, Status: settle(l, "Status") }));
}

/** The endpoint's private address: one in the vSwitch's block when the lab holds the vSwitch. */
function endpointIp(store: LabStore, vswitchId: string, index: number): string {
  const cidr = String(store.get(KINDS.vswitch, vswitchId)?.CidrBlock ?? "192.168.0.0/24");
  const [a, b, c] = cidr.split("/")[0].split(".");
  return `${a}.${b}.${c}.${200 + (index % 50)}`;
}

function domains(instance: LabRecord, module: string, region: string): string[] {
  const suffix = module === "Chart" ? "chart" : "registry";
  return [`${String(instance.InstanceName)}-${suffix}-vpc.${region}.cr.aliyuncs.com`];
}

const createLinkedVpc: RpcHandler = ({ params, store }) => {
  const instance = mustInstance(store, params.required("InstanceId"));
  const module = moduleName(params.required("ModuleName"));
  const vpcId = params.required("VpcId");
  const vswitchId = params.required("VswitchId");
  const key = linkKey(String(instance.InstanceId), vpcId, vswitchId, module);
  if (store.get(CR_KINDS.linkedVpc, key))
    throw new ApiError(
      "CloudLab.Unconfirmed.LinkedVpcExists",
      `VPC ${vpcId} is linked already (the service's code is not documented).`,
      409,
    );
  const record: LabRecord = {
    InstanceId: instance.InstanceId,
    ModuleName: module,
    VpcId: vpcId,
    VswitchId: vswitchId,
    Ip: endpointIp(store, vswitchId, store.list(CR_KINDS.linkedVpc).length),
    DefaultAccess: false,
    EnableCreateDNSRecordInPvzt: params.bool("EnableCreateDNSRecordInPvzt") === true,
  };
  startTransition(record, "Status", "CREATING", "RUNNING");
  store.create(CR_KINDS.linkedVpc, key, record);
  return { ...OK };
};

const getInstanceVpcEndpoint: RpcHandler = ({ params, store, region }) => {
  const instance = mustInstance(store, params.required("InstanceId"));
  const module = moduleName(params.required("ModuleName"));
  return { ...OK, Enable: true, Domains: domains(instance, module, region), LinkedVpcs: links(store, String(instance.InstanceId), module) };
};

const listInstanceEndpoint: RpcHandler = ({ params, store, region }) => {
  const instance = mustInstance(store, params.required("InstanceId"));
  const module = moduleName(params.get("ModuleName") ?? "Registry");
  const vpcDomains = domains(instance, module, region).map((Domain) => ({ Domain, Type: "SYSTEM" }));
  return {
    ...OK,
    Endpoints: [
      { EndpointType: "internet", Enable: false, AclEnable: true, Status: "DISABLED", Domains: [], LinkedVpcs: [], AclEntries: [] },
      {
        EndpointType: "vpc",
        Enable: true,
        AclEnable: true,
        Status: "RUNNING",
        Domains: vpcDomains,
        LinkedVpcs: links(store, String(instance.InstanceId), module),
        AclEntries: [],
      },
    ],
  };
};

const deleteLinkedVpc: RpcHandler = ({ params, store }) => {
  const instance = mustInstance(store, params.required("InstanceId"));
  const key = linkKey(
    String(instance.InstanceId),
    params.required("VpcId"),
    params.required("VswitchId"),
    moduleName(params.required("ModuleName")),
  );
  store.must(CR_KINDS.linkedVpc, key, () => notFound("INSTANCE_ACCESS_NOT_EXIST", "The VPC is not linked to the instance's endpoint."));
  store.delete(CR_KINDS.linkedVpc, key);
  return { ...OK };
};

const getInstance: RpcHandler = ({ params, store }) => {
  const { _settle, ...instance } = mustInstance(store, params.required("InstanceId"));
  return { ...OK, ...instance };
};

export const cr: RpcProduct = {
  name: "cr",
  versions: ["2018-12-01"],
  actions: {
    CreateInstanceVpcEndpointLinkedVpc: createLinkedVpc,
    GetInstanceVpcEndpoint: getInstanceVpcEndpoint,
    ListInstanceEndpoint: listInstanceEndpoint,
    DeleteInstanceVpcEndpointLinkedVpc: deleteLinkedVpc,
    GetInstance: getInstance,
  },
};
