// The project's guardrails as CrossGuard policies: WeChat's rules (TLS 1.2+, HTTPS only, a valid
// certificate) and the safety rules of a production stack. Each policy is exported on its own so
// tests can call it; policy/index.ts only collects them into the pack.
//
// Every message names the property to change and, where the stack config sets it, the config key.
import type { ResourceValidationArgs, ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { leafValidity } from "./certificateExpiry";
import { stackEnvironment, type EnvironmentSetting } from "./environment";
import { isWholeInternet } from "./shared/cidr";
import { cidrWithin, parsePortRange, rangeContains } from "./network";
import { NOT_KNOWN, peek, peekNumber, peekString } from "./props";
import { DNS_RECORD_TYPES, LOAD_BALANCER_TYPES, TYPES } from "./resourceTypes";
import {
  CLB_BACKEND_CIDR,
  DEFAULT_MIN_DAYS_REMAINING,
  DNS_TTL_MIN_SECONDS,
  RECOMMENDED_TLS_POLICY,
  TLS_POLICIES,
} from "./shared/constants";

const SET_TLS_POLICY = `set tlsCipherPolicy to ${RECOMMENDED_TLS_POLICY} (stack config: pulumi config set tlsPolicy ${RECOMMENDED_TLS_POLICY})`;

const SET_PROTECT = "stack config: pulumi config set protect true";

export const httpsListenerTls12: ResourceValidationPolicy = {
  name: "https-listener-tls-1-2",
  description: "HTTPS listeners use a TLS 1.2+ policy; WeChat refuses older TLS, and the provider's default policy allows TLS 1.0.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener || peekString(args.props, "protocol") !== "https") return;
    const policy = peekString(args.props, "tlsCipherPolicy");
    if (policy === NOT_KNOWN) return;
    if (policy === undefined || policy === "") {
      reportViolation(
        `HTTPS listener "${args.name}" has no tlsCipherPolicy, so CLB applies its default tls_cipher_policy_1_0 ` +
          `and accepts TLS 1.0 and 1.1; WeChat needs TLS 1.2 or newer: ${SET_TLS_POLICY}`,
      );
    } else if (!(TLS_POLICIES as readonly string[]).includes(policy)) {
      reportViolation(
        `HTTPS listener "${args.name}" uses tlsCipherPolicy "${policy}", which is not one of the TLS 1.2+ ` +
          `policies (${TLS_POLICIES.join(", ")}): ${SET_TLS_POLICY}`,
      );
    }
  },
};

export const httpsListenerHttp2: ResourceValidationPolicy = {
  name: "https-listener-http2",
  description: "HTTPS listeners keep HTTP/2 on (the provider's default), so a mini program's requests share one TLS connection.",
  enforcementLevel: "advisory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener || peekString(args.props, "protocol") !== "https") return;
    const http2 = peekString(args.props, "enableHttp2");
    if (typeof http2 === "string" && http2 !== "on") {
      reportViolation(
        `HTTPS listener "${args.name}" has enableHttp2 "${http2}": set enableHttp2 to "on" so a mini program's requests share one TLS connection`,
      );
    }
  },
};

export const httpListenerRedirectsToHttps: ResourceValidationPolicy = {
  name: "http-listener-redirects-to-https",
  description: "Every HTTP listener only redirects to the HTTPS listener on 443; no listener serves plain HTTP.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener) return;
    const protocol = peekString(args.props, "protocol");
    const port = peekNumber(args.props, "frontendPort");
    if (protocol === "tcp" && port === 80) {
      reportViolation(
        `TCP listener "${args.name}" on port 80 passes plain HTTP through: remove it and use an HTTP listener with listenerForward "on" and forwardPort 443`,
      );
      return;
    }
    if (protocol !== "http") return;
    const forward = peekString(args.props, "listenerForward");
    const forwardPort = peekNumber(args.props, "forwardPort");
    if (forward === NOT_KNOWN || forwardPort === NOT_KNOWN) return;
    if (forward !== "on") {
      reportViolation(
        `HTTP listener "${args.name}" on port ${port === NOT_KNOWN || port === undefined ? "(unknown)" : port} ` +
          `serves plain HTTP: set listenerForward "on" and forwardPort 443 so it only redirects to the HTTPS ` +
          `listener (WeChat calls https:// only)`,
      );
    } else if (forwardPort !== 443) {
      reportViolation(
        `HTTP listener "${args.name}" redirects to port ${forwardPort ?? "(unset)"}: set forwardPort to 443, the HTTPS listener WeChat calls`,
      );
    }
  },
};

interface RuleFacts {
  readonly ingressAccept: boolean;
  readonly protocol?: string;
  readonly range?: ReturnType<typeof parsePortRange>;
}

/** The parts of a security group rule every rule check needs; undefined while not known. */
function ruleFacts(args: ResourceValidationArgs): RuleFacts | undefined {
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

const ADMIN_PORTS = [
  {
    port: 22,
    label: "SSH",
    protocols: ["tcp", "all"],
    fix: 'allow only known ranges (stack config sshAllowedCidrs, e.g. ["203.0.113.0/24"]) or remove the rule',
  },
  { port: 3389, label: "RDP", protocols: ["tcp", "udp", "all"], fix: "allow only known ranges or remove the rule" },
] as const;

export const noAdminPortsFromInternet: ResourceValidationPolicy = {
  name: "no-admin-ports-from-internet",
  description: "No security group rule lets the whole internet (0.0.0.0/0 or ::/0) reach SSH (22) or RDP (3389).",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const facts = ruleFacts(args);
    if (!facts?.ingressAccept || !facts.range) return;
    const sources = [peekString(args.props, "cidrIp"), peekString(args.props, "ipv6CidrIp")];
    const open = sources.find((s): s is string => typeof s === "string" && isWholeInternet(s));
    if (!open) return;
    for (const admin of ADMIN_PORTS) {
      if ((admin.protocols as readonly string[]).includes(facts.protocol ?? "") && rangeContains(facts.range, admin.port)) {
        reportViolation(
          `security group rule "${args.name}" opens port ${admin.port} (${admin.label}) to the whole internet (${open}): ${admin.fix}`,
        );
      }
    }
  },
};

interface BackendPortConfig {
  readonly backendPorts?: number[];
  readonly loadBalancerCidr?: string;
}

export const backendPortOnlyFromLoadBalancer: ResourceValidationPolicy = {
  name: "backend-port-only-from-load-balancer",
  description: "The backend port (nginx, 80) is open only to the load balancer's range 100.64.0.0/10.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      backendPorts: { type: "array", items: { type: "integer" }, default: [80] },
      loadBalancerCidr: { type: "string", default: CLB_BACKEND_CIDR },
    },
  },
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const config = args.getConfig<BackendPortConfig>();
    const ports = config.backendPorts ?? [80];
    const allowed = config.loadBalancerCidr ?? CLB_BACKEND_CIDR;
    const facts = ruleFacts(args);
    if (!facts?.ingressAccept || !facts.range || !["tcp", "all"].includes(facts.protocol ?? "")) return;
    const range = facts.range;
    const covered = ports.filter((port) => rangeContains(range, port));
    if (covered.length === 0) return;
    const source = ruleSource(args);
    if (source === NOT_KNOWN || (source.kind === "cidr" && cidrWithin(source.cidr, allowed))) return;
    for (const port of covered) {
      reportViolation(
        `security group rule "${args.name}" opens backend port ${port} (nginx) to ${source.label}: only the ` +
          `load balancer's range ${allowed} may reach it; set cidrIp to ${allowed}`,
      );
    }
  },
};

type RuleSource =
  { readonly kind: "cidr"; readonly cidr: string; readonly label: string } | { readonly kind: "other"; readonly label: string };

function ruleSource(args: ResourceValidationArgs): RuleSource | typeof NOT_KNOWN {
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

export const dnsRecordTtl: ResourceValidationPolicy = {
  name: "dns-record-ttl",
  description: "DNS records have a TTL of at least 600 seconds, the lowest the free Alibaba Cloud DNS edition accepts.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (!DNS_RECORD_TYPES.includes(args.type)) return;
    const ttl = peekNumber(args.props, "ttl");
    // Unset: the provider's default of 600.
    if (typeof ttl === "number" && ttl < DNS_TTL_MIN_SECONDS) {
      const rr = peekString(args.props, "rr");
      const label = typeof rr === "string" ? ` (${rr})` : "";
      reportViolation(
        `DNS record "${args.name}"${label} has ttl ${ttl}: set ttl to at least ${DNS_TTL_MIN_SECONDS} seconds ` +
          `(the lowest the free Alibaba Cloud DNS edition accepts)`,
      );
    }
  },
};

export const dnsRecordPointsAtLoadBalancer: StackValidationPolicy = {
  name: "dns-record-points-at-load-balancer",
  description: "Every DNS A record points at the address of a load balancer of this stack.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const records = args.resources.filter((r) => DNS_RECORD_TYPES.includes(r.type) && peekString(r.props, "type") === "A");
    if (records.length === 0) args.notApplicable("the stack has no DNS A record");
    const balancers = args.resources.filter((r) => LOAD_BALANCER_TYPES.includes(r.type));
    const addresses = balancers.map((lb) => peekString(lb.props, "address"));
    const known = addresses.filter((a): a is string => typeof a === "string");
    const someUnknown = addresses.some((a) => a === NOT_KNOWN);
    const pending: string[] = [];
    for (const record of records) {
      const value = peekString(record.props, "value");
      if (value === NOT_KNOWN) {
        pending.push(record.name);
      } else if (value !== undefined && known.includes(value)) {
        continue;
      } else if (someUnknown) {
        pending.push(record.name);
      } else if (balancers.length === 0) {
        reportViolation(
          `DNS A record "${record.name}" points at ${value ?? "(nothing)"}, but this stack has no load balancer: point the record at the CLB that serves HTTPS`,
          record.urn,
        );
      } else {
        reportViolation(
          `DNS A record "${record.name}" points at ${value ?? "(nothing)"}, which is not the address of a load ` +
            `balancer in this stack (${known.join(", ")}): set its value to the load balancer's address output`,
          record.urn,
        );
      }
    }
    if (pending.length > 0) {
      args.notApplicable(
        `the value of DNS A record ${pending.map((n) => `"${n}"`).join(", ")} or the load balancer's address ` +
          `is not known until the load balancer exists (pulumi preview); checked again at pulumi up`,
      );
    }
  },
};

export const prodStatefulResourcesProtected: StackValidationPolicy = {
  name: "prod-stateful-resources-protected",
  description:
    "Prod: the load balancer (its address is what DNS and WeChat point at) is protected with delete protection on, and DNS records are protected. " +
    "The server certificate is deliberately not required: renewal must be able to replace it.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      environment: { type: "string", enum: ["auto", "dev", "prod"], default: "auto" },
    },
  },
  validateStack: (args, reportViolation) => {
    const { environment } = args.getConfig<{ environment?: EnvironmentSetting }>();
    if (stackEnvironment(environment, args.resources) !== "prod") args.notApplicable("not a prod stack: these rules apply to prod only");
    for (const resource of args.resources) {
      if (LOAD_BALANCER_TYPES.includes(resource.type)) {
        if (!resource.opts.protect) {
          reportViolation(
            `prod: load balancer "${resource.name}" is not protected; its address is what DNS and WeChat point at: set protect (${SET_PROTECT})`,
            resource.urn,
          );
        }
        const deleteProtection = peekString(resource.props, "deleteProtection");
        if (deleteProtection !== NOT_KNOWN && deleteProtection !== "on") {
          reportViolation(
            `prod: load balancer "${resource.name}" has deleteProtection "${deleteProtection ?? "off"}": turn delete protection on (${SET_PROTECT})`,
            resource.urn,
          );
        }
      } else if (DNS_RECORD_TYPES.includes(resource.type) && !resource.opts.protect) {
        reportViolation(`prod: DNS record "${resource.name}" is not protected: set protect (${SET_PROTECT})`, resource.urn);
      }
    }
  },
};

const RENEW_CERTIFICATE =
  "renew it and set the new chain (pulumi config set --secret certificatePem < fullchain.pem), or use certificateSource acme";

export const certificateValidity: ResourceValidationPolicy = {
  name: "certificate-validity",
  description: "The server certificate stays valid at least 30 more days (checked whenever its PEM is known), and ACME renews that early.",
  enforcementLevel: "mandatory",
  configSchema: {
    properties: {
      minDaysRemaining: { type: "integer", minimum: 0, default: DEFAULT_MIN_DAYS_REMAINING },
    },
  },
  validateResource: (args, reportViolation) => {
    const minDays = args.getConfig<{ minDaysRemaining?: number }>().minDaysRemaining ?? DEFAULT_MIN_DAYS_REMAINING;
    if (args.type === TYPES.acmeCertificate) {
      const renewAt = peekNumber(args.props, "minDaysRemaining");
      if (typeof renewAt === "number" && renewAt < minDays) {
        reportViolation(
          `ACME certificate "${args.name}" is renewed only ${renewAt} days before it expires (minDaysRemaining ` +
            `${renewAt}): set minDaysRemaining to at least ${minDays} so the weekly renewal replaces it in time`,
        );
      }
      return;
    }
    if (args.type !== TYPES.serverCertificate) return;
    const pem = peek(args.props, "serverCertificate");
    if (pem.state === "unknown") {
      args.notApplicable(
        `the certificate of "${args.name}" is not known until it is issued or decrypted (pulumi preview); checked at pulumi up`,
      );
    }
    if (pem.state === "absent") {
      const casId = peek(args.props, "alicloudCertificateId");
      if (casId.state !== "absent") {
        args.notApplicable(
          `certificate "${args.name}" comes from SSL Certificates Service (alicloudCertificateId); the verifier checks its expiry`,
        );
      }
      reportViolation(
        `server certificate "${args.name}" has neither serverCertificate nor alicloudCertificateId: set the ` +
          `chain, leaf first (pulumi config set --secret certificatePem < fullchain.pem)`,
      );
      return;
    }
    const validity = leafValidity(String(pem.state === "known" ? pem.value : ""), new Date());
    if (!validity) {
      reportViolation(
        `server certificate "${args.name}" has no readable PEM certificate in serverCertificate: set the chain, ` +
          `leaf first (pulumi config set --secret certificatePem < fullchain.pem)`,
      );
      return;
    }
    const date = validity.notAfter.toISOString().slice(0, 10);
    if (validity.daysLeft < 0) {
      reportViolation(`server certificate "${args.name}" (${validity.subject}) expired on ${date}: ${RENEW_CERTIFICATE}`);
    } else if (validity.daysLeft < minDays) {
      reportViolation(
        `server certificate "${args.name}" (${validity.subject}) expires on ${date} (${validity.daysLeft} days ` +
          `left); at least ${minDays} days are required: ${RENEW_CERTIFICATE}`,
      );
    }
  },
};

/** Every policy of the pack, in the order the CLI reports them. */
export const ALL_POLICIES = [
  httpsListenerTls12,
  httpsListenerHttp2,
  httpListenerRedirectsToHttps,
  noAdminPortsFromInternet,
  backendPortOnlyFromLoadBalancer,
  dnsRecordTtl,
  dnsRecordPointsAtLoadBalancer,
  prodStatefulResourcesProtected,
  certificateValidity,
];
