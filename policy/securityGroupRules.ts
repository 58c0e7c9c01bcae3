// What the security group policies read from a rule: whether it lets traffic in, on which ports and
// protocol, and from where, with the provider's defaults applied.
import type { ResourceValidationArgs } from "@pulumi/policy";
import { isInternetWide } from "./shared/cidr";
import { parsePortRange, type PortRange } from "./network";
import { NOT_KNOWN, peek, peekString } from "./props";

/** What the rule checks read: a rule's properties (a resource policy's args, or a stack policy's resource). */
export type RuleProps = Pick<ResourceValidationArgs, "props">;

export interface RuleFacts {
  readonly ingressAccept: boolean;
  readonly protocol?: string;
  readonly range?: PortRange;
}

/** The parts of a security group rule every rule check needs; undefined while not known. */
export function ruleFacts(args: RuleProps): RuleFacts | undefined {
  const type = peekString(args.props, "type");
  const policy = peekString(args.props, "policy");
  const protocol = peekString(args.props, "ipProtocol");
  const portRange = peekString(args.props, "portRange");
  if (type === NOT_KNOWN || policy === NOT_KNOWN || protocol === NOT_KNOWN || portRange === NOT_KNOWN) return undefined;
  // The provider's defaults: policy accept, port range -1/-1 (every port).
  return {
    ingressAccept: type === "ingress" && (policy === undefined || policy === "accept"),
    protocol: protocol?.toLowerCase(),
    range: parsePortRange(portRange ?? "-1/-1"),
  };
}

/** Protocols whose rules have ports (icmp and gre take -1/-1, which means no port at all for them). */
export const PORT_PROTOCOLS: readonly string[] = ["tcp", "udp", "all"];

/** An ingress accept rule on ports: its facts, or undefined when it lets nothing in on a port (or is not known yet). */
export function portIngress(args: RuleProps): (RuleFacts & { range: PortRange }) | undefined {
  const facts = ruleFacts(args);
  if (!facts?.ingressAccept || !facts.range || !PORT_PROTOCOLS.includes(facts.protocol ?? "")) return undefined;
  return { ...facts, range: facts.range };
}

/** The rule's source when it counts as the internet (an IPv4 /8 or IPv6 /32 or wider, 0.0.0.0/0 and ::/0 included). */
export function internetSource(args: RuleProps): string | undefined {
  const sources = [peekString(args.props, "cidrIp"), peekString(args.props, "ipv6CidrIp")];
  return sources.find((s): s is string => typeof s === "string" && isInternetWide(s));
}

/**
 * The prefix list a rule takes its source from, when it has one: its entries are not in the rule
 * (they may hold 0.0.0.0/0, and change without the rule changing), so the pack cannot judge them.
 * A prefix list not known yet (created in the same update) counts too.
 */
export function prefixListSource(args: RuleProps): string | undefined {
  const found = peek(args.props, "prefixListId");
  if (found.state === "absent" || (found.state === "known" && found.value === "")) return undefined;
  return found.state === "known" ? String(found.value) : "(not known until it exists)";
}

export type RuleSource =
  { readonly kind: "cidr"; readonly cidr: string; readonly label: string } | { readonly kind: "other"; readonly label: string };

/** Where a rule lets traffic in from, for messages and range checks; NOT_KNOWN at preview. */
export function ruleSource(args: RuleProps): RuleSource | typeof NOT_KNOWN {
  const candidates: [string, (value: string) => RuleSource][] = [
    ["cidrIp", (v) => ({ kind: "cidr", cidr: v, label: v })],
    ["ipv6CidrIp", (v) => ({ kind: "cidr", cidr: v, label: v })],
    ["sourceSecurityGroupId", (v) => ({ kind: "other", label: `security group ${v}` })],
    ["prefixListId", (v) => ({ kind: "other", label: `prefix list ${v}` })],
  ];
  for (const [key, make] of candidates) {
    const value = peekString(args.props, key);
    if (value === NOT_KNOWN) return NOT_KNOWN;
    if (value) return make(value);
  }
  return { kind: "other", label: "an unspecified source" };
}
