// VServer groups and their backends (alicloud_slb_server_group, alicloud_slb_server_group_server_attachment),
// and the default group of an instance (alicloud_slb_backend_server). Read in
// terraform-provider-alicloud v1.285.0:
// - resource_alicloud_slb_server_group.go: CreateVServerGroup (typed SDK, Tag.N.Key/Value), the id
//   from VServerGroupId; Read DescribeVServerGroupAttribute (typed: LoadBalancerId, VServerGroupName,
//   BackendServers.BackendServer[].{ServerId, Port, Weight, Type} as numbers where the SDK says int)
//   and ListTagResources "vservergroup"; Update SetVServerGroupAttribute (name; weights of servers it
//   keeps), Add/RemoveVServerGroupBackendServers; Delete DeleteVServerGroup, retried for 5 minutes on
//   RspoolVipExist, "The specified VServerGroupId does not exist"/InvalidParameter taken as gone.
// - resource_alicloud_slb_server_group_server_attachment.go: AddVServerGroupBackendServers with one
//   server, id "<group>:<server>:<port>"; read through DescribeVServerGroupAttribute
//   (service_alicloud_slb.go DescribeSlbServerGroupServerAttachment: a generic map,
//   $.BackendServers.BackendServer[] matched on ServerId and Port, formatInt on Port and Weight);
//   RemoveVServerGroupBackendServers on delete, where a not-found error counts as done.
// - resource_alicloud_slb_backend_server.go: AddBackendServers (id = its LoadBalancerId),
//   RemoveBackendServers, SetBackendServers; read from DescribeLoadBalancerAttribute's BackendServers.
// Answers: alibaba-cloud-sdk-go services/slb *Response structs of these actions.
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import type { LabRecord, LabStore } from "../../store";
import { apiTime } from "../cas/certificateFacts";
import { backendServers } from "./backendServers";
import { resolveBackends } from "./backends";
import { invalidParameter, vServerGroupInUse, vServerGroupNotFound } from "./errors";
import { SLB_KINDS, newVServerGroupId, serversOf, type VServerGroupServer } from "./kinds";
import { mustLoadBalancer } from "./loadBalancers";
import { tagList } from "./tags";

function mustGroup(store: LabStore, params: Params): LabRecord {
  return store.must(SLB_KINDS.vServerGroup, params.required("VServerGroupId"), vServerGroupNotFound);
}

const key = (s: { ServerId: string; Port?: number }): string => `${s.ServerId}:${s.Port}`;

/** The group's servers from a BackendServers parameter: every one needs a port in 1-65535. */
function groupServers(store: LabStore, group: LabRecord, params: Params): VServerGroupServer[] {
  const inputs = backendServers(params);
  for (const s of inputs) {
    if (s.Port === undefined || s.Port < 1 || s.Port > 65535) {
      throw invalidParameter("The specified BackendServers is invalid, as the Port value should be in [1, 65535].");
    }
  }
  const lb = mustLoadBalancer(store, String(group.LoadBalancerId));
  return resolveBackends(store, lb, inputs).map((b, i) => ({ ...b, Port: inputs[i]?.Port as number }));
}

function answer(group: LabRecord): Record<string, unknown> {
  return { VServerGroupId: group.VServerGroupId, BackendServers: { BackendServer: serversOf(group) } };
}

function setServers(store: LabStore, group: LabRecord, servers: VServerGroupServer[]): LabRecord {
  return store.update(SLB_KINDS.vServerGroup, String(group.VServerGroupId), { BackendServers: { BackendServer: servers } });
}

const createVServerGroup: RpcHandler = ({ params, store }) => {
  const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
  const id = newVServerGroupId();
  const group = store.create(SLB_KINDS.vServerGroup, id, {
    VServerGroupId: id,
    VServerGroupName: params.get("VServerGroupName") ?? "",
    LoadBalancerId: lb.LoadBalancerId,
    CreateTime: apiTime(new Date()),
    BackendServers: { BackendServer: [] },
    Tags: { Tag: tagList(params.tags()) },
  });
  if (params.get("BackendServers")) setServers(store, group, groupServers(store, group, params));
  return answer(group);
};

const describeVServerGroupAttribute: RpcHandler = ({ params, store }) => {
  const group = mustGroup(store, params);
  const { VServerGroupId, VServerGroupName, LoadBalancerId, CreateTime, BackendServers, Tags } = group;
  return { VServerGroupId, VServerGroupName, LoadBalancerId, CreateTime, BackendServers, Tags };
};

const setVServerGroupAttribute: RpcHandler = ({ params, store }) => {
  const group = mustGroup(store, params);
  const name = params.get("VServerGroupName");
  if (name !== undefined) store.update(SLB_KINDS.vServerGroup, String(group.VServerGroupId), { VServerGroupName: name });
  if (params.get("BackendServers")) {
    // Only the weights (and descriptions) of servers the group holds change (the API reference).
    const changes = new Map(backendServers(params).map((s) => [key(s), s]));
    const servers = serversOf(group).map((s) => {
      const c = changes.get(key(s));
      return c ? { ...s, Weight: c.Weight ?? s.Weight, Description: c.Description ?? s.Description } : s;
    });
    setServers(store, group, servers);
  }
  return { ...answer(group), VServerGroupName: group.VServerGroupName };
};

const addVServerGroupBackendServers: RpcHandler = ({ params, store }) => {
  const group = mustGroup(store, params);
  const added = groupServers(store, group, params);
  const addedKeys = new Set(added.map(key));
  // The same server and port again replaces the entry (its weight): not an error here (not confirmed).
  setServers(store, group, [...serversOf(group).filter((s) => !addedKeys.has(key(s))), ...added]);
  return answer(group);
};

const removeVServerGroupBackendServers: RpcHandler = ({ params, store }) => {
  const group = mustGroup(store, params);
  const removed = new Set(backendServers(params).map(key));
  setServers(
    store,
    group,
    serversOf(group).filter((s) => !removed.has(key(s))),
  );
  return answer(group);
};

const deleteVServerGroup: RpcHandler = ({ params, store }) => {
  const group = mustGroup(store, params);
  const id = String(group.VServerGroupId);
  if (store.list(SLB_KINDS.listener).some((l) => l.VServerGroupId === id)) throw vServerGroupInUse();
  store.delete(SLB_KINDS.vServerGroup, id);
  return {};
};

/** The default server group of an instance: BackendServers of DescribeLoadBalancerAttribute. */
type DefaultServer = Omit<VServerGroupServer, "Port">;

function defaultGroupAction(
  change: (current: DefaultServer[], given: DefaultServer[], ids: Set<string>) => DefaultServer[],
  resolve: boolean,
): RpcHandler {
  return ({ params, store }) => {
    const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
    const inputs = backendServers(params);
    const given: DefaultServer[] = resolve
      ? resolveBackends(store, lb, inputs)
      : inputs.map((s) => ({ ServerId: s.ServerId, Weight: s.Weight ?? 100, Type: s.Type ?? "ecs", Description: s.Description ?? "" }));
    const current = serversOf(lb) as unknown as DefaultServer[];
    const servers = change(current, given, new Set(given.map((s) => s.ServerId)));
    store.update(SLB_KINDS.loadBalancer, String(lb.LoadBalancerId), { BackendServers: { BackendServer: servers } });
    return { LoadBalancerId: lb.LoadBalancerId, BackendServers: { BackendServer: servers } };
  };
}

export const serverGroupActions: Record<string, RpcHandler> = {
  CreateVServerGroup: createVServerGroup,
  DescribeVServerGroupAttribute: describeVServerGroupAttribute,
  SetVServerGroupAttribute: setVServerGroupAttribute,
  DeleteVServerGroup: deleteVServerGroup,
  AddVServerGroupBackendServers: addVServerGroupBackendServers,
  RemoveVServerGroupBackendServers: removeVServerGroupBackendServers,
  AddBackendServers: defaultGroupAction((current, given, ids) => [...current.filter((s) => !ids.has(s.ServerId)), ...given], true),
  RemoveBackendServers: defaultGroupAction((current, _given, ids) => current.filter((s) => !ids.has(s.ServerId)), false),
  // Weights of servers the instance holds (SetBackendServers' reference).
  SetBackendServers: defaultGroupAction(
    (current, given) => current.map((s) => ({ ...s, Weight: given.find((g) => g.ServerId === s.ServerId)?.Weight ?? s.Weight })),
    false,
  ),
};
