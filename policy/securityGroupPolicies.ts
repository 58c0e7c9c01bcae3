// Security group rules of the instances. The instances take traffic only from the load balancer
// (100.64.0.0/10) on nginx's port; SSH only from listed ranges. What counts as "the internet" is any
// source range wider than /8 (lib/cidr.ts isInternetWide): 0.0.0.0/1 and 128.0.0.0/1 open a port to
// the world as surely as 0.0.0.0/0.
//
// Established rule sets this follows: checkov CKV_ALI_2 / CKV_ALI_3 (no SSH / RDP from 0.0.0.0/0),
// KICS public_security_group_rule_sensitive_port and public_security_group_rule_unknown_port
// (Alibaba Cloud queries), widened here from /0 to any range wider than /8.
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { CLB_BACKEND_CIDR, DEFAULT_BACKEND_PORT, NGINX_PORT } from "./shared/constants";
import { INTERNET_WIDE_PREFIX } from "./shared/cidr";
import { cidrWithin, rangeContains, type PortRange } from "./network";
import { NOT_KNOWN } from "./props";
import { TYPES } from "./resourceTypes";
import { internetSource, portIngress, ruleSource } from "./securityGroupRules";

const INTERNET = `the internet (any range wider than /${INTERNET_WIDE_PREFIX} counts)`;
/** "the internet (0.0.0.0/1; any range wider than /8 counts)" */
const toInternet = (source: string) => `the internet (${source}; any range wider than /${INTERNET_WIDE_PREFIX} counts)`;

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
  description: `No security group rule lets ${INTERNET} reach SSH (22) or RDP (3389). checkov CKV_ALI_2, CKV_ALI_3.`,
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const rule = portIngress(args);
    const open = rule && internetSource(args);
    if (!rule || !open) return;
    for (const admin of ADMIN_PORTS) {
      if ((admin.protocols as readonly string[]).includes(rule.protocol ?? "") && rangeContains(rule.range, admin.port)) {
        reportViolation(
          `security group rule "${args.name}" opens port ${admin.port} (${admin.label}) to ${toInternet(open)}: ${admin.fix}`,
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
    const rule = portIngress(args);
    if (!rule || !["tcp", "all"].includes(rule.protocol ?? "")) return;
    const covered = ports.filter((port) => rangeContains(rule.range, port));
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

/**
 * Services that must never face the internet: databases, caches, queues, container and cluster
 * control planes, file sharing, remote desktops. (SSH and RDP have their own policy above.) The same
 * kind of list as KICS's sensitive ports, written for this stack's instances.
 */
export const SENSITIVE_PORTS: readonly { readonly port: number; readonly service: string }[] = [
  { port: 20, service: "FTP data" },
  { port: 21, service: "FTP" },
  { port: 23, service: "Telnet" },
  { port: 25, service: "SMTP" },
  { port: 110, service: "POP3" },
  { port: 135, service: "Windows RPC" },
  { port: 137, service: "NetBIOS" },
  { port: 139, service: "NetBIOS session" },
  { port: 143, service: "IMAP" },
  { port: 161, service: "SNMP" },
  { port: 389, service: "LDAP" },
  { port: 445, service: "SMB" },
  { port: 636, service: "LDAPS" },
  { port: 873, service: "rsync" },
  { port: 1433, service: "SQL Server" },
  { port: 1521, service: "Oracle" },
  { port: 2049, service: "NFS" },
  { port: 2375, service: "Docker API (plain)" },
  { port: 2376, service: "Docker API (TLS)" },
  { port: 2379, service: "etcd" },
  { port: 2380, service: "etcd peers" },
  { port: 3306, service: "MySQL" },
  { port: 5432, service: "PostgreSQL" },
  { port: 5601, service: "Kibana" },
  { port: 5672, service: "RabbitMQ" },
  { port: 5900, service: "VNC" },
  { port: 6379, service: "Redis" },
  { port: 6443, service: "Kubernetes API" },
  { port: 8500, service: "Consul" },
  { port: 9042, service: "Cassandra" },
  { port: 9092, service: "Kafka" },
  { port: 9200, service: "Elasticsearch" },
  { port: 9300, service: "Elasticsearch transport" },
  { port: 10250, service: "kubelet" },
  { port: 11211, service: "Memcached" },
  { port: 15672, service: "RabbitMQ management" },
  { port: 27017, service: "MongoDB" },
  { port: 27018, service: "MongoDB shards" },
];

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
    const rule = portIngress(args);
    const open = rule && internetSource(args);
    if (!rule || !open) return;
    const covered = coveredSensitive(rule.range, args.getConfig<SensitivePortConfig>().appPorts ?? [DEFAULT_BACKEND_PORT]);
    if (covered.length === 0) return;
    const shown = covered.length > 6 ? `${covered.slice(0, 6).join(", ")} and ${covered.length - 6} more` : covered.join(", ");
    reportViolation(
      `security group rule "${args.name}" opens ${shown} to ${toInternet(open)}: remove the rule; the ` +
        `instances serve only through the load balancer, and the app only through nginx`,
    );
  },
};

export const noOtherPortsFromInternet: ResourceValidationPolicy = {
  name: "no-other-ports-from-internet",
  description:
    `No security group rule opens any other port to ${INTERNET}: the instances have no public address and serve only ` +
    "through the load balancer. KICS public_security_group_rule_unknown_port.",
  enforcementLevel: "advisory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.securityGroupRule) return;
    const rule = portIngress(args);
    const open = rule && internetSource(args);
    if (!rule || !open) return;
    // What the other policies of this file report is not repeated here.
    const reported = new Set([...ADMIN_PORTS.map((a) => a.port), ...SENSITIVE_PORTS.map((s) => s.port), DEFAULT_BACKEND_PORT, NGINX_PORT]);
    const reportedInRange = [...reported].filter((port) => rangeContains(rule.range, port)).length;
    if (rule.range.to - rule.range.from + 1 <= reportedInRange) return;
    const ports =
      rule.range.from === 1 && rule.range.to === 65535
        ? "every port"
        : rule.range.from === rule.range.to
          ? `port ${rule.range.from}`
          : `ports ${rule.range.from}-${rule.range.to}`;
    reportViolation(
      `security group rule "${args.name}" opens ${ports} to ${toInternet(open)}: the instances have no public ` +
        `address and serve only through the load balancer; remove the rule or narrow its source`,
    );
  },
};
