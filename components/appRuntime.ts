import { createHash } from "node:crypto";
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import {
  ECS_TRUST_POLICY,
  appRolePolicyDocument,
  appSecretParameterName,
  registryPasswordParameterName,
  tlsChainParameterNames,
  tlsChainParts,
  tlsKeyParameterName,
} from "../lib/cloud/appRole";
import type { AppSettings, SecretValue } from "../lib/config/settings";
import { secretOutput } from "../lib/secretOutput";
import { ramName } from "../lib/names";

export interface AppRuntimeArgs {
  /** The app's secrets and registry login. */
  readonly app: AppSettings;
  /** Stack name: the secret parameters live under wechat-https-backend/<stack>/. */
  readonly stack: string;
  /** Region of the stack (the parameters, the role's resources). */
  readonly region: string;
  /** VPC of the instances: linked to the ACR Enterprise Edition instance, so its VPC endpoint resolves there. */
  readonly vpcId: pulumi.Input<string>;
  /** vSwitch the ACR VPC endpoint takes an address in. */
  readonly vswitchId: pulumi.Input<string>;
  /** Tags for the parameters, the role and the policy; default none. */
  readonly tags?: Record<string, string>;
  /**
   * The instance edge's certificate, secrets: kept in OOS encrypted parameters the instances read with
   * the same role (the chain in parts, the key in one). Default none: the load balancer serves it.
   */
  readonly tls?: { readonly certificatePem: pulumi.Input<string>; readonly privateKeyPem: pulumi.Input<string> };
}

/** Seen from the parameters' descriptions, what each of the certificate's parameters holds. */
const TLS_PART_LABEL = (i: number, count: number) => `the instance edge's certificate chain, part ${i + 1} of ${count}`;

/** Whether the app needs anything from the cloud beyond an anonymous pull. */
export function appNeedsCloudAccess(app: AppSettings): boolean {
  return Object.keys(app.secrets).length > 0 || app.registry !== undefined;
}

/**
 * What the app container needs from the cloud: its secrets as OOS encrypted parameters under this
 * stack's prefix, and a RAM role for the instances that may read exactly those parameters and pull
 * the app image from its one ACR Enterprise Edition repository (with the VPC linked to that
 * instance, so the pull stays inside the VPC). At the instance edge, also nginx's certificate and
 * key, kept and read the same way.
 *
 * Secrets never appear in a plan, an output or the user data: the parameters take them as Pulumi
 * secrets, the instances get only their names, and `revision` (which changes whenever an app
 * secret does, to restart the app) is a secret too and stays in the state. A new registry password
 * needs no restart: it is read for the next pull, i.e. by new instances.
 */
export class AppRuntime extends pulumi.ComponentResource {
  /** The instances' RAM role, for ecs.RamRoleAttachment. */
  readonly roleName: pulumi.Output<string>;
  /** Resources that must exist before an instance starts its app: the parameters, the role's policy, the registry link. */
  readonly bootDependencies: pulumi.Resource[];
  /** A secret digest of the app secrets' values: the app restarts whenever it changes. */
  readonly revision: pulumi.Output<string>;
  /**
   * With `tls`: a digest of the chain and key (nginx reloads them whenever it changes), and their
   * parameters. Not a secret, unlike `revision`: the key's 2048 or more random bits make its digest
   * as unguessable as the key, and a secret replacementTrigger makes `pulumi preview --json` (3.248)
   * panic ("attempt to encrypt value": pkg/backend/display/json.go, stateForJSONOutput, copies the
   * trigger without replacing its secret by "[secret]", then serializes it with a crypter that panics),
   * which the renew workflow runs (check-renewal).
   */
  readonly tlsRevision?: pulumi.Output<string>;
  readonly tlsParameters: pulumi.Resource[];

  constructor(name: string, args: AppRuntimeArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:app:AppRuntime", name, {}, opts);
    const tags = args.tags ?? {};
    const secrets: [string, string, SecretValue][] = Object.entries(args.app.secrets).map(([variable, value]) => [
      variable,
      appSecretParameterName(args.stack, variable),
      value,
    ]);
    const registry = args.app.registry;
    if (registry?.kind === "password") secrets.push(["registry-password", registryPasswordParameterName(args.stack), registry.password]);

    const parameters = secrets.map(
      ([label, parameterName, value]) =>
        new alicloud.oos.SecretParameter(
          `${name}-secret-${label}`,
          {
            secretParameterName: parameterName,
            value: secretOutput(value),
            // Optional and computed upstream; set to what the API returns so no diff appears.
            type: "Secret",
            description: `wechat-https-backend ${args.stack}: ${label === "registry-password" ? "registryPassword" : `appSecrets.${label}`}`,
            tags,
          },
          { parent: this },
        ),
    );

    const tlsParameters = args.tls ? this.certificateParameters(name, args.stack, args.tls, tags) : [];

    const accountId = alicloud.getCallerIdentityOutput({ parent: this }).accountId;
    const role = new alicloud.ram.Role(
      `${name}-role`,
      {
        roleName: ramName(args.stack, args.region, "app"),
        assumeRolePolicyDocument: ECS_TRUST_POLICY,
        description: `wechat-https-backend ${args.stack}: instances read their app's secrets and pull its image`,
        tags,
      },
      { parent: this },
    );
    const policy = new alicloud.ram.Policy(
      `${name}-policy`,
      {
        policyName: ramName(args.stack, args.region, "app"),
        policyDocument: accountId.apply((account) =>
          appRolePolicyDocument({
            region: args.region,
            accountId: account,
            stack: args.stack,
            readsSecrets: secrets.length > 0 || tlsParameters.length > 0,
            acr: registry?.kind === "acr" ? { instanceId: registry.instanceId, repository: registry.repository } : undefined,
          }),
        ),
        description: `wechat-https-backend ${args.stack}: read this stack's OOS parameters, pull its image`,
        // A changed document becomes a new version; the oldest goes when RAM's five are used up.
        rotateStrategy: "DeleteOldestNonDefaultVersionWhenLimitExceeded",
        tags,
      },
      { parent: this },
    );
    const attachment = new alicloud.ram.RolePolicyAttachment(
      `${name}-policy-attachment`,
      { roleName: role.roleName, policyName: policy.policyName, policyType: "Custom" },
      { parent: this },
    );

    const dependencies: pulumi.Resource[] = [...parameters, ...tlsParameters, attachment];
    if (registry?.kind === "acr") {
      dependencies.push(
        new alicloud.cr.VpcEndpointLinkedVpc(
          `${name}-registry-vpc`,
          {
            instanceId: registry.instanceId,
            vpcId: args.vpcId,
            vswitchId: args.vswitchId,
            moduleName: "Registry",
            // A PrivateZone record, so <instance>-registry-vpc.<region>.cr.aliyuncs.com resolves in this VPC.
            enableCreateDnsRecordInPvzt: true,
          },
          // Replaced when the first zone changes (vswitch_id is ForceNew,
          // resource_alicloud_cr_vpc_endpoint_linked_vpc.go). The old link goes first: whether the
          // registry takes a second link of the same VPC is not documented, and its endpoint must
          // leave the old vSwitch before that vSwitch can be deleted. Running instances pulled their
          // image already; new ones boot only once the new link exists (bootDependencies).
          { parent: this, deleteBeforeReplace: true },
        ),
      );
    }

    this.roleName = pulumi.all([role.roleName, attachment.id]).apply(([roleName]) => roleName as string);
    this.bootDependencies = dependencies;
    this.revision = pulumi.secret(
      pulumi
        .all(Object.entries(args.app.secrets).map(([variable, value]) => pulumi.all([variable, secretOutput(value)])))
        .apply((entries) => createHash("sha256").update(JSON.stringify(entries)).digest("hex")),
    );
    this.tlsParameters = tlsParameters;
    const tls = args.tls;
    this.tlsRevision = tls
      ? pulumi.unsecret(
          pulumi
            .all([tls.certificatePem, tls.privateKeyPem])
            .apply((material) => createHash("sha256").update(JSON.stringify(material)).digest("hex")),
        )
      : undefined;
    this.registerOutputs({ roleName: this.roleName, revision: this.revision, tlsRevision: this.tlsRevision });
  }

  /**
   * The chain in TLS_CHAIN_PARTS parameters (OOS takes 4096 characters a value) and the key in one,
   * all secrets, updated in place when the certificate changes (value is not ForceNew,
   * resource_alicloud_oos_secret_parameter.go), so their names stay what the instances read.
   */
  private certificateParameters(
    name: string,
    stack: string,
    tls: NonNullable<AppRuntimeArgs["tls"]>,
    tags: Record<string, string>,
  ): alicloud.oos.SecretParameter[] {
    const parts = pulumi.output(tls.certificatePem).apply(tlsChainParts);
    const names = tlsChainParameterNames(stack);
    const chain = names.map(
      (parameterName, i) =>
        new alicloud.oos.SecretParameter(
          `${name}-secret-tls-chain-${i + 1}`,
          {
            secretParameterName: parameterName,
            value: pulumi.secret(parts.apply((values) => values[i])),
            type: "Secret",
            description: `wechat-https-backend ${stack}: ${TLS_PART_LABEL(i, names.length)}`,
            tags,
          },
          { parent: this },
        ),
    );
    const key = new alicloud.oos.SecretParameter(
      `${name}-secret-tls-private-key`,
      {
        secretParameterName: tlsKeyParameterName(stack),
        value: pulumi.secret(tls.privateKeyPem),
        type: "Secret",
        description: `wechat-https-backend ${stack}: the instance edge's certificate key`,
        tags,
      },
      { parent: this },
    );
    return [...chain, key];
  }
}
