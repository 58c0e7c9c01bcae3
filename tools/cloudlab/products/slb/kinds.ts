// The records Server Load Balancer (CLB, API 2014-05-15) keeps in the store, under the API's own field
// names, and the ids the cloud gives them. A test reads the state through these kinds (what a VServer
// group holds, which certificate a listener serves) and the change history through history.ts.
import { randomInt } from "node:crypto";
import { newId } from "../../store";

export const SLB_KINDS = {
  loadBalancer: "slb.loadBalancer",
  /** Id `<LoadBalancerId>:<protocol>:<port>`, as the provider's alicloud_slb_listener id. */
  listener: "slb.listener",
  serverCertificate: "slb.serverCertificate",
  vServerGroup: "slb.vServerGroup",
} as const;

/** `lb-bp1` and 18 more: the API reference's examples (lb-bp1mxu5r8laukr35n1k5r). */
export const newLoadBalancerId = (): string => newId("lb-bp1", 18);

/** `rsp-` and 10 more (DeleteVServerGroup's example rsp-cige6j5e7p). */
export const newVServerGroupId = (): string => newId("rsp-", 10);

/**
 * A server certificate id as DeleteServerCertificate's reference shows it:
 * `123157xxxxxxx_166f8204689_1714763408_7099*******`, i.e. the account id, the upload time in
 * milliseconds as hex, then two decimal numbers (help.aliyun.com, DeleteServerCertificate). What the
 * two numbers mean is not documented: random digits of the same lengths here.
 */
export function newServerCertificateId(accountId: string, now = Date.now()): string {
  const digits = (n: number): string => Array.from({ length: n }, (_, i) => String(randomInt(i === 0 ? 1 : 0, 10))).join("");
  return `${accountId}_${now.toString(16)}_${digits(10)}_${digits(10)}`;
}

export function listenerId(loadBalancerId: string, protocol: string, port: number): string {
  return `${loadBalancerId}:${protocol}:${port}`;
}

/** The `Tags.Tag[]` a record carries (DescribeLoadBalancerAttribute's and DescribeServerCertificates' shape). */
export interface SlbTag {
  readonly TagKey: string;
  readonly TagValue: string;
}

export function tagsOf(record: Record<string, unknown>): SlbTag[] {
  return ((record.Tags as { Tag?: SlbTag[] } | undefined)?.Tag ?? []).map((t) => ({ ...t }));
}

/** One backend of a VServer group, as DescribeVServerGroupAttribute lists it. */
export interface VServerGroupServer {
  readonly ServerId: string;
  readonly Port: number;
  readonly Weight: number;
  readonly Type: string;
  readonly Description: string;
  readonly ServerIp?: string;
  readonly VpcId?: string;
}

export function serversOf(group: Record<string, unknown>): VServerGroupServer[] {
  return (group.BackendServers as { BackendServer: VServerGroupServer[] }).BackendServer;
}
