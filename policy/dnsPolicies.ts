// The stack's DNS records: they point the domain at the stack's edge (its load balancer, or the
// instance edge's EIP) and nowhere else. An A or AAAA record to another address, or a CNAME (or any
// other type) to anywhere, hands the domain's traffic, or its certificate validation, to something
// the stack does not control.
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { NOT_KNOWN, peekNumber, peekString } from "./props";
import { DNS_RECORD_TYPES, LOAD_BALANCER_TYPES, TYPES } from "./resourceTypes";
import { DNS_TTL_MIN_SECONDS } from "./shared/constants";

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

/** Record types whose value is an address, which must be a load balancer's. */
const ADDRESS_TYPES = ["A", "AAAA"];

export const dnsRecordPointsAtLoadBalancer: StackValidationPolicy = {
  name: "dns-record-points-at-load-balancer",
  description:
    "Every DNS record of the stack is an A or AAAA record whose value is the address of a load balancer of this stack, " +
    "or of its EIP (the instance edge); a CNAME or any other type is refused.",
  enforcementLevel: "mandatory",
  validateStack: (args, reportViolation) => {
    const records = args.resources.filter((r) => DNS_RECORD_TYPES.includes(r.type));
    if (records.length === 0) args.notApplicable("the stack has no DNS record");
    const balancers = args.resources.filter((r) => LOAD_BALANCER_TYPES.includes(r.type));
    const eips = args.resources.filter((r) => r.type === TYPES.eipAddress);
    const addresses = [...balancers.map((lb) => peekString(lb.props, "address")), ...eips.map((eip) => peekString(eip.props, "ipAddress"))];
    const known = addresses.filter((a): a is string => typeof a === "string");
    // A load balancer always has an address once it exists; at preview the real engine sends the
    // analyzer no `address` at all for one not yet created (seen through the CLI against the cloud
    // emulator), rather than the unknown sentinel: absent means "not known yet" here.
    const someUnknown = addresses.some((a) => a === NOT_KNOWN || a === undefined);
    const pending: string[] = [];
    for (const record of records) {
      const type = peekString(record.props, "type");
      const value = peekString(record.props, "value");
      // `value` is required by the record type, so absent is likewise not known yet (an output of
      // another resource at preview), not missing: from here on it is a known string.
      if (type === NOT_KNOWN || value === NOT_KNOWN || value === undefined) {
        pending.push(record.name);
        continue;
      }
      const kind = (type ?? "(no type)").toUpperCase();
      if (!ADDRESS_TYPES.includes(kind)) {
        reportViolation(
          `DNS ${kind} record "${record.name}" points at ${value}: this stack's records only ` +
            `point the domain at its load balancer (A, or AAAA for an IPv6 one); remove it, or manage it outside this stack`,
          record.urn,
        );
      } else if (known.includes(value)) {
        continue;
      } else if (someUnknown) {
        pending.push(record.name);
      } else if (balancers.length === 0 && eips.length === 0) {
        reportViolation(
          `DNS ${kind} record "${record.name}" points at ${value}, but this stack has no load ` +
            `balancer: point the record at the CLB that serves HTTPS`,
          record.urn,
        );
      } else {
        reportViolation(
          `DNS ${kind} record "${record.name}" points at ${value}, which is not the address of ` +
            `a load balancer or an EIP in this stack (${known.join(", ")}): set its value to the edge's address output`,
          record.urn,
        );
      }
    }
    if (pending.length > 0) {
      args.notApplicable(
        `the value of DNS record ${pending.map((n) => `"${n}"`).join(", ")} or the edge's address is ` +
          `not known until the load balancer or EIP exists (pulumi preview); checked again at pulumi up`,
      );
    }
  },
};
