// Security group rules of the instances. The instances take traffic only from the load balancer
// (100.64.0.0/10) on nginx's port; SSH only from listed ranges. The one exception is the instance
// edge (instanceEdge.ts): its 443 and 80 face the internet, and only while its groups open nothing
// else to it. What counts as "the internet" is any
// source range of an IPv4 /8 or an IPv6 /32 or wider (lib/cidr.ts isInternetWide): 0.0.0.0/1 and
// 128.0.0.0/1 open a port to the world as surely as 0.0.0.0/0. A source the pack cannot see into
// (a prefix list) is not proven safe, so it is refused on the ports that must not face the internet.
//
// Established rule sets this follows: checkov CKV_ALI_2 / CKV_ALI_3 (no SSH / RDP from 0.0.0.0/0),
// KICS public_security_group_rule_sensitive_port and public_security_group_rule_unknown_port
// (Alibaba Cloud queries), widened here from /0 to any range of /8 (IPv6: /32) or wider.
import type { PolicyResource, ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { CLB_BACKEND_CIDR, DEFAULT_BACKEND_PORT, NGINX_PORT } from "./shared/constants";
import { INTERNET_WIDE_PREFIX } from "./shared/cidr";
import { cidrWithin, rangeContains, type PortRange } from "./network";
import { NOT_KNOWN } from "./props";
import { ADMIN_PORTS, SENSITIVE_PORTS } from "./ports";
import { edgeGroups, isInstanceEdgeRule } from "./instanceEdge";
import { TYPES } from "./resourceTypes";
import { internetSource, portIngress, prefixListSource, ruleSource, type RuleFacts } from "./securityGroupRules";

const WIDE = `an IPv4 /${INTERNET_WIDE_PREFIX[4]} or an IPv6 /${INTERNET_WIDE_PREFIX[6]}, or wider, counts`;
const INTERNET = `the internet (${WIDE})`;
/** "the internet (0.0.0.0/1; an IPv4 /8 or an IPv6 /32, or wider, counts)" */
const toInternet = (source: string) => `the internet (${source}; ${WIDE})`;

/**
 * Where an ingress rule on ports lets the internet in, or may (a prefix list), for the ports that
 * must never face it; undefined when it does not or is not known yet. Deny what cannot be proven safe.
 */
function exposure(args: ResourceValidationArgs): { rule: RuleFacts & { range: PortRange }; to: string } | undefined {
  const rule = portIngress(args);
  if (!rule) return undefined;
  const open = internetSource(args);
  if (open) return { rule, to: toInternet(open) };
  const list = prefixListSource(args);
  if (list)
    return { rule, to: `prefix list ${list}, whose entries this pack cannot see (they may hold 0.0.0.0/0; give the ranges as cidrIp)` };
  return undefined;
}

/** How each admin port is reached, and the fix a rule opening it gets. */
const ADMIN_RULES: Record<number, { readonly protocols: readonly string[]; readonly fix: string }> = {
  22: {
    protocols: ["tcp", "all"],
    fix: 'allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule',
  },
  3389: { protocols: ["tcp", "udp", "all"], fix: "allow only known ranges or remove the rule" },
};

export const noAdminPortsFromInternet: ResourceValidationPolicy = {
  name: "no-admin-ports-from-internet",
  description: `No security group rule lets ${INTERNET} reach SSH (22) or RDP (3389). checkov CKV_ALI_2, CKV_ALI_3.`,
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const exposed = exposure(args);
    if (!exposed) return;
    const { rule, to } = exposed;
    for (const admin of ADMIN_PORTS) {
      const { protocols, fix } = ADMIN_RULES[admin.port];
      if (protocols.includes(rule.protocol ?? "") && rangeContains(rule.range, admin.port)) {
        reportViolation(`security group rule "${args.name}" opens port ${admin.port} (${admin.label}) to ${to}: ${fix}`);
      }
    }
  },
};

interface BackendPortConfig {
  readonly backendPorts?: number[];
  readonly loadBalancerCidr?: string;
}

/** The backend ports a rule opens to something other than the load balancer's range, as messages. */
function backendPortProblems(rule: PolicyResource, config: BackendPortConfig): string[] {
  const ports = config.backendPorts ?? [80];
  const allowed = config.loadBalancerCidr ?? CLB_BACKEND_CIDR;
  const facts = portIngress(rule);
  if (!facts || !["tcp", "all"].includes(facts.protocol ?? "")) return [];
  const covered = ports.filter((port) => rangeContains(facts.range, port));
  if (covered.length === 0) return [];
  const source = ruleSource(rule);
  if (source === NOT_KNOWN || (source.kind === "cidr" && cidrWithin(source.cidr, allowed))) return [];
  return covered.map(
    (port) =>
      `security group rule "${rule.name}" opens backend port ${port} (nginx) to ${source.label}: only the ` +
      `load balancer's range ${allowed} may reach it; set cidrIp to ${allowed}`,
  );
}

/** The security group rules of a stack, but for the instance edge's own 443 and 80 (instanceEdge.ts). */
function rulesToJudge(resources: readonly PolicyResource[]): PolicyResource[] {
  const groups = edgeGroups(resources);
  return resources.filter((r) => r.type === TYPES.securityGroupRule && !isInstanceEdgeRule(r, groups));
}

export const backendPortOnlyFromLoadBalancer: StackValidationPolicy = {
  name: "backend-port-only-from-load-balancer",
  description:
    "The backend port (nginx, 80) is open only to the load balancer's range 100.64.0.0/10; at the instance edge " +
    "(one public instance serving only 443 and 80) its 80 serves the internet the redirect to HTTPS.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      backendPorts: { type: "array", items: { type: "integer" }, default: [80] },
      loadBalancerCidr: { type: "string", default: CLB_BACKEND_CIDR },
    },
  },
  validateStack: (args, reportViolation) => {
    const config = args.getConfig<BackendPortConfig>();
    for (const rule of rulesToJudge(args.resources)) {
      for (const message of backendPortProblems(rule, config)) reportViolation(message, rule.urn);
    }
  },
};

interface SensitivePortConfig {
  readonly appPorts?: number[];
}

function coveredSensitive(range: PortRange, appPorts: readonly number[]): string[] {
  const listed = SENSITIVE_PORTS.filter((s) => rangeContains(range, s.port)).map((s) => `${s.port} (${s.service})`);
  const app = appPorts.filter((port) => rangeContains(range, port)).map((port) => `${port} (the app, behind nginx)`);
  return [...listed, ...app];
}

export const noSensitivePortsFromInternet: ResourceValidationPolicy = {
  name: "no-sensitive-ports-from-internet",
  description:
    `No security group rule lets ${INTERNET} reach a database, cache, queue, container or cluster API, file share, ` +
    "remote desktop or the app's own port (which bypasses nginx). KICS public_security_group_rule_sensitive_port.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      appPorts: { type: "array", items: { type: "integer" }, default: [DEFAULT_BACKEND_PORT] },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const exposed = exposure(args);
    if (!exposed) return;
    const covered = coveredSensitive(exposed.rule.range, args.getConfig<SensitivePortConfig>().appPorts ?? [DEFAULT_BACKEND_PORT]);
    if (covered.length === 0) return;
    const shown = covered.length > 6 ? `${covered.slice(0, 6).join(", ")} and ${covered.length - 6} more` : covered.join(", ");
    reportViolation(
      `security group rule "${args.name}" opens ${shown} to ${exposed.to}: remove the rule; the ` +
        `instances serve only through the load balancer, and the app only through nginx`,
    );
  },
};

/** Another port a rule opens to the internet than what the mandatory policies report, as a message. */
function otherPortsProblem(rule: PolicyResource): string | undefined {
  const facts = portIngress(rule);
  const open = facts && internetSource(rule);
  if (!facts || !open) return undefined;
  // What the other policies of this file report is not repeated here.
  const reported = new Set([...ADMIN_PORTS.map((a) => a.port), ...SENSITIVE_PORTS.map((s) => s.port), DEFAULT_BACKEND_PORT, NGINX_PORT]);
  const reportedInRange = [...reported].filter((port) => rangeContains(facts.range, port)).length;
  if (facts.range.to - facts.range.from + 1 <= reportedInRange) return undefined;
  const ports =
    facts.range.from === 1 && facts.range.to === 65535
      ? "every port"
      : facts.range.from === facts.range.to
        ? `port ${facts.range.from}`
        : `ports ${facts.range.from}-${facts.range.to}`;
  return (
    `security group rule "${rule.name}" opens ${ports} to ${toInternet(open)}: the instances have no public ` +
    `address and serve only through the load balancer; remove the rule or narrow its source`
  );
}

export const noOtherPortsFromInternet: StackValidationPolicy = {
  name: "no-other-ports-from-internet",
  description:
    `No security group rule opens any other port to ${INTERNET}: the instances have no public address and serve only ` +
    "through the load balancer, or, at the instance edge, one instance serves 443 and 80 and nothing else. " +
    "KICS public_security_group_rule_unknown_port.",
  enforcementLevel: "advisory",
  validateStack: (args, reportViolation) => {
    for (const rule of rulesToJudge(args.resources)) {
      const message = otherPortsProblem(rule);
      if (message) reportViolation(message, rule.urn);
    }
  },
};
