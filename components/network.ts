import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { parseCidr, subnetCidr } from "../lib/cidr";
import { CLB_BACKEND_CIDR, NGINX_PORT } from "../lib/constants";

export interface NetworkArgs {
  /** Candidate zones, best first, from a lookup that knows where the instance type can be created. */
  readonly zoneIds: pulumi.Input<string[]>;
  /** How many zones to use, one vSwitch each. Plain: it decides how many vSwitches exist. */
  readonly zoneCount: number;
  /** VPC range; default 10.0.0.0/16. Each vSwitch gets the next /24 (or prefix + 8). */
  readonly vpcCidr?: string;
  /** Port the instances serve the load balancer on (nginx); default 80. */
  readonly backendHttpPort?: number;
  /** Range the load balancer reaches backends from; default 100.64.0.0/10 (CLB in a VPC). */
  readonly loadBalancerCidr?: string;
  /** Ranges allowed to reach SSH; default none (SSH closed). */
  readonly sshAllowedCidrs?: readonly string[];
  /** Tags for every taggable resource; default none. */
  readonly tags?: Record<string, string>;
}

/**
 * The zone of vSwitch `index` out of `zoneCount`, from the zones the lookup found, or an error that
 * says what to change when the region has too few.
 */
export function pickZone(zones: readonly string[], index: number, zoneCount: number): string {
  if (zones.length < zoneCount) {
    throw new Error(
      `only ${zones.length} zone(s) in this region can create the chosen instance type in a vSwitch, but zoneCount is ${zoneCount}; ` +
        "lower zoneCount/instanceCount, pick another instanceType, or another alicloud:region",
    );
  }
  return zones[index];
}

/** A resource-name-safe form of a CIDR, so a rule's name follows its range, not its list position. */
function cidrSlug(cidr: string): string {
  return cidr
    .replace(/[^0-9a-fA-F]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

/**
 * VPC, one vSwitch per zone and the instances' security group: the backend's HTTP port open only to
 * the load balancer's range, SSH only to the listed ranges.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  /** One per zone, in zone order. */
  readonly vswitchIds: pulumi.Output<string>[];
  /** The zone of each vSwitch, same order. */
  readonly zoneIds: pulumi.Output<string>[];
  readonly securityGroupId: pulumi.Output<string>;

  constructor(name: string, args: NetworkArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:network:Network", name, {}, opts);
    if (!Number.isInteger(args.zoneCount) || args.zoneCount < 1) {
      throw new Error(`Network ${name}: zoneCount must be a whole number of at least 1 (got ${args.zoneCount})`);
    }
    const vpcCidr = args.vpcCidr ?? "10.0.0.0/16";
    const backendHttpPort = args.backendHttpPort ?? NGINX_PORT;
    const loadBalancerCidr = args.loadBalancerCidr ?? CLB_BACKEND_CIDR;
    const tags = args.tags ?? {};

    const vpc = new alicloud.vpc.Network(
      `${name}-vpc`,
      { cidrBlock: vpcCidr, description: "wechat-https-backend", tags },
      { parent: this },
    );

    this.zoneIds = Array.from({ length: args.zoneCount }, (_, i) =>
      pulumi.output(args.zoneIds).apply((zones) => pickZone(zones, i, args.zoneCount)),
    );
    this.vswitchIds = this.zoneIds.map(
      (zoneId, i) =>
        new alicloud.vpc.Switch(
          `${name}-vswitch-${i}`,
          { vpcId: vpc.id, zoneId, cidrBlock: subnetCidr(vpcCidr, i), description: "wechat-https-backend backends", tags },
          { parent: this },
        ).id,
    );

    const securityGroup = new alicloud.ecs.SecurityGroup(
      `${name}-sg`,
      {
        vpcId: vpc.id,
        description: "wechat-https-backend instances: HTTP from the load balancer only",
        // Instances never talk to each other; without this every instance in the group could.
        innerAccessPolicy: "Drop",
        tags,
      },
      { parent: this },
    );

    new alicloud.ecs.SecurityGroupRule(
      `${name}-http-from-lb`,
      {
        securityGroupId: securityGroup.id,
        type: "ingress",
        ipProtocol: "tcp",
        portRange: `${backendHttpPort}/${backendHttpPort}`,
        cidrIp: loadBalancerCidr,
        nicType: "intranet",
        policy: "accept",
        priority: 1,
        description: "HTTP from the classic load balancer",
      },
      { parent: this },
    );

    for (const cidr of args.sshAllowedCidrs ?? []) {
      const parsed = parseCidr(cidr);
      if (typeof parsed === "string") throw new Error(`Network ${name}: sshAllowedCidrs entry "${cidr}" ${parsed}`);
      new alicloud.ecs.SecurityGroupRule(
        `${name}-ssh-${cidrSlug(cidr)}`,
        {
          securityGroupId: securityGroup.id,
          type: "ingress",
          ipProtocol: "tcp",
          portRange: "22/22",
          ...(parsed.version === 4 ? { cidrIp: cidr } : { ipv6CidrIp: cidr }),
          nicType: "intranet",
          policy: "accept",
          priority: 1,
          description: "SSH from an allowed range",
        },
        { parent: this },
      );
    }

    this.vpcId = vpc.id;
    this.securityGroupId = securityGroup.id;
    this.registerOutputs({
      vpcId: this.vpcId,
      vswitchIds: this.vswitchIds,
      zoneIds: this.zoneIds,
      securityGroupId: this.securityGroupId,
    });
  }
}
