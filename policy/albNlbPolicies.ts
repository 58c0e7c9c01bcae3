// ALB and NLB listeners, for a stack that adds either beside its CLB (or instead of it): on a load
// balancer that faces the internet, no listener serves plain HTTP (WeChat calls https:// only) and
// none reaches SSH, RDP or a database. Whether a load balancer faces the internet is its addressType
// (Internet or Intranet: the provider's alb_load_balancer and nlb_load_balancer); a listener whose
// load balancer is not in the stack, or not known to be Intranet, counts as public: what cannot be
// shown safe is refused. KICS alb_listening_on_http.
import type { PolicyResource, StackValidationPolicy } from "@pulumi/policy";
import { rangeContains, type PortRange } from "./network";
import { namedPortsIn } from "./ports";
import { NOT_KNOWN, peekNumber, peekString } from "./props";
import { TYPES } from "./resourceTypes";

const KINDS = [
  { name: "ALB", listener: TYPES.albListener, loadBalancer: TYPES.albLoadBalancer },
  { name: "NLB", listener: TYPES.nlbListener, loadBalancer: TYPES.nlbLoadBalancer },
] as const;

/** The load balancer a listener's loadBalancerId comes from, when it is a resource of this stack. */
function loadBalancerOf(listener: PolicyResource, type: string): PolicyResource | undefined {
  return (listener.propertyDependencies?.loadBalancerId ?? []).find((resource) => resource.type === type);
}

/** "the public load balancer "lb"", or why this listener's load balancer counts as public. */
function publicLoadBalancer(listener: PolicyResource, type: string): string | undefined {
  const loadBalancer = loadBalancerOf(listener, type);
  if (!loadBalancer) return "a load balancer this stack does not define, so it counts as public";
  const addressType = peekString(loadBalancer.props, "addressType");
  if (addressType === "Intranet") return undefined;
  return addressType === "Internet"
    ? `the public load balancer "${loadBalancer.name}"`
    : `load balancer "${loadBalancer.name}", not known to be Intranet, so it counts as public`;
}

/** The ports a listener takes: listenerPort, or an NLB all-port listener's startPort-endPort. */
function listenerPorts(listener: PolicyResource): PortRange | typeof NOT_KNOWN | undefined {
  const port = peekNumber(listener.props, "listenerPort");
  const start = peekNumber(listener.props, "startPort");
  const end = peekNumber(listener.props, "endPort");
  if (port === NOT_KNOWN || start === NOT_KNOWN || end === NOT_KNOWN) return NOT_KNOWN;
  if (typeof start === "number" && typeof end === "number" && start > 0) return { from: start, to: end };
  return typeof port === "number" && port > 0 ? { from: port, to: port } : undefined;
}

/** Plain HTTP: an ALB HTTP listener on any port; an NLB TCP listener taking port 80. */
function plainHttp(kind: string, protocol: string, ports: PortRange): boolean {
  return kind === "ALB" ? protocol === "HTTP" : protocol === "TCP" && rangeContains(ports, 80);
}

export const albNlbListenersNotExposed: StackValidationPolicy = {
  name: "alb-nlb-listeners-not-exposed",
  description:
    "ALB and NLB listeners on a public load balancer (addressType Internet, or one not shown to be Intranet) serve no plain " +
    "HTTP (an ALB HTTP listener, an NLB TCP listener on 80) and no SSH, RDP, database or other sensitive port (KICS alb_listening_on_http).",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    for (const kind of KINDS) {
      for (const listener of args.resources.filter((resource) => resource.type === kind.listener)) {
        const where = publicLoadBalancer(listener, kind.loadBalancer);
        const protocol = peekString(listener.props, "listenerProtocol");
        const ports = listenerPorts(listener);
        if (!where || protocol === NOT_KNOWN || ports === NOT_KNOWN || !ports) continue;
        const shown = ports.from === ports.to ? `port ${ports.from}` : `ports ${ports.from}-${ports.to}`;
        const named = namedPortsIn(ports);
        if (named.length > 0) {
          reportViolation(
            `${kind.name} listener "${listener.name}" (${protocol ?? "no protocol"} on ${shown}) opens ${named.join(", ")} on ` +
              `${where}: remove the listener; administration and databases stay inside the VPC`,
            listener.urn,
          );
        }
        if (plainHttp(kind.name, protocol ?? "", ports)) {
          reportViolation(
            `${kind.name} listener "${listener.name}" serves plain HTTP (${protocol} on ${shown}) on ${where}: WeChat calls ` +
              `https:// only; use ${kind.name === "ALB" ? "listenerProtocol HTTPS with a certificate" : "TCPSSL with a certificate"}, ` +
              `or an Intranet load balancer`,
            listener.urn,
          );
        }
      }
    }
  },
};
