// What switching `edge` on a deployed stack does, said in the plan diff beside the resource changes:
// what is replaced, when the DNS record moves, what the downtime is, or, when the old edge is
// protected, that `pulumi up` would stop at its deletion and the steps that switch safely.
//
// The order is the engine's: every create and update first (the new edge, its instance, the DNS
// record's new value, and the record's one-TTL wait, components/dnsRecords.ts), then the deletes of
// what the program no longer declares and of what was replaced (pulumi/pulumi pkg/resource/deploy/
// deployment_executor.go; operationOrder in diff.ts). A protected resource cannot be deleted
// (`protect`, and the cloud's delete protection): the update fails there, after DNS has moved.
import type { PlanSnapshot, SnapshotResource } from "./snapshot";

const EDGE_KEY = "wechat-https-backend:edge";
const DNS_RECORD = "alicloud:dns/alidnsRecord:AlidnsRecord";
const LOAD_BALANCER = "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer";
const EIP = "alicloud:ecs/eipAddress:EipAddress";

function edgeOf(snapshot: PlanSnapshot): string {
  const entry = snapshot.config[EDGE_KEY];
  return entry && !entry.secret ? entry.value : "loadBalancer";
}

/** The resource that is the edge's public address on one side: the CLB or the EIP. */
function addressHolder(snapshot: PlanSnapshot, edge: string): SnapshotResource | undefined {
  return snapshot.resources.find((r) => r.type === (edge === "instance" ? EIP : LOAD_BALANCER));
}

/** The notes of a diff whose `edge` changes; none when it does not. */
export function edgeSwitchNotes(base: PlanSnapshot, head: PlanSnapshot): string[] {
  const from = edgeOf(base);
  const to = edgeOf(head);
  if (from === to || base.resources.length === 0) return [];
  const record = head.resources.find((r) => r.type === DNS_RECORD);
  const ttl = typeof record?.inputs.ttl === "number" ? record.inputs.ttl : 600;
  const oldAddress = addressHolder(base, from);
  const newEdge =
    to === "instance"
      ? "one instance with an EIP (nginx ends TLS; 443 and 80 open to the internet)"
      : "a classic load balancer in front of new instances";
  const oldEdge =
    from === "instance"
      ? "the instance edge (its instance and its EIP)"
      : "the load balancer (its listeners and backends) and the old instances";
  const notes = [
    `edge changes from ${from} to ${to}: pulumi up creates ${newEdge}, waits until it serves, then moves the DNS record to its ` +
      `address; ${oldEdge} keeps serving for one TTL (${ttl} s) after the record moved, and is deleted at the end of the update.`,
    `downtime of the switch: none for resolvers and clients that honour the TTL (${ttl} s); one that keeps the old address longer, ` +
      "and connections still open to the old edge when it is deleted, fail until they look the name up again.",
  ];
  if (from === "instance") {
    notes.push(
      "the EIP is released at the end: its address is gone for good. An ICP filing records it as the website's IP address: " +
        "update the filing's access information to the new address (pulumi stack output loadBalancerAddress) with the filing service.",
    );
  }
  if (oldAddress?.options.protect) {
    const what = from === "instance" ? "the EIP" : "the load balancer";
    notes.push(
      `refused as it stands: ${what} is protected (protect, and its delete protection in the cloud), so pulumi up would stop at ` +
        "its deletion, after DNS has moved. Switch in three updates: (1) pulumi config set protect false, pulumi up (lifts both); " +
        `(2) pulumi config set edge ${to}, pulumi up; (3) pulumi config rm protect (prod protects again), pulumi up.`,
    );
  }
  return notes;
}
