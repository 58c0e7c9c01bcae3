import * as pulumi from "@pulumi/pulumi";
import type { TlsPolicy } from "../lib/config/keys";
import { DAY_MS } from "../lib/certificates/describe";
import { CLB_BACKEND_CIDR, NGINX_PORT, renderInstanceFiles } from "../lib/instance/files";
import { lookUpImage, lookUpInstanceType, lookUpZones } from "../lib/cloud/lookups";
import { wechatConsoleValues, type WechatDomains } from "../lib/wechat";
import { BackendInstances } from "./backendInstances";
import { Certificate, type CertificateSourceArgs } from "./certificate";
import { DeployVerification } from "./deployVerification";
import { DnsRecords } from "./dnsRecords";
import { HttpsLoadBalancer } from "./httpsLoadBalancer";
import { Network } from "./network";

export interface HttpsBackendArgs {
  /** dev or prod: names the environment in tags and on the instances. */
  readonly environment: "dev" | "prod";
  /** Host name the mini program calls, ASCII lower case. */
  readonly domain: string;
  /** Alibaba Cloud DNS zone holding the record. */
  readonly dnsZone: string;
  /** Record name inside the zone, "@" for the apex. */
  readonly recordName: string;
  /** Where the server certificate comes from. */
  readonly certificate: CertificateSourceArgs;
  /** TLS policy of the HTTPS listener. */
  readonly tlsPolicy: TlsPolicy;
  /** HSTS max-age the instances send, seconds. */
  readonly hstsMaxAge: number;
  /** Number of instances. */
  readonly instanceCount: number;
  /** Number of zones they spread over. */
  readonly zoneCount: number;
  /** Instance type; undefined: looked up. */
  readonly instanceType?: string;
  /** Port of the app inside each instance. */
  readonly backendPort: number;
  /** Container image of the app; undefined: the built-in health app. */
  readonly appImage?: string;
  /** Health path (load balancer check, verifier). */
  readonly healthPath: string;
  /** Base path of the API, for apiBaseUrl. */
  readonly apiBasePath: string;
  /** nginx client_max_body_size. */
  readonly maxUploadSize: string;
  /** Ranges allowed to SSH; empty: closed. */
  readonly sshAllowedCidrs: readonly string[];
  /** Protect the load balancer (and its delete protection) and DNS records. */
  readonly protect: boolean;
  /** Run the HTTPS verifier against the load balancer after a change, failing the update when a check fails. */
  readonly verifyAfterDeploy: boolean;
  /** Days the certificate must stay valid (the verifier's --min-days). */
  readonly minDaysRemaining: number;
}

/** One environment of the WeChat HTTPS backend: network, instances, certificate, load balancer, DNS. */
export class HttpsBackend extends pulumi.ComponentResource {
  /** What to paste into the WeChat console (开发管理 → 开发设置 → 服务器域名). */
  readonly wechatDomains: WechatDomains;
  readonly apiBaseUrl: string;
  readonly healthUrl: string;
  readonly loadBalancerAddress: pulumi.Output<string>;
  readonly certificateId: pulumi.Output<string>;
  readonly certificateNotAfter: pulumi.Output<string>;
  readonly certificateIssuer: pulumi.Output<string>;
  /** Whole days from this run to the certificate's expiry. */
  readonly certificateDaysLeft: pulumi.Output<number>;
  /** The rendered cloud-init user data of every instance. */
  readonly userData: string;

  constructor(name: string, args: HttpsBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:index:HttpsBackend", name, {}, opts);
    const tags = { project: "wechat-https-backend", stack: pulumi.getStack(), environment: args.environment };

    const instanceType = lookUpInstanceType(args.instanceType, this);
    const network = new Network(
      `${name}-net`,
      {
        zoneIds: lookUpZones(instanceType, this),
        zoneCount: args.zoneCount,
        backendHttpPort: NGINX_PORT,
        loadBalancerCidr: CLB_BACKEND_CIDR,
        sshAllowedCidrs: args.sshAllowedCidrs,
        tags,
      },
      { parent: this },
    );

    const files = renderInstanceFiles(args);
    this.userData = files["user-data"];
    const instances = new BackendInstances(
      `${name}-app`,
      {
        count: args.instanceCount,
        vswitchIds: network.vswitchIds,
        securityGroupId: network.securityGroupId,
        imageId: lookUpImage(instanceType, this),
        instanceType,
        instanceTypeLookedUp: args.instanceType === undefined,
        userData: this.userData,
        readinessScript: files["readiness.sh"],
        tags,
      },
      { parent: this },
    );

    const certificate = new Certificate(`${name}-cert`, { domain: args.domain, source: args.certificate, tags }, { parent: this });

    const lb = new HttpsLoadBalancer(
      `${name}-lb`,
      {
        certificateId: certificate.certificateId,
        tlsPolicy: args.tlsPolicy,
        backendInstanceIds: instances.readyInstanceIds,
        backendsReadyAfter: instances.readiness,
        backendPort: NGINX_PORT,
        healthPath: args.healthPath,
        protect: args.protect,
        tags,
      },
      { parent: this },
    );

    if (args.verifyAfterDeploy) {
      new DeployVerification(
        `${name}-verify`,
        {
          domain: args.domain,
          address: lb.address,
          healthPath: args.healthPath,
          hstsMinSeconds: args.hstsMaxAge,
          minDays: args.minDaysRemaining,
          // Re-run only when what the verifier checks changed: certificate, listeners, instances, TLS policy.
          triggers: [certificate.certificateId, lb.httpsListenerId, lb.redirectListenerId, args.tlsPolicy, ...instances.readyInstanceIds],
          after: lb.serving,
        },
        { parent: this },
      );
    }

    new DnsRecords(
      `${name}-dns`,
      { zone: args.dnsZone, recordName: args.recordName, address: lb.address, protect: args.protect },
      { parent: this },
    );

    const consoleValues = wechatConsoleValues(args.domain, args.apiBasePath, args.healthPath);
    this.wechatDomains = consoleValues.wechatDomains;
    this.apiBaseUrl = consoleValues.apiBaseUrl;
    this.healthUrl = consoleValues.healthUrl;
    this.loadBalancerAddress = lb.address;
    this.certificateId = certificate.certificateId;
    this.certificateNotAfter = certificate.notAfter;
    this.certificateIssuer = certificate.issuer;
    this.certificateDaysLeft = certificate.notAfter.apply((notAfter) => Math.floor((Date.parse(notAfter) - Date.now()) / DAY_MS));
    this.registerOutputs({
      wechatDomains: this.wechatDomains,
      apiBaseUrl: this.apiBaseUrl,
      healthUrl: this.healthUrl,
      loadBalancerAddress: this.loadBalancerAddress,
      certificateId: this.certificateId,
      certificateNotAfter: this.certificateNotAfter,
      certificateIssuer: this.certificateIssuer,
      certificateDaysLeft: this.certificateDaysLeft,
    });
  }
}
