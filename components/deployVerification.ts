import * as pulumi from "@pulumi/pulumi";
import * as command from "@pulumi/command";

export interface DeployVerificationArgs {
  /** Host name the mini program calls. */
  readonly domain: string;
  /** The load balancer's address: the check connects there (like curl --resolve), so DNS propagation does not matter. */
  readonly address: pulumi.Input<string>;
  /** Health path the app answers. */
  readonly healthPath: string;
  /** Minimum HSTS max-age the instances must send, seconds. */
  readonly hstsMinSeconds: number;
  /** The certificate must stay valid this many more days. */
  readonly minDays: number;
  /** Values whose change means the endpoint changed (certificate, listeners, instances, TLS policy): the check runs again. */
  readonly triggers: pulumi.Input<unknown>[];
  /** Resources that must be in place before the check (listeners, backend attachment). */
  readonly after: pulumi.Resource[];
  /** How long the check keeps retrying while new backends become healthy; default 300 s. */
  readonly waitSeconds?: number;
  /** Time limit of one verification attempt (--deadline); default 120 s. */
  readonly deadlineSeconds?: number;
  /** Extra trusted roots, PEM (a private PKI the stack's config trusts); given on stdin (`--cacert -`); default none. */
  readonly trustedRootsPem?: string;
}

/**
 * The command's own time limit: the verifier gives up by itself after --wait plus one attempt's
 * --deadline (and a pause), and exits shortly after in any case (verifier/cli.ts); a minute and the
 * rounding more, and `pulumi up` stops waiting even if the process does not, rather than hanging
 * with the state locked. Not confirmed that pulumi-command enforces customTimeouts; the verifier's
 * own limits do not depend on it.
 */
export function commandTimeout(args: Pick<DeployVerificationArgs, "waitSeconds" | "deadlineSeconds">): string {
  const seconds = (args.waitSeconds ?? 300) + (args.deadlineSeconds ?? 120) + 60;
  return `${Math.ceil(seconds / 60)}m`;
}

/**
 * Runs the project's HTTPS verifier against the freshly deployed load balancer during `pulumi up`;
 * a failing check fails the update, loudly, instead of breaking the mini program silently. It runs
 * on the machine running `pulumi up`, from the project directory.
 */
export class DeployVerification extends pulumi.ComponentResource {
  /** The verifier's report of the last run. */
  readonly report: pulumi.Output<string>;

  constructor(name: string, args: DeployVerificationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:verify:DeployVerification", name, {}, opts);
    const resolve = pulumi.interpolate`--resolve ${args.domain}:443:${args.address} --resolve ${args.domain}:80:${args.address}`;
    const cacert = args.trustedRootsPem ? " --cacert -" : "";
    const create = pulumi.interpolate`node bin/verify.js ${verifierArguments(args)}${cacert} ${resolve}`;
    const check = new command.local.Command(
      `${name}-verify`,
      // A relative path: the command must not change with the machine (or checkout) running it. The
      // roots go on stdin: certificates are public, but a command line has no room for a bundle.
      { create, triggers: args.triggers, ...(args.trustedRootsPem ? { stdin: args.trustedRootsPem } : {}) },
      { parent: this, dependsOn: args.after, customTimeouts: { create: commandTimeout(args), update: commandTimeout(args) } },
    );
    this.report = check.stdout;
    this.registerOutputs({ report: this.report });
  }
}

/** The verifier's arguments besides --resolve. */
export function verifierArguments(
  args: Pick<DeployVerificationArgs, "domain" | "healthPath" | "hstsMinSeconds" | "minDays" | "waitSeconds" | "deadlineSeconds">,
): string {
  return [
    `https://${args.domain}/`,
    `--health-path ${args.healthPath}`,
    `--hsts-min ${args.hstsMinSeconds}`,
    `--min-days ${args.minDays}`,
    `--wait ${args.waitSeconds ?? 300}`,
    `--deadline ${args.deadlineSeconds ?? 120}`,
  ].join(" ");
}
