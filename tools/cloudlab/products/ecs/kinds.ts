// The kinds of record ECS and VPC keep in the store, and the fields other products read from them
// (a load balancer attaches an instance, Cloud Assistant runs on one): one place for the contract.

export const KINDS = {
  vpc: "vpc.vpc",
  vswitch: "vpc.vswitch",
  securityGroup: "ecs.securityGroup",
  securityGroupRule: "ecs.securityGroupRule",
  instance: "ecs.instance",
  eip: "vpc.eip",
} as const;

/** What other products may read of an instance record (the API's own field names). */
export interface InstanceFacts {
  readonly InstanceId: string;
  /** Pending | Starting | Running | Stopping | Stopped */
  readonly Status: string;
  readonly ZoneId: string;
  readonly RegionId: string;
  readonly VpcAttributes: {
    readonly VpcId: string;
    readonly VSwitchId: string;
    readonly PrivateIpAddress: { readonly IpAddress: string[] };
  };
  readonly InstanceType: string;
  readonly ImageId: string;
  readonly RamRoleName?: string;
}
