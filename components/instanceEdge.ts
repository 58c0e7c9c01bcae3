import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { NAME_RULES, fitName } from "../lib/names";

export interface InstanceEdgeArgs {
  /** The one instance that serves HTTPS itself (nginx ends TLS). */
  readonly instanceId: pulumi.Input<string>;
  /** What must have succeeded before the instance gets the address (its readiness check, certificate reload); default nothing. */
  readonly ready?: readonly pulumi.Resource[];
  /** Protect the EIP in Pulumi and turn its deletion protection on; default false. */
  readonly protect?: boolean;
  /** Peak outbound bandwidth in Mbps; billed by traffic, so this only caps it; default EIP_BANDWIDTH_MBPS. */
  readonly bandwidthMbps?: number;
  /** Prefix of the EIP's name; default the component's name. A name too long is shortened with a hash (lib/names.ts). */
  readonly namePrefix?: string;
  /** Tags for the EIP; default none. */
  readonly tags?: Record<string, string>;
}

/**
 * The cap on the EIP's outbound bandwidth. Billed by traffic, the cap costs nothing by itself; it
 * bounds what a flood of downloads can cost in an hour (100 Mbps is at most 45 GB an hour).
 */
export const EIP_BANDWIDTH_MBPS = 100;

/**
 * The public address of the instance edge: an EIP, pay-as-you-go and billed by traffic (as the CLB's
 * internet traffic is), bound to the one instance once it serves. The address is what DNS points at
 * and what an ICP filing of this domain is bound to (README, "ICP filing"), so in prod it is
 * protected: Pulumi refuses to delete it and ECS refuses to release it.
 *
 * A new instance (a rollout) takes the same address: the association names the instance (ForceNew,
 * resource_alicloud_eip_association.go), and an EIP is bound to one instance at a time
 * (AssociateEipAddress refuses a second), so it is replaced delete-first, only once the new instance
 * is ready: the old one loses the address and the new one gets it, which takes seconds, the downtime
 * of a rollout at this edge (README, "Which edge").
 */
export class InstanceEdge extends pulumi.ComponentResource {
  /** The public IPv4 address; the DNS record points here. */
  readonly address: pulumi.Output<string>;
  readonly allocationId: pulumi.Output<string>;
  /** `<allocation>:<instance>`: changes with the instance that holds the address. */
  readonly associationId: pulumi.Output<string>;
  /** The address bound to the instance: once it exists, the edge serves. */
  readonly association: pulumi.Resource;

  constructor(name: string, args: InstanceEdgeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:edge:InstanceEdge", name, {}, opts);
    const protect = args.protect ?? false;
    const eip = new alicloud.ecs.EipAddress(
      `${name}-eip`,
      {
        // address_name, not the deprecated name (resource_alicloud_eip_address.go); not ForceNew.
        addressName: fitName(args.namePrefix ?? name, "-eip", NAME_RULES.eip.max),
        description: "wechat-https-backend: the instance edge's public address (DNS and the ICP filing point here)",
        paymentType: "PayAsYouGo",
        internetChargeType: "PayByTraffic",
        bandwidth: String(args.bandwidthMbps ?? EIP_BANDWIDTH_MBPS),
        isp: "BGP",
        deletionProtection: protect,
        tags: args.tags ?? {},
      },
      { parent: this, protect },
    );
    const association = new alicloud.ecs.EipAssociation(
      `${name}-eip-association`,
      { allocationId: eip.id, instanceId: args.instanceId, instanceType: "EcsInstance" },
      { parent: this, deleteBeforeReplace: true, dependsOn: [...(args.ready ?? [])] },
    );

    this.address = eip.ipAddress;
    this.allocationId = eip.id;
    this.associationId = association.id;
    this.association = association;
    this.registerOutputs({ address: this.address, allocationId: this.allocationId, associationId: this.associationId });
  }
}
