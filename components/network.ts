import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { parseCidr, subnetCidr } from "../lib/cidr";
import { zoneSubnetCidr, zoneSubnetClashes } from "../lib/cloud/zoneSubnets";
import { CLB_BACKEND_CIDR, HTTPS_PORT, HTTP_PORT, NGINX_PORT } from "../lib/constants";
import type { Locale } from "../lib/i18n";
import { cloudMessages } from "../lib/cloud/messages";
import { NAME_RULES, fitName } from "../lib/names";

export interface NetworkArgs {
  /**
   * Candidate zones, best first: the configured ones (then a plain list, one per vSwitch, in order),
   * or those a lookup found for the instance type.
   */
  readonly zoneIds: pulumi.Input<string[]>;
  /**
   * true when zoneIds come from the stack config: each vSwitch is then keyed by its zone, and a changed
   * list creates and deletes vSwitches (the plan shows it). Default false: they come from a lookup, and
   * a vSwitch keeps the zone it was created in.
   */
  readonly zonesConfigured?: boolean;
  /** How many zones to use, one vSwitch each. Plain: it decides how many vSwitches exist. */
  readonly zoneCount: number;
  /** Prefix of the physical names (VPC, vSwitches, security group); default the component's name. A name
   *  too long for its resource is shortened with a hash (lib/names.ts), one that fits is kept as is. */
  readonly namePrefix?: string;
  /**
   * VPC range; default 10.0.0.0/16. Each vSwitch gets a /24 of it (or prefix + 8): a looked-up zone's
   * the one of its position, a configured zone's the one of its zone letter (lib/cloud/zoneSubnets.ts).
   */
  readonly vpcCidr?: string;
  /** Port the instances serve the load balancer on (nginx); default 80. */
  readonly backendHttpPort?: number;
  /** Range the load balancer reaches backends from; default 100.64.0.0/10 (CLB in a VPC). */
  readonly loadBalancerCidr?: string;
  /**
   * The instances serve the internet themselves (the instance edge: nginx ends TLS on an EIP): 443
   * and 80 open to everyone instead of the backend port to the load balancer. Default false.
   */
  readonly servesInternetDirectly?: boolean;
  /** Ranges allowed to reach SSH; default none (SSH closed). */
  readonly sshAllowedCidrs?: readonly string[];
  /** Tags for every taggable resource; default none. */
  readonly tags?: Record<string, string>;
}

/**
 * The zone of the next vSwitch: the first candidate no earlier vSwitch is in (`taken` holds the zones
 * they really have, which after the first deploy are their own, not today's lookup answer), or an
 * error that says what to change when too few zones are left.
 */
export function pickZone(candidates: readonly string[], taken: readonly string[], zoneCount: number, locale?: Locale): string {
  const free = candidates.find((zone) => !taken.includes(zone));
  if (free === undefined) throw new Error(cloudMessages(locale).tooFewZones({ count: new Set([...candidates, ...taken]).size, zoneCount }));
  return free;
}

/**
 * Configured zones and the zones their vSwitches really are in agree, or the error that says what to
 * set first. They disagree only when a vSwitch taken over from its positional name (an alias) is in
 * another zone than the one now listed at its position (Network.configuredSwitches).
 */
export function checkDeployedZones(configured: readonly string[], deployed: readonly string[], locale?: Locale): void {
  if (configured.every((zone, i) => deployed[i] === zone)) return;
  const list = (zones: readonly string[]) => JSON.stringify(zones);
  throw new Error(cloudMessages(locale).zonesNotAsDeployed({ deployed: list(deployed), configured: list(configured) }));
}

/** A resource-name-safe form of a CIDR, so a rule's name follows its range, not its list position. */
function cidrSlug(cidr: string): string {
  return cidr
    .replace(/[^0-9a-fA-F]+/g, "-")
    .replace(/^-|-$/g, "")
    .toLowerCase();
}

/** What every vSwitch shares. */
interface SwitchCommon {
  readonly vpcId: pulumi.Output<string>;
  readonly vpcCidr: string;
  readonly prefix: string;
  readonly tags: Record<string, string>;
}

/**
 * VPC, one vSwitch per zone and the instances' security group: the backend's HTTP port open only to
 * the load balancer's range (or, at the instance edge, 443 and 80 to everyone), SSH only to the
 * listed ranges.
 */
export class Network extends pulumi.ComponentResource {
  readonly vpcId: pulumi.Output<string>;
  /** One per zone, in zone order. */
  readonly vswitchIds: pulumi.Output<string>[];
  /** The zone each vSwitch is really in, same order. */
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

    const prefix = args.namePrefix ?? name;

    // The name fields the provider documents (vpc_name, vswitch_name, security_group_name), set by the
    // program: none of them is ForceNew, so on a stack deployed without them the change is a rename in
    // place (terraform-provider-alicloud resource_alicloud_vpc.go, resource_alicloud_vswitch.go,
    // resource_alicloud_security_group.go).
    const vpc = new alicloud.vpc.Network(
      `${name}-vpc`,
      { vpcName: fitName(prefix, "-vpc", NAME_RULES.vpc.max), cidrBlock: vpcCidr, description: "wechat-https-backend", tags },
      { parent: this },
    );

    const zonesConfigured = args.zonesConfigured ?? false;
    const common = { vpcId: vpc.id, vpcCidr, prefix, tags };
    const switches = zonesConfigured ? this.configuredSwitches(name, args, common) : this.lookedUpSwitches(name, args, common);
    this.zoneIds = switches.map((s) => s.zoneId);
    this.vswitchIds = zonesConfigured ? this.checkedIds(switches, args.zoneIds as string[]) : switches.map((s) => s.id);

    const direct = args.servesInternetDirectly ?? false;
    const securityGroup = new alicloud.ecs.SecurityGroup(
      `${name}-sg`,
      {
        securityGroupName: fitName(prefix, "-sg", NAME_RULES.securityGroup.max),
        vpcId: vpc.id,
        description: direct
          ? "wechat-https-backend edge instance: HTTPS and the HTTP redirect from the internet"
          : "wechat-https-backend instances: HTTP from the load balancer only",
        // Instances never talk to each other; without this every instance in the group could.
        innerAccessPolicy: "Drop",
        tags,
      },
      { parent: this },
    );

    if (direct) {
      // Exactly what a phone needs and nothing else: HTTPS, and HTTP only to be redirected to it.
      for (const [label, port, description] of [
        ["https", HTTPS_PORT, "HTTPS from the internet (nginx ends TLS)"],
        ["http", HTTP_PORT, "HTTP from the internet, answered with a redirect to HTTPS"],
      ] as const) {
        new alicloud.ecs.SecurityGroupRule(
          `${name}-${label}-from-internet`,
          {
            securityGroupId: securityGroup.id,
            type: "ingress",
            ipProtocol: "tcp",
            portRange: `${port}/${port}`,
            cidrIp: "0.0.0.0/0",
            nicType: "intranet",
            policy: "accept",
            priority: 1,
            description,
          },
          { parent: this },
        );
      }
    } else {
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
    }

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

  /**
   * zone_id and cidr_block are ForceNew (resource_alicloud_vswitch.go): a vSwitch whose zone came from
   * a lookup keeps the zone it was created in (ignoreChanges), or a new answer to the lookup would
   * replace it, create-before-delete, with an overlapping CIDR in the same VPC. The next vSwitch then
   * takes the first candidate none of the earlier ones really is in. So a position keeps one zone, and
   * its subnet, for as long as its vSwitch exists; zoneCount adds or removes the last positions (and
   * the instances that move to another vSwitch are replaced: BackendInstances).
   */
  private lookedUpSwitches(name: string, args: NetworkArgs, common: SwitchCommon): alicloud.vpc.Switch[] {
    const { vpcId, vpcCidr, prefix, tags } = common;
    const switches: alicloud.vpc.Switch[] = [];
    for (let i = 0; i < args.zoneCount; i++) {
      const taken = switches.map((s) => s.zoneId);
      const zoneId = pulumi
        .all([pulumi.output(args.zoneIds), pulumi.all(taken)])
        .apply(([candidates, earlier]) => pickZone(candidates, earlier, args.zoneCount));
      switches.push(
        new alicloud.vpc.Switch(
          `${name}-vswitch-${i}`,
          {
            vpcId,
            zoneId,
            cidrBlock: subnetCidr(vpcCidr, i),
            vswitchName: fitName(prefix, `-vswitch-${i}`, NAME_RULES.vswitch.max),
            description: "wechat-https-backend backends",
            tags,
          },
          { parent: this, ignoreChanges: ["zoneId"] },
        ),
      );
    }
    return switches;
  }

  /**
   * Configured zones key their vSwitches: `<name>-vswitch-<zone>`, with the subnet of that zone
   * (lib/cloud/zoneSubnets.ts). A changed zoneIds creates the vSwitches of the zones added, never
   * touches those of the zones kept, and deletes those of the zones gone at the end of the update,
   * after the instances in them were replaced (BackendInstances): no range is ever wanted by two
   * zones at once, and no vSwitch changes zone in place (zone_id is ForceNew).
   *
   * A stack deployed with looked-up zones, or by an earlier version, has positional vSwitches
   * (`<name>-vswitch-<i>`, subnet i). Each configured zone takes over the one at its position (an
   * alias), which keeps its range and zone (ignoreChanges: a replacement would carry the old range
   * over and overlap the old vSwitch). That is right when zoneIds lists the zones they are in, in
   * order, which is what pinning them does; when it lists others, the vSwitches' real zones (their
   * state, through ignoreChanges) say so and the preview stops with the zones to pin first
   * (checkDeployedZones), before anything is created (`pulumi up` previews first).
   */
  private configuredSwitches(name: string, args: NetworkArgs, common: SwitchCommon): alicloud.vpc.Switch[] {
    const { vpcId, vpcCidr, prefix, tags } = common;
    if (!Array.isArray(args.zoneIds)) throw new Error(`Network ${name}: configured zoneIds must be a plain list (they name the vSwitches)`);
    const zones = args.zoneIds as string[];
    if (zones.length !== args.zoneCount) {
      throw new Error(`Network ${name}: zoneIds lists ${zones.length} zone(s) for zoneCount ${args.zoneCount}; list one zone per vSwitch`);
    }
    const clashes = zoneSubnetClashes(zones);
    if (clashes.length > 0) throw new Error(`Network ${name}: zones ${clashes[0].join(", ")} would share a subnet (same last character)`);
    return zones.map(
      (zone, i) =>
        new alicloud.vpc.Switch(
          `${name}-vswitch-${zone}`,
          {
            vpcId,
            zoneId: zone,
            cidrBlock: zoneSubnetCidr(vpcCidr, zone),
            // By position, as before zones named the vSwitches: pinning the zones in use renames nothing.
            vswitchName: fitName(prefix, `-vswitch-${i}`, NAME_RULES.vswitch.max),
            description: "wechat-https-backend backends",
            tags,
          },
          { parent: this, aliases: [{ name: `${name}-vswitch-${i}` }], ignoreChanges: ["zoneId", "cidrBlock"] },
        ),
    );
  }

  /** The vSwitch ids, each only once every vSwitch is known to be in its configured zone (checkDeployedZones). */
  private checkedIds(switches: alicloud.vpc.Switch[], zones: readonly string[]): pulumi.Output<string>[] {
    const deployed = pulumi.all(switches.map((s) => s.zoneId));
    return switches.map((s) =>
      pulumi.all([s.id, deployed]).apply(([id, actual]) => {
        checkDeployedZones(zones, actual);
        return id;
      }),
    );
  }
}
