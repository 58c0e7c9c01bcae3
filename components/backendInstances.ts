import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as command from "@pulumi/command";
import { AGENT_GRACE_SECONDS, readinessTimings } from "../lib/instance/readiness";
import { checkUserDataSize } from "../lib/instance/userDataSize";
import { pauseCommand } from "../lib/localCommand";

export interface BackendInstancesArgs {
  /** Number of instances. Plain: it decides how many instances exist. */
  readonly count: number;
  /** vSwitches to spread over, one per zone; instance i goes to vSwitch i mod n. */
  readonly vswitchIds: pulumi.Input<string>[];
  /** Security group of the instances. */
  readonly securityGroupId: pulumi.Input<string>;
  /** System image, configured or from a lookup. */
  readonly imageId: pulumi.Input<string>;
  /** true when imageId comes from the stack config; default false (a lookup, pinned once deployed). */
  readonly imageConfigured?: boolean;
  /** Instance type, configured or from a lookup. */
  readonly instanceType: pulumi.Input<string>;
  /** true when instanceType comes from the stack config; default false (a lookup, pinned once deployed). */
  readonly instanceTypeConfigured?: boolean;
  /** Cloud-init user data (plain text; encoded here). A change replaces the instances, see below. */
  readonly userData: string;
  /** Shell script Cloud Assistant runs on each new instance; exit 0 means ready to serve. */
  readonly readinessScript: string;
  /** Seconds a new instance may take to become ready; drives every readiness timeout; default 600. */
  readonly readinessTimeoutSeconds?: number;
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
  readonly appRestart?: RollingScript;
  /**
   * At the instance edge: the certificate reload Cloud Assistant runs whenever `trigger` (a digest of
   * the chain and key) changes, after what `after` holds (the certificate's parameters) is updated;
   * default none. The trigger stays in the state only.
   */
  readonly certificateReload?: RollingScript & { readonly after: readonly pulumi.Resource[] };
}

/** A script run on the instances one after the other whenever `trigger` changes. */
export interface RollingScript {
  readonly script: string;
  readonly trigger: pulumi.Input<string>;
  readonly timeoutSeconds: number;
}

/**
 * What every Cloud Assistant invocation (readiness checks, app restarts) is declared with, and why.
 *
 * A finished invocation is only a record, and Cloud Assistant forgets it after about four weeks. The
 * provider's Delete nevertheless calls StopInvocation and returns its error
 * (terraform-provider-alicloud alicloud/resource_alicloud_ecs_invocation.go, Delete): every later
 * rollout, scale-down or destroy would fail at its end, when the replaced invocations are deleted,
 * and keep failing. So they are retained on delete: Pulumi forgets them instead. The engine goes by
 * the option recorded in the state (pulumi/pulumi#13428), so it takes effect from the first
 * `pulumi up` that records it, for invocations that update keeps as they are.
 *
 * A refresh that finds one gone drops it: the provider's Read turns DescribeInvocations' empty list
 * into NotFound and clears the id (same file, Read; service_alicloud_ecs.go, DescribeEcsInvocation),
 * the bridge answers that the resource is gone (pulumi-terraform-bridge pkg/tfbridge/provider.go,
 * Read) and the engine removes it from the state (pulumi/pulumi pkg/resource/deploy/step.go,
 * RefreshStep). No resource option can keep the next `pulumi up` from creating a declared resource
 * the state does not have: ignoreChanges and triggers compare with a recorded state, and there is
 * none. So nothing else depends on an invocation's values, only on its having run (dependsOn): a
 * gate created again after such a refresh changes no attachment, verification or alarm. Its check
 * passes at the first probe of an instance that serves; a restart runs once more, one instance at a
 * time. `pulumi refresh --exclude` keeps them out of a refresh (README, "Rolling out a new app image").
 */
const INVOCATION_OPTIONS = { retainOnDelete: true } as const;

/**
 * ECS instances running nginx in front of the app, spread over zones, each gated by a readiness
 * check before the load balancer may send it traffic.
 *
 * Rolling out a change (a new app image or nginx config changes the user data; a deliberately
 * configured new instanceType or imageId): instances are replaced, never rebooted in place. Pulumi
 * creates every replacement first, Cloud Assistant waits until each one serves the health path
 * through nginx, only then is it attached to the load balancer, and the old instances are detached
 * and deleted last (HttpsLoadBalancer). Capacity never drops during a deploy.
 */
export class BackendInstances extends pulumi.ComponentResource {
  /** Instance ids, in order. */
  readonly instanceIds: pulumi.Output<string>[];
  /**
   * Per instance, what must have succeeded before it serves: its readiness check, and its app's
   * restart when there is one. For dependsOn: their values are of no use to anyone.
   */
  readonly ready: pulumi.Resource[][];
  readonly privateIps: pulumi.Output<string>[];
  /** The readiness checks. */
  readonly readiness: alicloud.ecs.EcsInvocation[];
  /** The image and type the instances really run (the state's, once deployed). */
  readonly imageId: pulumi.Output<string>;
  readonly instanceType: pulumi.Output<string>;
  /** Bytes of user data before base64, against ECS's 32 KB. */
  readonly userDataBytes: number;

  constructor(name: string, args: BackendInstancesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:compute:BackendInstances", name, {}, opts);
    if (!Number.isInteger(args.count) || args.count < 1) {
      throw new Error(`BackendInstances ${name}: count must be a whole number of at least 1 (got ${args.count})`);
    }
    if (args.vswitchIds.length === 0) throw new Error(`BackendInstances ${name}: vswitchIds is empty; give at least one vSwitch`);
    const size = checkUserDataSize(args.userData);
    if (size.warning) void pulumi.log.warn(size.warning, this);
    this.userDataBytes = size.bytes;
    const tags = args.tags ?? {};
    const timings = readinessTimings(args.readinessTimeoutSeconds);

    const readinessCommand = new alicloud.ecs.Command(
      `${name}-readiness`,
      {
        commandContent: Buffer.from(args.readinessScript, "utf8").toString("base64"),
        type: "RunShellScript",
        timeout: timings.commandSeconds,
        description: "wechat-https-backend: wait until nginx serves the health path",
      },
      { parent: this },
    );

    // Values from a lookup keep what the instance was created with (a newer image or another type
    // answering later must not move running instances); configured ones replace instances when changed.
    const ignoreChanges = [...(args.imageConfigured ? [] : ["imageId"]), ...(args.instanceTypeConfigured ? [] : ["instanceType"])];
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
            // The provider updates these in place: user data by rebooting, the type by stopping the
            // instance (resource_alicloud_instance.go), every instance at once. A replacement goes
            // through the readiness gate and the load balancer one instance at a time instead. A new
            // vSwitch (another zone, or another position when zoneCount changes) would stop the
            // instance and call ModifyInstanceVpcAttribute (same file, modifyVpcAttribute), which
            // cannot move it to another zone: its replacement is created in the new vSwitch instead.
            replaceOnChanges: ["userData", "instanceType", "imageId", "vswitchId"],
            ...(ignoreChanges.length > 0 ? { ignoreChanges } : {}),
          },
        ),
    );

    this.readiness = instances.map((instance, i) => {
      // Right after boot the Cloud Assistant agent may not be online, and a command it cannot take
      // within about a minute is Aborted: give it time first.
      const agentGrace = new command.local.Command(
        `${name}-${i}-agent-grace`,
        { create: pauseCommand(AGENT_GRACE_SECONDS), triggers: [instance.id] },
        { parent: this, dependsOn: [instance] },
      );
      return new alicloud.ecs.EcsInvocation(
        `${name}-${i}-ready`,
        { commandId: readinessCommand.id, instanceIds: [instance.id] },
        {
          parent: this,
          dependsOn: [agentGrace],
          // The provider's default of one minute is far too short for a first boot.
          customTimeouts: { create: timings.createTimeout },
          // A gate that failed (the agent still offline, a slow boot) is invoked afresh by the next
          // `pulumi up` instead of staying failed in the state: "*" covers the initialization error's
          // key (pulumi/pulumi pkg/resource/deploy/step_generator.go, applyReplaceOnChanges).
          replaceOnChanges: ["*"],
          ...INVOCATION_OPTIONS,
        },
      );
    });

    if (args.ramRoleName !== undefined) {
      const ramRoleName = args.ramRoleName;
      // ecs.RamRoleAttachment, not the instance's deprecated roleName. Its `policy` is not used: the
      // provider's Update ignores a change to it (resource_alicloud_ecs_ram_role_attachment.go).
      // Replaced delete-first: ram_role_name is ForceNew there, and AttachInstanceRamRole refuses an
      // instance that already holds a role (its API page), so a renamed role could not be attached
      // beside the old one. Meanwhile the running app keeps its env file; only a start reads OOS.
      instances.forEach(
        (instance, i) =>
          new alicloud.ecs.RamRoleAttachment(
            `${name}-${i}-role`,
            { instanceId: instance.id, ramRoleName },
            { parent: this, deleteBeforeReplace: true },
          ),
      );
    }
    const restarts = args.appRestart
      ? this.rollingInvocations(name, "restart", instances, args.appRestart, "restart the app to read its changed secrets")
      : [];
    const reloads = args.certificateReload
      ? this.rollingInvocations(
          name,
          "tls-reload",
          instances,
          args.certificateReload,
          "fetch the changed certificate and reload nginx",
          args.certificateReload.after,
        )
      : [];

    // An instance is handed to the load balancer (its own attachment) or given the EIP only once its
    // gate, and its app's restart and certificate reload when there are, succeeded:
    // INVOCATION_OPTIONS says why by dependsOn.
    this.instanceIds = instances.map((instance) => instance.id);
    this.ready = this.readiness.map((gate, i) => [gate, ...(restarts[i] ? [restarts[i]] : []), ...(reloads[i] ? [reloads[i]] : [])]);
    this.privateIps = instances.map((instance) => instance.privateIp);
    this.imageId = instances[0].imageId;
    this.instanceType = instances[0].instanceType;
    this.registerOutputs({
      instanceIds: this.instanceIds,
      privateIps: this.privateIps,
      imageId: this.imageId,
      instanceType: this.instanceType,
    });
  }

  /**
   * One invocation of `run.script` per instance (`kind`: restart, tls-reload), each after the
   * previous one and after the instance's readiness check (and `after`), so one instance runs it at a
   * time and a failure stops the rest. EcsInvocation has no Update (every field is ForceNew,
   * resource_alicloud_ecs_invocation.go), so `replacementTrigger` re-runs it: the engine replaces the
   * resource whenever the trigger's value changes, and keeps that value (a secret) in the state only,
   * never sending it to the cloud.
   */
  private rollingInvocations(
    name: string,
    kind: "restart" | "tls-reload",
    instances: alicloud.ecs.Instance[],
    run: RollingScript,
    purpose: string,
    after: readonly pulumi.Resource[] = [],
  ): alicloud.ecs.EcsInvocation[] {
    const command = new alicloud.ecs.Command(
      `${name}-${kind}`,
      {
        commandContent: Buffer.from(run.script, "utf8").toString("base64"),
        type: "RunShellScript",
        timeout: run.timeoutSeconds,
        description: `wechat-https-backend: ${purpose}`,
      },
      { parent: this },
    );
    const invocations: alicloud.ecs.EcsInvocation[] = [];
    instances.forEach((instance, i) => {
      const previous = invocations[i - 1];
      invocations.push(
        new alicloud.ecs.EcsInvocation(
          `${name}-${i}-${kind}`,
          { commandId: command.id, instanceIds: [instance.id] },
          {
            parent: this,
            dependsOn: [this.readiness[i], ...(previous ? [previous] : []), ...after],
            replacementTrigger: run.trigger,
            customTimeouts: { create: `${Math.ceil(run.timeoutSeconds / 60) + 5}m` },
            // An invocation that failed stays in the state with an initialization error; "*" covers
            // that error's key, so the next `pulumi up` runs it afresh instead of recording it as done
            // (pulumi/pulumi pkg/resource/deploy/step_generator.go, applyReplaceOnChanges).
            replaceOnChanges: ["*"],
            ...INVOCATION_OPTIONS,
          },
        ),
      );
    });
    return invocations;
  }
}
