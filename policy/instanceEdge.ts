// The one public instance the pack allows: the instance edge (stack config `edge: instance`), where
// nginx on an ECS instance with an EIP (or a public IP) ends TLS itself. Such an instance is allowed
// only while every rule of its security groups that the internet can use opens TCP 443 or TCP 80 and
// nothing else: HTTPS, and HTTP for the redirect. Rules from known, narrower ranges (SSH from the
// listed ranges, as today) are the other policies' business.
//
// Which security groups an instance is in, and which group a rule belongs to, are the stack's own
// links: the engine hands a stack policy each property's dependencies (PolicyResource
// propertyDependencies: an instance's securityGroups, a rule's securityGroupId, an EIP association's
// instanceId), so the pack needs no id, and works at preview, when none is known yet. A link the pack
// cannot follow (a group or an instance this stack does not define) is not the shape: refused.
import type { PolicyResource } from "@pulumi/policy";
import { NOT_KNOWN, peekString } from "./props";
import { TYPES } from "./resourceTypes";
import { internetSource, portIngress, prefixListSource, ruleFacts } from "./securityGroupRules";

/** What the instance edge serves to everyone: HTTPS, and HTTP to redirect to it. */
export const EDGE_PORTS: readonly number[] = [443, 80];

/** The resources the property `key` of `resource` takes its value from, of `type`. */
export function linked(resource: PolicyResource, key: string, type: string): PolicyResource[] {
  return (resource.propertyDependencies?.[key] ?? []).filter((r) => r.type === type);
}

/** The security group rules of this stack that belong to `group`. */
function rulesOf(group: PolicyResource, resources: readonly PolicyResource[]): PolicyResource[] {
  return resources.filter(
    (r) => r.type === TYPES.securityGroupRule && linked(r, "securityGroupId", TYPES.securityGroup).some((g) => g.urn === group.urn),
  );
}

/** Whether a rule opens exactly one edge port over TCP (whatever its source). */
export function isEdgePortRule(rule: PolicyResource): boolean {
  const facts = portIngress(rule);
  return facts?.protocol === "tcp" && facts.range.from === facts.range.to && EDGE_PORTS.includes(facts.range.from);
}

/** Where the internet can use a rule (its source counts as the internet, or is a prefix list the pack cannot see into). */
function facesInternet(rule: PolicyResource): boolean {
  return ruleFacts(rule)?.ingressAccept === true && (internetSource(rule) !== undefined || prefixListSource(rule) !== undefined);
}

export interface EdgeShape {
  /** The instance's security groups, when the pack could follow the link to each. */
  readonly groups: PolicyResource[];
  /** Why the instance is not the instance edge's shape; empty when it is. */
  readonly problems: string[];
}

/** Whether `instance` is the instance edge's shape: in known groups whose internet-facing rules open only 443 and 80. */
export function edgeShape(instance: PolicyResource, resources: readonly PolicyResource[]): EdgeShape {
  const groups = linked(instance, "securityGroups", TYPES.securityGroup);
  if (groups.length === 0) {
    return { groups, problems: [`its security groups are not groups of this stack, so what they let in cannot be seen`] };
  }
  const problems = groups.flatMap((group) =>
    rulesOf(group, resources)
      .filter((rule) => facesInternet(rule) && !isEdgePortRule(rule))
      .map((rule) => {
        const range = peekString(rule.props, "portRange");
        const ports = range === NOT_KNOWN || range === undefined ? "ports not known yet" : `port range ${range}`;
        const protocol = peekString(rule.props, "ipProtocol");
        const over = typeof protocol === "string" ? protocol : "protocol not known yet";
        return `rule "${rule.name}" of security group "${group.name}" lets the internet reach ${ports} (${over})`;
      }),
  );
  return { groups, problems };
}

/** The security groups of the instance-edge-shaped public instances of the stack: their 443 and 80 rules are allowed. */
export function edgeGroups(resources: readonly PolicyResource[]): Set<string> {
  const urns = new Set<string>();
  for (const instance of publicInstances(resources)) {
    const shape = edgeShape(instance, resources);
    if (shape.problems.length === 0) for (const group of shape.groups) urns.add(group.urn);
  }
  return urns;
}

/** Whether a rule is one of the instance edge's own: 443 or 80 over TCP in a group of an edge-shaped public instance. */
export function isInstanceEdgeRule(rule: PolicyResource, groups: ReadonlySet<string>): boolean {
  return isEdgePortRule(rule) && linked(rule, "securityGroupId", TYPES.securityGroup).some((g) => groups.has(g.urn));
}

/** Instances of the stack with a public address: their own (bandwidth out, allocatePublicIp) or an EIP association's. */
export function publicInstances(resources: readonly PolicyResource[]): PolicyResource[] {
  const viaEip = resources
    .filter((r) => r.type === TYPES.eipAssociation && (peekString(r.props, "instanceType") ?? "EcsInstance") === "EcsInstance")
    .flatMap((association) => linked(association, "instanceId", TYPES.instance));
  const own = resources.filter((r) => r.type === TYPES.instance && ownPublicAddress(r) !== undefined);
  return [...new Map([...viaEip, ...own].map((r) => [r.urn, r])).values()];
}

/** Why an instance has a public address of its own, or undefined. */
export function ownPublicAddress(instance: PolicyResource): string | undefined {
  const bandwidth = Number(peekString(instance.props, "internetMaxBandwidthOut") ?? 0);
  if (Number.isFinite(bandwidth) && bandwidth > 0) return `internetMaxBandwidthOut ${bandwidth}, which gives it a public IP address`;
  if (peekString(instance.props, "allocatePublicIp") === "true") return "allocatePublicIp true";
  return undefined;
}
