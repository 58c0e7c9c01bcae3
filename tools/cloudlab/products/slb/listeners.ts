// HTTP and HTTPS listeners (alicloud_slb_listener). Read in terraform-provider-alicloud v1.285.0
// alicloud/resource_alicloud_slb_listener.go and service_alicloud_slb.go:
// - Create: CreateLoadBalancer{HTTP,HTTPS}Listener through a CommonRequest (query parameters), then a
//   wait for Status "stopped", StartLoadBalancerListener, a wait for "running" (WaitForSlbListener:
//   5 s between reads, any other status just waits), then Update, which sends
//   SetLoadBalancer{HTTP,HTTPS}ListenerAttribute with what changed (TLSCipherPolicy, EnableHttp2 and
//   the X-Forwarded-For switches are only ever set there). A forward (redirect) listener is created
//   with ListenerForward=on, ForwardPort, StickySession=off, HealthCheck=off and is not updated.
// - Read: DescribeLoadBalancer{HTTP,HTTPS}ListenerAttribute as a generic map through encoding/json,
//   type-asserting float64 on ListenerPort, BackendServerPort, Bandwidth, the health check numbers,
//   IdleTimeout, RequestTimeout, CookieTimeout, ForwardPort (a string there panics the plugin) and
//   string on the rest; AclIds must be an object. A listener that is gone answers the error whose
//   message contains "The specified resource does not exist" (DescribeSlbListener).
// - Delete: DeleteLoadBalancerListener, then a wait for that not-found error.
// Field names and types: alibaba-cloud-sdk-go services/slb DescribeLoadBalancerHTTPSListenerAttributeResponse
// and DescribeLoadBalancerHTTPListenerAttributeResponse. Defaults: the API reference of
// CreateLoadBalancerHTTPSListener (Scheduler wrr, StickySession off, HealthCheck on, Gzip on,
// IdleTimeout 15, RequestTimeout 60, thresholds 3/3, timeout 5, interval 2, XForwardedFor on,
// EnableHttp2 on, TLSCipherPolicy tls_cipher_policy_1_0).
// A forward listener describes only its forwarding: the provider's acceptance test of one
// (resource_alicloud_slb_listener_test.go, "listener_forward") finds bandwidth, gzip, health_check,
// sticky_session, idle_timeout and request_timeout unset after a read, so the real answer has none of them.
import { ApiError } from "../../apiError";
import type { Params } from "../../params";
import type { RpcHandler } from "../../rpc";
import { settle, startTransition, type LabRecord, type LabStore } from "../../store";
import { invalidParameter, listenerExists, listenerNotFound, vServerGroupNotFound } from "./errors";
import { SLB_KINDS, listenerId } from "./kinds";
import { mustLoadBalancer } from "./loadBalancers";

type Protocol = "http" | "https";

interface Attribute {
  readonly type: "int" | "string";
  readonly fallback?: string | number;
  readonly values?: readonly string[];
  readonly httpsOnly?: boolean;
}

const ON_OFF = ["on", "off"] as const;
const onOff = (fallback: "on" | "off"): Attribute => ({ type: "string", fallback, values: ON_OFF });
const int = (fallback?: number): Attribute => ({ type: "int", fallback });
const str = (fallback?: string, values?: readonly string[]): Attribute => ({ type: "string", fallback, values });

/** The five policies a CLB listener takes (the provider's ValidateFunc; CreateLoadBalancerHTTPSListener's reference). */
export const TLS_CIPHER_POLICIES = [
  "tls_cipher_policy_1_0",
  "tls_cipher_policy_1_1",
  "tls_cipher_policy_1_2",
  "tls_cipher_policy_1_2_strict",
  "tls_cipher_policy_1_2_strict_with_1_3",
] as const;

/** Parameter (= response field) → how it is read, its default, and the values the API takes. */
const ATTRIBUTES: Readonly<Record<string, Attribute>> = {
  BackendServerPort: int(),
  Bandwidth: int(-1),
  Scheduler: str("wrr", ["wrr", "wlc", "rr", "sch", "tch", "qch"]),
  VServerGroupId: str(),
  AclStatus: onOff("off"),
  AclType: str(undefined, ["white", "black"]),
  AclId: str(),
  Description: str(""),
  StickySession: onOff("off"),
  StickySessionType: str(undefined, ["insert", "server"]),
  CookieTimeout: int(),
  Cookie: str(),
  HealthCheck: onOff("on"),
  HealthCheckURI: str("/"),
  HealthCheckDomain: str(""),
  HealthCheckConnectPort: int(),
  HealthyThreshold: int(3),
  UnhealthyThreshold: int(3),
  HealthCheckTimeout: int(5),
  HealthCheckInterval: int(2),
  HealthCheckHttpCode: str("http_2xx"),
  HealthCheckMethod: str("head", ["head", "get"]),
  Gzip: onOff("on"),
  IdleTimeout: int(15),
  RequestTimeout: int(60),
  XForwardedFor: onOff("on"),
  XForwardedFor_SLBIP: onOff("off"),
  XForwardedFor_SLBID: onOff("off"),
  XForwardedFor_proto: onOff("off"),
  XForwardedFor_SLBPORT: onOff("off"),
  XForwardedFor_ClientSrcPort: onOff("off"),
  ServerCertificateId: { ...str(), httpsOnly: true },
  CACertificateId: { ...str(), httpsOnly: true },
  EnableHttp2: { ...onOff("on"), httpsOnly: true },
  TLSCipherPolicy: { ...str("tls_cipher_policy_1_0", TLS_CIPHER_POLICIES), httpsOnly: true },
};

/** What a forward listener answers besides its identity (see the header). */
const FORWARD_FIELDS = ["ListenerForward", "ForwardPort", "Description", "AclStatus", "AclType", "AclId"] as const;

function readAttributes(params: Params, protocol: Protocol, withDefaults: boolean): LabRecord {
  const out: LabRecord = {};
  for (const [name, attr] of Object.entries(ATTRIBUTES)) {
    if (attr.httpsOnly && protocol !== "https") continue;
    // Set*ListenerAttribute also takes the TCP spelling of the health check timeout (the provider sends both).
    const source = params.get(name) === undefined && name === "HealthCheckTimeout" ? "HealthCheckConnectTimeout" : name;
    const raw = params.get(source);
    if (raw === undefined) {
      if (withDefaults && attr.fallback !== undefined) out[name] = attr.fallback;
      continue;
    }
    if (attr.values && !attr.values.includes(raw)) throw invalidParameter(`The specified parameter ${name} is not valid.`);
    out[name] = attr.type === "int" ? params.int(source) : raw;
  }
  return out;
}

function listenerOf(store: LabStore, lbId: string, protocol: string, port: number): LabRecord | undefined {
  return store.get(SLB_KINDS.listener, listenerId(lbId, protocol, port));
}

function portOf(params: Params): number {
  const port = params.int("ListenerPort");
  if (port === undefined || port < 1 || port > 65535) throw invalidParameter("The specified port is not valid.");
  return port;
}

/** The certificate must be one of the account's server certificates in this region. */
function checkCertificate(store: LabStore, id: string | undefined): void {
  if (id === undefined) throw invalidParameter("The specified parameter ServerCertificateId is empty.");
  // An SSL Certificates Service id is refused here too: it must be uploaded first (the project's
  // reference notes: "ServerCertificateId is not Support"; the common error codes list the message).
  if (!store.get(SLB_KINDS.serverCertificate, id)) throw invalidParameter("The specified parameter ServerCertificateId is not Support.");
}

function checkGroup(store: LabStore, lbId: string, groupId: string | undefined): void {
  if (groupId === undefined) return;
  const group = store.get(SLB_KINDS.vServerGroup, groupId);
  if (!group || group.LoadBalancerId !== lbId) throw vServerGroupNotFound();
}

function createListener(protocol: Protocol): RpcHandler {
  return ({ params, store }) => {
    const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
    const lbId = String(lb.LoadBalancerId);
    const port = portOf(params);
    const taken = store
      .list(SLB_KINDS.listener)
      .some((l) => l.LoadBalancerId === lbId && l.ListenerPort === port && l.ListenerProtocol !== "udp");
    if (taken) throw listenerExists();
    const forward = protocol === "http" && params.get("ListenerForward") === "on";
    let fields: LabRecord;
    if (forward) {
      const forwardPort = params.int("ForwardPort");
      // The target must be an HTTPS listener of the same instance (CreateLoadBalancerHTTPListener's reference).
      if (forwardPort === undefined || !listenerOf(store, lbId, "https", forwardPort)) {
        throw new ApiError("ListenerNotFound", "You have not created a listener for the specified port of the load balancer.", 404);
      }
      fields = {
        ListenerForward: "on",
        ForwardPort: forwardPort,
        Description: params.get("Description") ?? "",
        AclStatus: params.get("AclStatus") ?? "off",
      };
    } else {
      fields = readAttributes(params, protocol, true);
      if (protocol === "https") checkCertificate(store, params.get("ServerCertificateId"));
      if (protocol === "http") fields.ListenerForward = "off";
      checkGroup(store, lbId, params.get("VServerGroupId"));
      if (fields.BackendServerPort === undefined && fields.VServerGroupId === undefined) {
        throw new ApiError("MissingParameter", "The combination of some parameters violates the spec.", 400);
      }
      if (fields.StickySession === "on" && !fields.StickySessionType)
        throw invalidParameter("The specified parameter StickySessionType is not valid.");
    }
    store.create(SLB_KINDS.listener, listenerId(lbId, protocol, port), {
      LoadBalancerId: lbId,
      ListenerPort: port,
      ListenerProtocol: protocol,
      // A new listener is stopped until StartLoadBalancerListener (the reference's Status values:
      // starting | running | configuring | stopping | stopped).
      Status: "stopped",
      ...fields,
    });
    return {};
  };
}

function mustListener(store: LabStore, params: Params, protocol?: string): LabRecord {
  const lb = mustLoadBalancer(store, params.required("LoadBalancerId"));
  const port = portOf(params);
  const wanted = protocol ?? params.get("ListenerProtocol");
  const found = store
    .list(SLB_KINDS.listener)
    .filter((l) => l.LoadBalancerId === lb.LoadBalancerId && l.ListenerPort === port && (!wanted || l.ListenerProtocol === wanted));
  if (found.length !== 1) throw listenerNotFound();
  return found[0] as LabRecord;
}

function idOf(listener: LabRecord): string {
  return listenerId(String(listener.LoadBalancerId), String(listener.ListenerProtocol), Number(listener.ListenerPort));
}

function describeListener(protocol: Protocol): RpcHandler {
  return ({ params, store }) => {
    const listener = mustListener(store, params, protocol);
    settle(listener, "Status");
    const base = { LoadBalancerId: listener.LoadBalancerId, ListenerPort: listener.ListenerPort, Status: listener.Status };
    if (listener.ListenerForward === "on") {
      return { ...base, ...Object.fromEntries(FORWARD_FIELDS.filter((f) => listener[f] !== undefined).map((f) => [f, listener[f]])) };
    }
    const attributes = Object.fromEntries(
      Object.keys(ATTRIBUTES)
        .filter((k) => listener[k] !== undefined)
        .map((k) => [k, listener[k]]),
    );
    return {
      ...base,
      ...attributes,
      ...(protocol === "http" ? { ListenerForward: "off" } : {}),
      ...(listener.AclId ? { AclIds: { AclId: String(listener.AclId).split(",") } } : {}),
      SecurityStatus: "off",
    };
  };
}

function setListenerAttribute(protocol: Protocol): RpcHandler {
  return ({ params, store }) => {
    const listener = mustListener(store, params, protocol);
    if (listener.ListenerForward === "on") {
      // A redirecting listener takes no attributes (the project's reference notes quote the message;
      // the code is the common error list's for an action that is not supported: not confirmed).
      throw new ApiError("UnsupportedOperation", "The HTTP listener does not support this action", 400);
    }
    const lbId = String(listener.LoadBalancerId);
    const patch = readAttributes(params, protocol, false);
    if (params.get("VServerGroup") === "off") patch.VServerGroupId = undefined;
    else checkGroup(store, lbId, params.get("VServerGroupId"));
    if (protocol === "https" && params.get("ServerCertificateId") !== undefined) checkCertificate(store, params.get("ServerCertificateId"));
    if (patch.TLSCipherPolicy !== undefined && !mustLoadBalancer(store, lbId).LoadBalancerSpec) {
      // A shared-performance instance takes no policy (the project's reference notes).
      throw new ApiError("InvalidParameter.SpecNotSupport", "The specified load balancer spec does not support this operation.", 400);
    }
    store.update(SLB_KINDS.listener, idOf(listener), patch);
    return {};
  };
}

/** Start or stop: the transitional status for one read, then the final one (the waiter polls for it). */
function switchListener(transitional: string, final: string): RpcHandler {
  return ({ params, store }) => {
    const listener = mustListener(store, params);
    if (listener.Status !== final) startTransition(listener, "Status", transitional, final);
    store.update(SLB_KINDS.listener, idOf(listener), {});
    return {};
  };
}

const deleteListener: RpcHandler = ({ params, store }) => {
  const listener = mustListener(store, params);
  store.delete(SLB_KINDS.listener, idOf(listener));
  return {};
};

export const listenerActions: Record<string, RpcHandler> = {
  CreateLoadBalancerHTTPListener: createListener("http"),
  CreateLoadBalancerHTTPSListener: createListener("https"),
  DescribeLoadBalancerHTTPListenerAttribute: describeListener("http"),
  DescribeLoadBalancerHTTPSListenerAttribute: describeListener("https"),
  SetLoadBalancerHTTPListenerAttribute: setListenerAttribute("http"),
  SetLoadBalancerHTTPSListenerAttribute: setListenerAttribute("https"),
  StartLoadBalancerListener: switchListener("starting", "running"),
  StopLoadBalancerListener: switchListener("stopping", "stopped"),
  DeleteLoadBalancerListener: deleteListener,
};
