import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import * as command from "@pulumi/command";
import { DNS_TTL_MAX_SECONDS, DNS_TTL_MIN_SECONDS } from "../lib/constants";
import { pauseCommand } from "../lib/localCommand";

export interface DnsRecordsArgs {
  /** The Alibaba Cloud DNS zone (domain) that holds the record, e.g. example.com. */
  readonly zone: string;
  /** The zone once a lookup found it in the account (the record waits for it); default: zone, unchecked. */
  readonly zoneChecked?: pulumi.Input<string>;
  /** Record name inside the zone: "@" for the apex, or the labels in front of the zone ("dev", "api.v2"). */
  readonly recordName: string;
  /** IPv4 address the A record points at: the load balancer's, or the instance edge's EIP. */
  readonly address: pulumi.Input<string>;
  /** What must serve at the address before the record points there (listeners, the EIP's association); default nothing. */
  readonly serving?: readonly pulumi.Resource[];
  /** TTL in seconds; default 600, the lowest the free DNS edition accepts. */
  readonly ttl?: number;
  /** Protect the record from deletion; default false. */
  readonly protect?: boolean;
}

/**
 * The A record that points the domain at the edge (the load balancer, or the instance edge's EIP).
 *
 * When the address changes (switching `edge`, a load balancer replaced), the record moves only once
 * the new edge serves (`serving`: the listeners, or the EIP bound to a ready instance), and the old
 * edge keeps serving for one TTL after the record moved: `pulumi up` deletes what the program no
 * longer declares, and what was replaced, only at the end of the update (pulumi/pulumi
 * pkg/resource/deploy/deployment_executor.go), and the wait below ends the update's other steps
 * that late. A resolver that honours the TTL has the new address by then; one that keeps answers
 * longer, or a connection still open to the old edge, fails when the old edge goes.
 */
export class DnsRecords extends pulumi.ComponentResource {
  readonly recordId: pulumi.Output<string>;
  /** The full host name the record answers for. */
  readonly hostName: string;

  constructor(name: string, args: DnsRecordsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("wechat-https-backend:dns:DnsRecords", name, {}, opts);
    const ttl = args.ttl ?? DNS_TTL_MIN_SECONDS;
    const serving = args.serving ?? [];
    if (!Number.isInteger(ttl) || ttl < DNS_TTL_MIN_SECONDS || ttl > DNS_TTL_MAX_SECONDS) {
      throw new Error(
        `DnsRecords ${name}: ttl ${ttl} is outside ${DNS_TTL_MIN_SECONDS}-${DNS_TTL_MAX_SECONDS}, the range Alibaba Cloud DNS accepts`,
      );
    }
    if (args.recordName === "" || args.recordName.startsWith(".") || args.recordName.endsWith(".")) {
      throw new Error(`DnsRecords ${name}: recordName "${args.recordName}" must be "@" for the apex or labels like "dev"`);
    }

    const record = new alicloud.dns.AlidnsRecord(
      `${name}-a`,
      { domainName: args.zone, rr: args.recordName, type: "A", value: args.address, ttl },
      {
        parent: this,
        // Moving the record replaces it, and an identical record cannot exist twice (DomainRecordDuplicate).
        deleteBeforeReplace: true,
        protect: args.protect ?? false,
        // The record moves only to an edge that serves (switching edge: the address is known long
        // before the instance holds it). The zone check is an output resolving to those resources:
        // the record waits for it too, and fails with it.
        dependsOn: args.zoneChecked ? pulumi.output(args.zoneChecked).apply((): pulumi.Resource[] => [...serving]) : [...serving],
      },
    );

    // No create command: nothing to wait for on a first deploy. A changed address is an update of
    // `environment`, which runs `update` (only `triggers` replace a local.Command: pulumi/pulumi-command
    // provider/pkg/provider/local/commandController.go).
    new command.local.Command(
      `${name}-moved`,
      { update: pauseCommand(ttl), environment: { ADDRESS: pulumi.output(args.address) } },
      { parent: this, dependsOn: [record] },
    );

    this.recordId = record.id;
    this.hostName = args.recordName === "@" ? args.zone : `${args.recordName}.${args.zone}`;
    this.registerOutputs({ recordId: this.recordId, hostName: this.hostName });
  }
}
