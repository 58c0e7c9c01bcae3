import * as pulumi from "@pulumi/pulumi";
import { CLB_BACKEND_CIDR, DAY_MS, NGINX_PORT } from "../lib/constants";
import type { BackendSettings } from "../lib/config/settings";
import { renderInstanceFiles } from "../lib/instance/files";
import { lookUpDnsZone } from "../lib/cloud/dnsZone";
import { lookUpCompute } from "../lib/cloud/lookups";
import { stackPrefix } from "../lib/names";
import { callbackUrl, wechatConsoleValues, type WechatDomains } from "../lib/wechat";
import { RESTART_TIMEOUT_SECONDS } from "../lib/instance/appRestart";
import { TLS_RELOAD_SECONDS } from "../lib/instance/tlsReload";
import { AppRuntime, appNeedsCloudAccess } from "./appRuntime";
import { BackendInstances } from "./backendInstances";
import { Certificate, type CertificateSourceArgs } from "./certificate";
import { DeployVerification } from "./deployVerification";
import { DnsRecords } from "./dnsRecords";
import { HttpsLoadBalancer } from "./httpsLoadBalancer";
import { InstanceEdge } from "./instanceEdge";
import { Monitoring } from "./monitoring";
import { Network } from "./network";

export interface HttpsBackendArgs extends BackendSettings {
  /** Where the server certificate comes from. */
  readonly certificate: CertificateSourceArgs;
  /** Region of the stack: the app's secret parameters and role resources are scoped to it; what the lookups search. */
  readonly region: string;
}

/**
 * One environment of the WeChat HTTPS backend: network, instances, certificate, the edge (a load
 * balancer, or the one instance with an EIP where nginx ends TLS: `edge`), DNS.
 */
export class HttpsBackend extends pulumi.ComponentResource {
  /** What to paste into the WeChat console (开发管理 → 开发设置 → 服务器域名). */
  readonly wechatDomains: WechatDomains;
  readonly apiBaseUrl: string;
  readonly healthUrl: string;
  /** The WeChat Pay notify_url (https://<domain><payNotifyPath>); undefined without payNotifyPath. */
  readonly payNotifyUrl?: string;
  /** The message push server URL (https://<domain><messagePushPath>); undefined without messagePushPath. */
  readonly messagePushUrl?: string;
  /** Where the DNS record points: the load balancer's address, or the instance edge's EIP. */
  readonly address: pulumi.Output<string>;
  /** The load balancer's address (edge loadBalancer); undefined at the instance edge. */
  readonly loadBalancerAddress?: pulumi.Output<string>;
  readonly certificateId: pulumi.Output<string>;
  readonly certificateNotAfter: pulumi.Output<string>;
  readonly certificateIssuer: pulumi.Output<string>;
  /** Whole days from this run to the certificate's expiry. */
  readonly certificateDaysLeft: pulumi.Output<number>;
  /** The rendered cloud-init user data of every instance. */
  readonly userData: string;
  /** The zones, instance type and image the instances really run on (to pin them in the config). */
  readonly zoneIds: pulumi.Output<string[]>;
  readonly instanceType: pulumi.Output<string>;
  readonly imageId: pulumi.Output<string>;
  /** The scheduled verifier, site monitor, alarms and logs; undefined when monitoring is off. */
  readonly monitoring?: Monitoring;

  constructor(name: string, args: HttpsBackendArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:index:HttpsBackend", name, {}, opts);
    const tags = { project: "wechat-https-backend", stack: pulumi.getStack(), environment: args.environment };

    const prefix = stackPrefix(pulumi.getStack());
    const instanceEdge = args.edge === "instance";
    const compute = lookUpCompute(
      { region: args.region, zoneCount: args.zoneCount, instanceType: args.instanceType, imageId: args.imageId, zoneIds: args.zoneIds },
      this,
    );
    const network = new Network(
      `${name}-net`,
      {
        // Configured zones as the plain list they are: they name the vSwitches.
        zoneIds: args.zoneIds ? [...args.zoneIds] : compute.zoneIds,
        zonesConfigured: args.zoneIds !== undefined,
        zoneCount: args.zoneCount,
        backendHttpPort: NGINX_PORT,
        loadBalancerCidr: CLB_BACKEND_CIDR,
        servesInternetDirectly: instanceEdge,
        sshAllowedCidrs: args.sshAllowedCidrs,
        namePrefix: prefix,
        tags,
      },
      { parent: this },
    );

    const stack = pulumi.getStack();
    const files = renderInstanceFiles({ ...args, stack });
    this.userData = files["user-data"];
    // Before the record and the ACME order: a zone the account does not host fails the preview.
    const zone = lookUpDnsZone(args.dnsZone, args.domain, this);
    const source: CertificateSourceArgs = args.certificate.kind === "acme" ? { ...args.certificate, zoneReady: zone } : args.certificate;
    const certificate = new Certificate(
      `${name}-cert`,
      { domain: args.domain, source, servedBy: instanceEdge ? "instance" : "loadBalancer", tags },
      { parent: this },
    );

    // The instance edge's nginx reads its certificate from OOS with the instances' role, as an app reads its secrets.
    const runtime =
      (args.appImage !== undefined && appNeedsCloudAccess(args.app)) || instanceEdge
        ? new AppRuntime(
            `${name}-runtime`,
            {
              app: args.app,
              stack,
              region: args.region,
              vpcId: network.vpcId,
              vswitchId: network.vswitchIds[0],
              tags,
              tls: certificate.pem,
            },
            { parent: this },
          )
        : undefined;
    const instances = new BackendInstances(
      `${name}-app`,
      {
        count: args.instanceCount,
        vswitchIds: network.vswitchIds,
        securityGroupId: network.securityGroupId,
        imageId: compute.imageId,
        imageConfigured: args.imageId !== undefined,
        instanceType: compute.instanceType,
        instanceTypeConfigured: args.instanceType !== undefined,
        userData: this.userData,
        readinessScript: files["readiness.sh"],
        readinessTimeoutSeconds: args.readinessTimeoutSeconds,
        tags,
        ramRoleName: runtime?.roleName,
        bootDependencies: runtime?.bootDependencies,
        appRestart:
          runtime && files["app-restart.sh"] !== undefined
            ? { script: files["app-restart.sh"], trigger: runtime.revision, timeoutSeconds: RESTART_TIMEOUT_SECONDS + 60 }
            : undefined,
        certificateReload:
          runtime?.tlsRevision && files["tls-reload.sh"] !== undefined
            ? {
                script: files["tls-reload.sh"],
                trigger: runtime.tlsRevision,
                timeoutSeconds: TLS_RELOAD_SECONDS + 120,
                after: runtime.tlsParameters,
              }
            : undefined,
      },
      { parent: this },
    );

    const parts: EdgeParts = { name, args, instances, certificate, prefix, tags };
    const edge = instanceEdge ? this.instanceEdge(parts) : this.loadBalancer(parts);

    if (args.monitoring) {
      this.monitoring = new Monitoring(
        `${name}-monitor`,
        {
          settings: args.monitoring,
          stack: pulumi.getStack(),
          domain: args.domain,
          healthPath: args.healthPath,
          hstsMinSeconds: args.hstsMaxAge,
          minDaysRemaining: args.minDaysRemaining,
          certificateSource: args.certificate.kind,
          loadBalancerId: edge.loadBalancerId,
          instanceIds: instances.instanceIds,
          tags,
        },
        { parent: this },
      );
    }

    new DnsRecords(
      `${name}-dns`,
      {
        zone: args.dnsZone,
        zoneChecked: zone,
        recordName: args.recordName,
        address: edge.address,
        serving: edge.serving,
        protect: args.protect,
      },
      { parent: this },
    );

    const consoleValues = wechatConsoleValues(args.domain, args.apiBasePath, args.healthPath);
    this.wechatDomains = consoleValues.wechatDomains;
    this.apiBaseUrl = consoleValues.apiBaseUrl;
    this.healthUrl = consoleValues.healthUrl;
    this.payNotifyUrl = args.payNotifyPath ? callbackUrl(args.domain, args.payNotifyPath) : undefined;
    this.messagePushUrl = args.messagePushPath ? callbackUrl(args.domain, args.messagePushPath) : undefined;
    this.address = edge.address;
    this.loadBalancerAddress = edge.loadBalancerId ? edge.address : undefined;
    this.zoneIds = pulumi.all(network.zoneIds);
    this.instanceType = instances.instanceType;
    this.imageId = instances.imageId;
    this.certificateId = certificate.certificateId;
    this.certificateNotAfter = certificate.notAfter;
    this.certificateIssuer = certificate.issuer;
    this.certificateDaysLeft = certificate.notAfter.apply((notAfter) => Math.floor((Date.parse(notAfter) - Date.now()) / DAY_MS));
    this.registerOutputs({
      wechatDomains: this.wechatDomains,
      apiBaseUrl: this.apiBaseUrl,
      healthUrl: this.healthUrl,
      payNotifyUrl: this.payNotifyUrl,
      messagePushUrl: this.messagePushUrl,
      address: this.address,
      loadBalancerAddress: this.loadBalancerAddress,
      certificateId: this.certificateId,
      certificateNotAfter: this.certificateNotAfter,
      certificateIssuer: this.certificateIssuer,
      certificateDaysLeft: this.certificateDaysLeft,
      zoneIds: this.zoneIds,
      instanceType: this.instanceType,
      imageId: this.imageId,
    });
  }

  /**
   * The classic load balancer in front of the instances, and the verifier against it after a change
   * of what it checks (certificate, listeners, backends, TLS policy).
   */
  private loadBalancer({ name, args, instances, certificate, prefix, tags }: EdgeParts): Edge {
    const lb = new HttpsLoadBalancer(
      `${name}-lb`,
      {
        certificateId: certificate.certificateId,
        tlsPolicy: args.tlsPolicy,
        backendInstanceIds: instances.instanceIds,
        backendReady: instances.ready,
        backendPort: NGINX_PORT,
        healthPath: args.healthPath,
        protect: args.protect,
        namePrefix: prefix,
        tags,
      },
      { parent: this },
    );
    if (args.verifyAfterDeploy) {
      this.verify(
        name,
        args,
        lb.address,
        [certificate.certificateId, lb.httpsListenerId, lb.redirectListenerId, args.tlsPolicy, ...lb.attachmentIds],
        lb.serving,
      );
    }
    return { address: lb.address, serving: lb.serving, loadBalancerId: lb.loadBalancerId };
  }

  /**
   * The one instance with an EIP, nginx ending TLS on it, and the verifier against its address after
   * a change of what it checks (the certificate, the instance that holds the address).
   */
  private instanceEdge({ name, args, instances, certificate, prefix, tags }: EdgeParts): Edge {
    const edge = new InstanceEdge(
      `${name}-edge`,
      { instanceId: instances.instanceIds[0], ready: instances.ready[0], protect: args.protect, namePrefix: prefix, tags },
      { parent: this },
    );
    if (args.verifyAfterDeploy) {
      this.verify(name, args, edge.address, [certificate.certificateId, edge.associationId], [...instances.ready[0]]);
    }
    return { address: edge.address, serving: [edge.association] };
  }

  private verify(
    name: string,
    args: HttpsBackendArgs,
    address: pulumi.Output<string>,
    triggers: pulumi.Input<unknown>[],
    after: pulumi.Resource[],
  ): void {
    new DeployVerification(
      `${name}-verify`,
      {
        domain: args.domain,
        address,
        healthPath: args.healthPath,
        hstsMinSeconds: args.hstsMaxAge,
        minDays: args.minDaysRemaining,
        // The roots the config check trusted for a private chain: the deploy check judges by the same.
        trustedRootsPem: args.certificate.kind === "pem" ? args.certificate.trustedRootsPem : undefined,
        // Re-run only when what the verifier checks changed.
        triggers,
        after,
      },
      { parent: this },
    );
  }
}

/** What both edges are built from. */
interface EdgeParts {
  readonly name: string;
  readonly args: HttpsBackendArgs;
  readonly instances: BackendInstances;
  readonly certificate: Certificate;
  readonly prefix: string;
  readonly tags: Record<string, string>;
}

/** What the rest of the stack takes from the edge: where DNS points, and the load balancer when there is one. */
interface Edge {
  readonly address: pulumi.Output<string>;
  /** What serves at the address once created: the DNS record waits for it. */
  readonly serving: readonly pulumi.Resource[];
  readonly loadBalancerId?: pulumi.Output<string>;
}
