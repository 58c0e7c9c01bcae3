import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { HTTPS_PORT, HTTP_PORT, LISTENER_IDLE_TIMEOUT_SECONDS, NGINX_PORT, type TlsPolicy } from "../lib/constants";

export interface HttpsLoadBalancerArgs {
  /** ServerCertificate id for the HTTPS listener. */
  readonly certificateId: pulumi.Input<string>;
  /** TLS policy of the HTTPS listener; TLS 1.2+ only. */
  readonly tlsPolicy: TlsPolicy;
  /** Backend instance ids to attach. */
  readonly backendInstanceIds: pulumi.Input<string>[];
  /** Resources that must finish before backends are attached (the instances' readiness checks); default none. */
  readonly backendsReadyAfter?: pulumi.Resource[];
  /** Port nginx serves on, on each instance; default 80. */
  readonly backendPort?: number;
  /** Path of the HTTP health check; must answer 2xx (and HEAD, CLB's default method). */
  readonly healthPath: string;
  /** Turn on the load balancer's delete protection and protect it in Pulumi; default false. */
  readonly protect?: boolean;
  /** Tags for the load balancer; default none. */
  readonly tags?: Record<string, string>;
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
  /** The listeners and the backend attachment: in place once the endpoint serves. */
  readonly serving: pulumi.Resource[];

  constructor(name: string, args: HttpsLoadBalancerArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:lb:HttpsLoadBalancer", name, {}, opts);
    if (args.backendInstanceIds.length === 0) {
      throw new Error(`HttpsLoadBalancer ${name}: backendInstanceIds is empty; attach at least one instance`);
    }
    const protect = args.protect ?? false;
    const backendPort = args.backendPort ?? NGINX_PORT;

    const lb = new alicloud.slb.ApplicationLoadBalancer(
      `${name}-clb`,
      {
        addressType: "internet",
        addressIpVersion: "ipv4",
        paymentType: "PayAsYouGo",
        // Pay-by-specification CLBs can no longer be bought; pay-by-LCU is what the API accepts.
        instanceChargeType: "PayByCLCU",
        internetChargeType: "PayByTraffic",
        deleteProtection: protect ? "on" : "off",
        tags: args.tags ?? {},
      },
      { parent: this, protect },
    );

    const https = new alicloud.slb.Listener(
      `${name}-https`,
      {
        loadBalancerId: lb.id,
        protocol: "https",
        frontendPort: HTTPS_PORT,
        backendPort,
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
        healthCheckInterval: 5,
        healthCheckTimeout: 5,
        healthyThreshold: 2,
        unhealthyThreshold: 3,
        // WeChat's default request timeout is 60 s; give the app as long.
        requestTimeout: 60,
        // Long enough for wss:// sockets with a heartbeat under a minute.
        idleTimeout: LISTENER_IDLE_TIMEOUT_SECONDS,
      },
      // The listener id is lbId:protocol:port; a create-before-delete replacement would collide on the port.
      { parent: this, deleteBeforeReplace: true },
    );

    // Only these arguments: CLB ignores the rest on a redirect listener, and a later diff on any other
    // attribute calls an API the redirect listener refuses.
    const redirect = new alicloud.slb.Listener(
      `${name}-http-redirect`,
      { loadBalancerId: lb.id, protocol: "http", frontendPort: HTTP_PORT, listenerForward: "on", forwardPort: HTTPS_PORT },
      { parent: this, deleteBeforeReplace: true, dependsOn: [https] },
    );

    const backends = new alicloud.slb.BackendServer(
      `${name}-backends`,
      {
        loadBalancerId: lb.id,
        backendServers: args.backendInstanceIds.map((serverId) => ({ serverId, weight: 100, type: "ecs" })),
      },
      { parent: this, dependsOn: args.backendsReadyAfter ?? [] },
    );

    this.loadBalancerId = lb.id;
    this.address = lb.address;
    this.httpsListenerId = https.id;
    this.redirectListenerId = redirect.id;
    this.serving = [https, redirect, backends];
    this.registerOutputs({
      loadBalancerId: this.loadBalancerId,
      address: this.address,
      httpsListenerId: this.httpsListenerId,
      redirectListenerId: this.redirectListenerId,
    });
  }
}
