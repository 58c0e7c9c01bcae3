// The monthly cost of a planned stack, estimated from its resources (the offline plan's), the price
// table and a few assumptions the user can set: hours in a month, public traffic, requests (the
// access logs' volume), the CLB's LCU use and the scheduled verifier's run time. An estimate, not a
// quote: list prices before discounts and free quotas, usage as assumed.
import type { PlanDocument, PlannedResource } from "../plan/present";
import { INSTANCE_TYPE_PRICES, PRICES, type Price, type PriceId } from "./priceTable";

export interface CostAssumptions {
  /** Hours a month the resources exist. */
  readonly hoursPerMonth: number;
  /** GB of public traffic out a month (the edge's: CLB or EIP). */
  readonly trafficGbPerMonth: number;
  /** Requests a month (each an access log line when monitoring ships them). */
  readonly requestsPerMonth: number;
  /** LCU the CLB uses in an average hour (a small API uses a fraction of one). */
  readonly lcuPerHour: number;
  /** The instance type priced when the plan has none yet (a lookup's answer). */
  readonly lookedUpInstanceType: string;
}

export const DEFAULT_ASSUMPTIONS: CostAssumptions = {
  hoursPerMonth: 730,
  trafficGbPerMonth: 20,
  requestsPerMonth: 1_000_000,
  lcuPerHour: 0.1,
  // The mocks' catalog answer, and what the lookup takes in a region that sells it in most zones.
  lookedUpInstanceType: "ecs.c7.large",
};

/** Bytes of one access log line (JSON, lib/instance/nginx.ts's log_format), as Log Service counts raw data. */
const LOG_LINE_BYTES = 400;
/** Bytes one verifier run writes to the function's log. */
const FUNCTION_LOG_BYTES = 4096;
/** Seconds one scheduled verifier run takes in Function Compute (its checks, a few TLS handshakes). */
const VERIFIER_SECONDS = 20;
const GB = 1024 ** 3;

export interface CostLine {
  /** What is billed: "ecs.c7.large instance wechat-app-0", "public traffic out". */
  readonly item: string;
  /** The resource it belongs to ("type name"), if one. */
  readonly resource?: string;
  readonly monthlyCny: number;
  /** The figures it used. */
  readonly prices: readonly Price[];
  /** An assumption it rests on beyond the table, said beside it. */
  readonly assumed?: string;
}

export interface CostEstimate {
  readonly lines: CostLine[];
  readonly totalCny: number;
  /** Some figure used is not confirmed (the table's status). */
  readonly unconfirmed: boolean;
  /** Billable resources the table has no figure for. */
  readonly notPriced: string[];
  /** Resources that cost nothing by themselves (VPC, security group, RAM, OOS parameters, DNS records, Cloud Assistant). */
  readonly free: number;
  readonly assumptions: CostAssumptions;
}

const round = (value: number): number => Math.round(value * 100) / 100;

const TYPES = {
  instance: "alicloud:ecs/instance:Instance",
  loadBalancer: "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
  eip: "alicloud:ecs/eipAddress:EipAddress",
  eipAssociation: "alicloud:ecs/eipAssociation:EipAssociation",
  function: "alicloud:fc/v3Function:V3Function",
  trigger: "alicloud:fc/v3Trigger:V3Trigger",
  logStore: "alicloud:log/store:Store",
  bucket: "alicloud:oss/bucket:Bucket",
  siteMonitor: "alicloud:cms/siteMonitor:SiteMonitor",
} as const;

/** Runs a month of the scheduled verifier makes, from its trigger's "@every <n>m|h" (a cron line counts as hourly). */
function verifierRunsPerMonth(resources: readonly PlannedResource[], hours: number): number {
  const config = resources.find((r) => r.type === TYPES.trigger)?.inputs.triggerConfig;
  const every = /@every\s+(\d+)(m|h)/.exec(typeof config === "string" ? config : "");
  const minutes = every ? Number(every[1]) * (every[2] === "h" ? 60 : 1) : 60;
  return (hours * 60) / minutes;
}

/** Where a line goes in the listing. */
function rank(l: CostLine): number {
  const type = l.resource?.split(" ")[0];
  if (type === TYPES.instance) return 0;
  if (type === TYPES.loadBalancer || type === TYPES.eip) return 1;
  if (l.resource === undefined) return 2;
  return 3;
}

function line(item: string, resource: PlannedResource | undefined, parts: [PriceId | Price, number][], assumed?: string): CostLine {
  const prices = parts.map(([id]) => (typeof id === "string" ? PRICES[id] : id));
  const monthlyCny = round(parts.reduce((sum, [, quantity], i) => sum + prices[i].value * quantity, 0));
  return {
    item,
    ...(resource ? { resource: `${resource.type} ${resource.name}` } : {}),
    monthlyCny,
    prices,
    ...(assumed ? { assumed } : {}),
  };
}

function instanceLines(instance: PlannedResource, a: CostAssumptions, notPriced: string[]): CostLine[] {
  const configured = typeof instance.inputs.instanceType === "string" && !instance.inputs.instanceType.startsWith("(");
  const type = configured ? String(instance.inputs.instanceType) : a.lookedUpInstanceType;
  const price = INSTANCE_TYPE_PRICES[type];
  const lines: CostLine[] = [];
  if (price) {
    lines.push(
      line(
        `${type} instance ${instance.name}`,
        instance,
        [[price, a.hoursPerMonth]],
        configured ? undefined : `a lookup picks the type: ${type} assumed`,
      ),
    );
  } else {
    notPriced.push(`instance ${instance.name}: ${type} is not in the price table (tools/costs/priceTable.ts)`);
  }
  const size = Number(instance.inputs.systemDiskSize ?? 40);
  lines.push(
    line(`system disk of ${instance.name} (${String(instance.inputs.systemDiskCategory ?? "cloud_essd")}, ${size} GiB)`, instance, [
      ["essdDisk", size * a.hoursPerMonth],
    ]),
  );
  return lines;
}

/** The estimate of a plan's resources under `assumptions`. */
export function estimateCost(document: Pick<PlanDocument, "resources">, assumptions: CostAssumptions = DEFAULT_ASSUMPTIONS): CostEstimate {
  const a = assumptions;
  const resources = document.resources;
  const lines: CostLine[] = [];
  const notPriced: string[] = [];
  let free = 0;
  let edge: PlannedResource | undefined;
  for (const r of resources) {
    if (r.type.startsWith("wechat-https-backend:") || r.type.startsWith("pulumi:")) continue;
    switch (r.type) {
      case TYPES.instance:
        lines.push(...instanceLines(r, a, notPriced));
        break;
      case TYPES.loadBalancer:
        edge = r;
        lines.push(
          line(
            `CLB ${r.name}: instance fee, public IP, LCU`,
            r,
            [
              ["clbInstance", a.hoursPerMonth],
              ["clbPublicIp", a.hoursPerMonth],
              ["clbLcu", a.lcuPerHour * a.hoursPerMonth],
            ],
            `${a.lcuPerHour} LCU an hour`,
          ),
        );
        break;
      case TYPES.eip: {
        edge = r;
        const bound = resources.some((other) => other.type === TYPES.eipAssociation);
        // No holding fee while it is bound to a VPC ECS instance (the table's eipHolding note).
        lines.push(
          line(`EIP ${r.name}: ${bound ? "no holding fee while bound to the instance" : "holding fee"}`, r, [
            ["eipHolding", bound ? 0 : a.hoursPerMonth],
          ]),
        );
        break;
      }
      case TYPES.function: {
        const runs = verifierRunsPerMonth(resources, a.hoursPerMonth);
        const seconds = runs * VERIFIER_SECONDS;
        const cpu = Number(r.inputs.cpu ?? 0.25);
        const memoryGb = Number(r.inputs.memorySize ?? 512) / 1024;
        lines.push(
          line(
            `scheduled verifier ${r.name} (Function Compute)`,
            r,
            [
              ["fcVcpu", seconds * cpu],
              ["fcMemory", seconds * memoryGb],
              ["fcInvocations", runs / 10_000],
            ],
            `${Math.round(runs)} runs of ${VERIFIER_SECONDS} s`,
          ),
        );
        break;
      }
      case TYPES.logStore: {
        // The access logs grow with the requests; the function's own log with its runs (a few lines each).
        const accessLog = /access/.test(r.name);
        const gbPerMonth = accessLog
          ? (a.requestsPerMonth * LOG_LINE_BYTES) / GB
          : (verifierRunsPerMonth(resources, a.hoursPerMonth) * FUNCTION_LOG_BYTES) / GB;
        const retention = Number(r.inputs.retentionPeriod ?? 30);
        // Steady state: a day's logs (gbPerMonth / 30) kept `retention` days, stored every day of the month.
        const gbDays = (gbPerMonth / 30) * retention * 30;
        const volume = accessLog ? `${a.requestsPerMonth} requests` : "the verifier's runs";
        lines.push(
          line(
            `Log Service store ${r.name}`,
            r,
            [
              ["slsIndexTraffic", gbPerMonth],
              ["slsStorage", gbDays],
            ],
            `${volume}, ${retention} days kept`,
          ),
        );
        break;
      }
      case TYPES.bucket:
        // The monitor's state: a few KB.
        lines.push(line(`OSS bucket ${r.name} (the monitor's state, a few KB)`, r, [["ossStorage", 0.001]]));
        break;
      case TYPES.siteMonitor:
        lines.push(line(`CloudMonitor site monitor ${r.name} and alarms`, r, [["cmsSiteMonitor", a.hoursPerMonth]]));
        break;
      default:
        free++;
    }
  }
  if (edge) {
    lines.push(
      line(
        `public traffic out through ${edge.name}`,
        undefined,
        [["publicTraffic", a.trafficGbPerMonth]],
        `${a.trafficGbPerMonth} GB a month`,
      ),
    );
  }
  // Compute first, then the edge and its traffic, then monitoring: the order a reader adds them up in.
  lines.sort((x, y) => rank(x) - rank(y));
  const totalCny = round(lines.reduce((sum, l) => sum + l.monthlyCny, 0));
  const unconfirmed = lines.some((l) => l.prices.some((p) => p.status !== "read"));
  return { lines, totalCny, unconfirmed, notPriced, free, assumptions: a };
}
