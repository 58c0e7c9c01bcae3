// The ports this stack's instances never open to the internet, named for messages: remote
// administration, and the services KICS's sensitive-port queries list. Security group rules, ALB and
// NLB listeners and DNAT entries are judged against the same lists.
import { rangeContains, type PortRange } from "./network";

/** Remote administration: SSH and RDP. */
export const ADMIN_PORTS: readonly { readonly port: number; readonly label: string }[] = [
  { port: 22, label: "SSH" },
  { port: 3389, label: "RDP" },
];

/**
 * Services that must never face the internet: databases, caches, queues, container and cluster
 * control planes, file sharing, remote desktops. (SSH and RDP are ADMIN_PORTS.) The same
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

/** "22 (SSH), 3306 (MySQL)": the admin and sensitive ports inside `range`, named. */
export function namedPortsIn(range: PortRange): string[] {
  return [...ADMIN_PORTS.map((a) => ({ port: a.port, service: a.label })), ...SENSITIVE_PORTS]
    .filter((s) => rangeContains(range, s.port))
    .sort((a, b) => a.port - b.port)
    .map((s) => `${s.port} (${s.service})`);
}
