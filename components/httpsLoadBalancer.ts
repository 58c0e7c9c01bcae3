import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as command from "@pulumi/command";
import { pauseCommand } from "../lib/localCommand";
import { NAME_RULES, fitName } from "../lib/names";
import { HTTPS_PORT, HTTP_PORT, LISTENER_IDLE_TIMEOUT_SECONDS, NGINX_PORT, type TlsPolicy } from "../lib/constants";

export interface HttpsLoadBalancerArgs {
  /** ServerCertificate id for the HTTPS listener. */
  readonly certificateId: pulumi.Input<string>;
  /** TLS policy of the HTTPS listener; TLS 1.2+ only. */
  readonly tlsPolicy: TlsPolicy;
  /** Backend instance ids to attach, one attachment each. */
  readonly backendInstanceIds: pulumi.Input<string>[];
  /** Per backend, what must have succeeded before it is attached (its readiness check); default nothing. */
  readonly backendReady?: readonly pulumi.Resource[][];
  /** Port nginx serves on, on each instance; default 80. */
  readonly backendPort?: number;
  /** Path of the HTTP health check; must answer 2xx (and HEAD, CLB's default method). */
  readonly healthPath: string;
  /** Turn on the load balancer's delete protection and protect it in Pulumi; default false. */
  readonly protect?: boolean;
  /** Tags for the load balancer; default none. */
  readonly tags?: Record<string, string>;
  /** Prefix of the physical names (load balancer, server group); default the component's name. A name
   *  too long for its resource is shortened with a hash (lib/names.ts), one that fits is kept as is. */
  readonly namePrefix?: string;
}

/** The HTTPS listener's health check; also how long a new backend takes to be found healthy. */
export const HEALTH_CHECK = { intervalSeconds: 5, timeoutSeconds: 5, healthyThreshold: 2, unhealthyThreshold: 3 } as const;

/**
 * How long after attaching a backend CLB can have seen it answer `healthyThreshold` checks in a row,
 * with one interval of slack: the wait before anything old is detached.
 */
export function healthSettleSeconds(check: typeof HEALTH_CHECK = HEALTH_CHECK): number {
  return (check.healthyThreshold + 1) * check.intervalSeconds + check.timeoutSeconds;
}

/**
 * A classic load balancer (CLB) on the internet: HTTPS on 443 under a TLS 1.2+ policy with HTTP/2,
 * forwarding plain HTTP to the instances' nginx; HTTP on 80 answering with a redirect to HTTPS.
 */
export class HttpsLoadBalancer extends pulumi.ComponentResource {
  readonly loadBalancerId: pulumi.Output<string>;
  /** Public IPv4 address; the DNS A record points here. */
  readonly address: pulumi.Output<string>;
  readonly httpsListenerId: pulumi.Output<string>;
  readonly redirectListenerId: pulumi.Output<string>;
  /** The VServer group the HTTPS listener forwards to. */
  readonly serverGroupId: pulumi.Output<string>;
  /** One id per backend attachment, in instance order. */
  readonly attachmentIds: pulumi.Output<string>[];
  /** The listeners and the wait for new backends' health: in place once the endpoint serves. */
  readonly serving: pulumi.Resource[];

  constructor(name: string, args: HttpsLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:lb:HttpsLoadBalancer", name, {}, opts);
    if (args.backendInstanceIds.length === 0) {
      throw new Error(`HttpsLoadBalancer ${name}: backendInstanceIds is empty; attach at least one instance`);
    }
    if (args.backendReady && args.backendReady.length !== args.backendInstanceIds.length) {
      throw new Error(
        `HttpsLoadBalancer ${name}: backendReady has ${args.backendReady.length} entries for ` +
          `${args.backendInstanceIds.length} backends; give one list per backend`,
      );
    }
    const protect = args.protect ?? false;
    const backendPort = args.backendPort ?? NGINX_PORT;
    const prefix = args.namePrefix ?? name;

    const lb = new alicloud.slb.ApplicationLoadBalancer(
      `${name}-clb`,
      {
        // load_balancer_name, not the deprecated name; not ForceNew, so a stack deployed without it
        // renames in place (resource_alicloud_slb_load_balancer.go).
        loadBalancerName: fitName(prefix, "-clb", NAME_RULES.loadBalancer.max),
        addressType: "internet",
        addressIpVersion: "ipv4",
        paymentType: "PayAsYouGo",
        // Pay-by-specification CLBs can no longer be bought; pay-by-LCU is what the API accepts
        // (documented for the China site, see README).
        instanceChargeType: "PayByCLCU",
        internetChargeType: "PayByTraffic",
        deleteProtection: protect ? "on" : "off",
        tags: args.tags ?? {},
      },
      { parent: this, protect },
    );

    // Backends are attached one by one to a VServer group rather than listed in one BackendServer:
    // that resource's Update removes the backends that left before it adds the new ones
    // (resource_alicloud_slb_backend_server.go, resourceAliyunSlbBackendServersUpdate), so every
    // rollout would drop all of them for a moment. An attachment has no Update: a new instance gets a
    // new attachment (AddVServerGroupBackendServers), created before the old one is deleted
    // (RemoveVServerGroupBackendServers) at the end of the update, after its instance was replaced
    // (resource_alicloud_slb_server_group_server_attachment.go). The group's own `servers` is
    // Optional+Computed, so it never fights the attachments (resource_alicloud_slb_server_group.go).
    const serverGroup = new alicloud.slb.ServerGroup(
      `${name}-vsg`,
      { loadBalancerId: lb.id, name: fitName(prefix, "-backends", NAME_RULES.serverGroup.max), tags: args.tags ?? {} },
      { parent: this },
    );
    const attachments = args.backendInstanceIds.map(
      (serverId, i) =>
        new alicloud.slb.ServerGroupServerAttachment(
          `${name}-backend-${i}`,
          { serverGroupId: serverGroup.id, serverId, port: backendPort, weight: 100, type: "ecs" },
          // Ordered after the backend's readiness, not fed from it: a gate created again (its id
          // unknown at preview) would otherwise make serverId, which is ForceNew, look replaced.
          { parent: this, dependsOn: [...(args.backendReady?.[i] ?? [])] },
        ),
    );

    const https = new alicloud.slb.Listener(
      `${name}-https`,
      {
        loadBalancerId: lb.id,
        protocol: "https",
        frontendPort: HTTPS_PORT,
        // Kept although the group's servers carry their port: backend_port is ForceNew, and dropping
        // it would replace this listener (resource_alicloud_slb_listener.go).
        backendPort,
        // server_group_id updates in place (SetLoadBalancerHTTPSListenerAttribute).
        serverGroupId: serverGroup.id,
        bandwidth: -1,
        serverCertificateId: args.certificateId,
        // Never left unset: the provider's default policy still allows TLS 1.0.
        tlsCipherPolicy: args.tlsPolicy,
        enableHttp2: "on",
        // CLB terminates TLS and talks HTTP to nginx; the app learns the scheme from X-Forwarded-Proto.
        // X-Forwarded-For is always on (the provider does not let it be set).
        xForwardedFor: { retriveSlbProto: true },
        stickySession: "off",
        scheduler: "wrr",
        // HTTP(S) listeners always check over HTTP (healthCheckType is for TCP listeners only).
        healthCheck: "on",
        healthCheckUri: args.healthPath,
        healthCheckHttpCode: "http_2xx",
        healthCheckInterval: HEALTH_CHECK.intervalSeconds,
        healthCheckTimeout: HEALTH_CHECK.timeoutSeconds,
        healthyThreshold: HEALTH_CHECK.healthyThreshold,
        unhealthyThreshold: HEALTH_CHECK.unhealthyThreshold,
        // WeChat's default request timeout is 60 s; give the app as long.
        requestTimeout: 60,
        // Long enough for wss:// sockets with a heartbeat under a minute.
        idleTimeout: LISTENER_IDLE_TIMEOUT_SECONDS,
      },
      {
        parent: this,
        // The listener id is lbId:protocol:port; a create-before-delete replacement would collide on the port.
        deleteBeforeReplace: true,
        // Pointed at the group only once it holds ready backends: on a stack that still had the
        // default server group, switching to an empty group would serve nothing until they arrive.
        dependsOn: attachments,
      },
    );

    // Only these arguments: CLB ignores the rest on a redirect listener, and a later diff on any other
    // attribute calls an API the redirect listener refuses.
    const redirect = new alicloud.slb.Listener(
      `${name}-http-redirect`,
      { loadBalancerId: lb.id, protocol: "http", frontendPort: HTTP_PORT, listenerForward: "on", forwardPort: HTTPS_PORT },
      { parent: this, deleteBeforeReplace: true, dependsOn: [https] },
    );

    // Old backends are detached only at the end of the update, after every create and update; this
    // wait keeps that end from coming before CLB has found the new backends healthy.
    const healthSettle = new command.local.Command(
      `${name}-health-settle`,
      { create: pauseCommand(healthSettleSeconds()), triggers: attachments.map((a) => a.id) },
      { parent: this, dependsOn: [https, ...attachments] },
    );

    this.loadBalancerId = lb.id;
    this.address = lb.address;
    this.httpsListenerId = https.id;
    this.redirectListenerId = redirect.id;
    this.serverGroupId = serverGroup.id;
    this.attachmentIds = attachments.map((a) => a.id);
    this.serving = [https, redirect, healthSettle];
    this.registerOutputs({
      loadBalancerId: this.loadBalancerId,
      address: this.address,
      httpsListenerId: this.httpsListenerId,
      redirectListenerId: this.redirectListenerId,
      serverGroupId: this.serverGroupId,
      attachmentIds: this.attachmentIds,
    });
  }
}
