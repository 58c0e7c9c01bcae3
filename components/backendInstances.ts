import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";

export interface BackendInstancesArgs {
  /** Number of instances. Plain: it decides how many instances exist. */
  readonly count: number;
  /** vSwitches to spread over, one per zone; instance i goes to vSwitch i mod n. */
  readonly vswitchIds: pulumi.Input<string>[];
  /** Security group of the instances. */
  readonly securityGroupId: pulumi.Input<string>;
  /** System image, from a lookup. */
  readonly imageId: pulumi.Input<string>;
  /** Instance type, configured or from a lookup. */
  readonly instanceType: pulumi.Input<string>;
  /** true when instanceType came from a lookup: a cheaper type appearing later must not resize running instances. */
  readonly instanceTypeLookedUp?: boolean;
  /** Cloud-init user data (plain text; encoded here). A change replaces the instances, see below. */
  readonly userData: string;
  /** Shell script Cloud Assistant runs on each new instance; exit 0 means ready to serve. */
  readonly readinessScript: string;
  /** How long an instance may take to become ready; default 20 minutes. */
  readonly readinessTimeoutMinutes?: number;
  /** System disk category; default cloud_essd. */
  readonly systemDiskCategory?: string;
  /** System disk size in GiB; default 40. */
  readonly systemDiskSize?: number;
  /** Tags for every taggable resource; default none. */
  readonly tags?: Record<string, string>;
  /** RAM role each instance gets (its app reads its secrets and pulls its image with it); default none. */
  readonly ramRoleName?: pulumi.Input<string>;
  /** What must exist before an instance boots (the secrets its app reads when it starts); default nothing. */
  readonly bootDependencies?: pulumi.Resource[];
  /**
   * Script Cloud Assistant runs on the instances, one after the other, whenever `trigger` changes
   * (restarts the app after its secrets changed); default none. The trigger stays in the state only.
   */
  readonly appRestart?: { readonly script: string; readonly trigger: pulumi.Input<string>; readonly timeoutSeconds: number };
}

/**
 * ECS instances running nginx in front of the app, spread over zones, each gated by a readiness
 * check before the load balancer may send it traffic.
 *
 * Rolling out a change (a new app image or nginx config changes the user data): instances are
 * replaced, never rebooted in place. Pulumi creates every replacement first, Cloud Assistant waits
 * until each one serves the health path through nginx, only then does the load balancer's backend
 * list switch to them, and the old instances are deleted last. Capacity never drops during a deploy.
 */
export class BackendInstances extends pulumi.ComponentResource {
  /** Instance ids, resolved only once every instance passed its readiness check. */
  readonly readyInstanceIds: pulumi.Output<string>[];
  readonly privateIps: pulumi.Output<string>[];
  /** The readiness checks; the load balancer's backend attachment depends on them. */
  readonly readiness: alicloud.ecs.EcsInvocation[];

  constructor(name: string, args: BackendInstancesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:compute:BackendInstances", name, {}, opts);
    if (!Number.isInteger(args.count) || args.count < 1) {
      throw new Error(`BackendInstances ${name}: count must be a whole number of at least 1 (got ${args.count})`);
    }
    if (args.vswitchIds.length === 0) throw new Error(`BackendInstances ${name}: vswitchIds is empty; give at least one vSwitch`);
    const tags = args.tags ?? {};
    const timeoutMinutes = args.readinessTimeoutMinutes ?? 20;

    const readinessCommand = new alicloud.ecs.Command(
      `${name}-readiness`,
      {
        commandContent: Buffer.from(args.readinessScript, "utf8").toString("base64"),
        type: "RunShellScript",
        timeout: timeoutMinutes * 60,
        description: "wechat-https-backend: wait until nginx serves the health path",
      },
      { parent: this },
    );

    const instances = Array.from(
      { length: args.count },
      (_, i) =>
        new alicloud.ecs.Instance(
          `${name}-${i}`,
          {
            imageId: args.imageId,
            instanceType: args.instanceType,
            vswitchId: args.vswitchIds[i % args.vswitchIds.length],
            securityGroups: [args.securityGroupId],
            instanceChargeType: "PostPaid",
            systemDiskCategory: args.systemDiskCategory ?? "cloud_essd",
            systemDiskSize: args.systemDiskSize ?? 40,
            // Encrypted at rest with the region's ECS service key (KMS alias/acs/ecs, created by ECS on
            // first use, no key to manage or pay for): no kms key id. ECS encrypts a system disk at
            // creation on ESSD, the category above. ForceNew in the provider
            // (alicloud/resource_alicloud_instance.go): instances created before are replaced, rolling,
            // like any user data change.
            systemDiskEncrypted: true,
            // No public IP (the API's default is 0 Mbps, set here so it is stated): the instances are
            // reached only through the load balancer, and reach apt mirrors and the registry inside the VPC.
            internetMaxBandwidthOut: 0,
            // Base64 is the provider's recommended form; it survives any character in the config.
            userData: Buffer.from(args.userData, "utf8").toString("base64"),
            // Metadata only through session tokens (IMDSv2-style), so an SSRF in the app cannot read it.
            httpTokens: "required",
            description: "wechat-https-backend: nginx + app",
            tags,
          },
          {
            parent: this,
            dependsOn: args.bootDependencies,
            // A user data change would otherwise reboot every instance in place at the same time.
            replaceOnChanges: ["userData"],
            // The image lookup returns the newest image; a new release must not replace running instances.
            ignoreChanges: args.instanceTypeLookedUp ? ["imageId", "instanceType"] : ["imageId"],
          },
        ),
    );

    this.readiness = instances.map(
      (instance, i) =>
        new alicloud.ecs.EcsInvocation(
          `${name}-${i}-ready`,
          { commandId: readinessCommand.id, instanceIds: [instance.id] },
          // The provider waits for the script to succeed; its default of one minute is far too short for a first boot.
          { parent: this, customTimeouts: { create: `${timeoutMinutes + 5}m` } },
        ),
    );

    if (args.ramRoleName !== undefined) {
      const ramRoleName = args.ramRoleName;
      // ecs.RamRoleAttachment, not the instance's deprecated roleName. Its `policy` is not used: the
      // provider's Update ignores a change to it (resource_alicloud_ecs_ram_role_attachment.go).
      instances.forEach(
        (instance, i) =>
          new alicloud.ecs.RamRoleAttachment(`${name}-${i}-role`, { instanceId: instance.id, ramRoleName }, { parent: this }),
      );
    }
    if (args.appRestart) this.readiness.push(...this.restartInstances(name, instances, args.appRestart));

    this.readyInstanceIds = instances.map((instance, i) => pulumi.all([instance.id, this.readiness[i].id]).apply(([id]) => id));
    this.privateIps = instances.map((instance) => instance.privateIp);
    this.registerOutputs({ readyInstanceIds: this.readyInstanceIds, privateIps: this.privateIps });
  }

  /**
   * One invocation of the restart script per instance, each after the previous one and after the
   * instance's readiness check, so one instance restarts at a time and a failure stops the rest.
   * EcsInvocation has no Update (every field is ForceNew, resource_alicloud_ecs_invocation.go), so
   * `replacementTrigger` re-runs it: the engine replaces the resource whenever the trigger's value
   * changes, and keeps that value (a secret) in the state only, never sending it to the cloud.
   */
  private restartInstances(
    name: string,
    instances: alicloud.ecs.Instance[],
    restart: NonNullable<BackendInstancesArgs["appRestart"]>,
  ): alicloud.ecs.EcsInvocation[] {
    const command = new alicloud.ecs.Command(
      `${name}-restart`,
      {
        commandContent: Buffer.from(restart.script, "utf8").toString("base64"),
        type: "RunShellScript",
        timeout: restart.timeoutSeconds,
        description: "wechat-https-backend: restart the app to read its changed secrets",
      },
      { parent: this },
    );
    const invocations: alicloud.ecs.EcsInvocation[] = [];
    instances.forEach((instance, i) => {
      const previous = invocations[i - 1];
      invocations.push(
        new alicloud.ecs.EcsInvocation(
          `${name}-${i}-restart`,
          { commandId: command.id, instanceIds: [instance.id] },
          {
            parent: this,
            dependsOn: previous ? [this.readiness[i], previous] : [this.readiness[i]],
            replacementTrigger: restart.trigger,
            customTimeouts: { create: `${Math.ceil(restart.timeoutSeconds / 60) + 5}m` },
          },
        ),
      );
    });
    return invocations;
  }
}
