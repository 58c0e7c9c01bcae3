// The list prices the cost estimate of `npm run plan` uses: Alibaba Cloud China site (aliyun.com),
// pay-as-you-go, in CNY, for the Chinese mainland regions the stacks run in, before any discount,
// voucher, free quota or resource plan. Each figure names the official page it belongs to and says
// whether it was read there ("read") or not ("unconfirmed": the page lists its prices through a
// calculator that was not readable from here, or the copy read was cut off; the figure then comes
// from an older copy or a third-party quote of that page, and `npm run prices -- --check` compares it
// with BSS GetPayAsYouGoPrice, Alibaba Cloud's own price API, where the module codes are documented).
// Update the figures and `date` together.

export type PriceStatus = "read" | "unconfirmed";

export interface Price {
  /** CNY per `unit`. */
  readonly value: number;
  readonly unit: "hour" | "GB" | "GiB-hour" | "LCU-hour" | "vCPU-second" | "GB-second" | "10k invocations" | "GB-day" | "GB-month";
  /** What is billed, in a few words. */
  readonly what: string;
  /** The official page the figure belongs to. */
  readonly source: string;
  readonly status: PriceStatus;
  /** What was and was not seen on the page. */
  readonly note?: string;
}

/** Alibaba Cloud's price list, one page per product (ECS, EIP, SLS, OSS, CloudMonitor): figures behind its calculator. */
const PRICE_LIST = "https://www.aliyun.com/price/product";
/** EIP pay-by-traffic billing, international site (USD): the holding-fee rule and the USD figures were read there. */
const EIP_TRAFFIC = "https://www.alibabacloud.com/help/tc/doc-detail/72142.htm";
/** CLB pay-as-you-go billing (China site, CNY). */
const CLB_PAY_AS_YOU_GO = "https://help.aliyun.com/zh/slb/classic-load-balancer/product-overview/pay-as-you-go-billing-for-clb";
/** Function Compute's billing methods: the billed items (invocations, instance use, traffic), no figures. */
const FC_BILLING = "https://help.aliyun.com/document_detail/181689.html";

/** The ECS instance types the lookup picks from (lib/cloud/instanceTypeChoice.ts) and their hourly prices, Linux. */
export const INSTANCE_TYPE_PRICES: Readonly<Record<string, Price>> = {
  "ecs.c7.large": {
    value: 0.41,
    unit: "hour",
    what: "ecs.c7.large (2 vCPU, 4 GiB), Linux",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "ECS on the price list, behind its calculator; not read",
  },
  "ecs.g7.large": {
    value: 0.53,
    unit: "hour",
    what: "ecs.g7.large (2 vCPU, 8 GiB), Linux",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "ECS on the price list, behind its calculator; not read",
  },
  "ecs.u1-c1m2.large": {
    value: 0.27,
    unit: "hour",
    what: "ecs.u1-c1m2.large (2 vCPU, 4 GiB), Linux",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "ECS on the price list, behind its calculator; not read",
  },
};

export const PRICES = {
  essdDisk: {
    value: 0.0015,
    unit: "GiB-hour",
    what: "ESSD system disk, PL1 (the provider's default level)",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "on the price list, behind its calculator; not read",
  },
  publicTraffic: {
    value: 0.8,
    unit: "GB",
    what: "public traffic out, pay-by-traffic (BGP), Chinese mainland",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: `the international site lists 0.125 USD/GB for Hangzhou, Shanghai, Beijing, Shenzhen (${EIP_TRAFFIC}); the CNY figure not read`,
  },
  eipHolding: {
    value: 0.02,
    unit: "hour",
    what: "EIP holding fee (pay-by-traffic), not charged while bound to a VPC ECS instance",
    source: EIP_TRAFFIC,
    status: "unconfirmed",
    note: "read there: no holding fee while the EIP is bound to a VPC ECS instance, 0.0031 USD/hour otherwise; the CNY figure not read",
  },
  clbInstance: {
    value: 0.147,
    unit: "hour",
    what: "CLB instance fee (pay-by-LCU)",
    source: CLB_PAY_AS_YOU_GO,
    status: "read",
    note: "read there: 实例单价为“0.147元/小时”; not charged until 2026-11-30 for instances created before 2024-12-01",
  },
  clbPublicIp: {
    value: 0.02,
    unit: "hour",
    what: "CLB public IP holding fee (公网IP保有费)",
    source: CLB_PAY_AS_YOU_GO,
    status: "unconfirmed",
    note:
      "named on the page; its figure was past the part read. An older copy (https://help.aliyun.com/document_detail/27692.html), " +
      "from before the fee was renamed from 实例费 on 2024-12-01, gives 0.02元/小时 for 华东1（杭州） in its example",
  },
  clbLcu: {
    value: 0.049,
    unit: "LCU-hour",
    what: "CLB LCU",
    source: CLB_PAY_AS_YOU_GO,
    status: "unconfirmed",
    note: "named on the page; its figure was past the part read",
  },
  fcVcpu: {
    value: 0.00009,
    unit: "vCPU-second",
    what: "Function Compute 3.0 vCPU use",
    source: FC_BILLING,
    status: "unconfirmed",
    note: "the page lists the billed items, not their figures",
  },
  fcMemory: {
    value: 0.000009,
    unit: "GB-second",
    what: "Function Compute 3.0 memory use",
    source: FC_BILLING,
    status: "unconfirmed",
    note: "the page lists the billed items, not their figures",
  },
  fcInvocations: {
    value: 0.0133,
    unit: "10k invocations",
    what: "Function Compute 3.0 invocations",
    source: FC_BILLING,
    status: "unconfirmed",
    note: "the page lists the billed items, not their figures",
  },
  slsIndexTraffic: {
    value: 0.35,
    unit: "GB",
    what: "Log Service index traffic (pay-by-feature)",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "on the price list, behind its calculator; not read",
  },
  slsStorage: {
    value: 0.0115,
    unit: "GB-day",
    what: "Log Service storage (pay-by-feature)",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "on the price list, behind its calculator; not read",
  },
  ossStorage: {
    value: 0.12,
    unit: "GB-month",
    what: "OSS standard storage (LRS)",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "on the price list, behind its calculator; not read",
  },
  cmsSiteMonitor: {
    value: 0,
    unit: "hour",
    what: "CloudMonitor site monitor task and alarm rules (free edition quota)",
    source: PRICE_LIST,
    status: "unconfirmed",
    note: "taken as within the free edition's quota; not read",
  },
} as const satisfies Record<string, Price>;

export type PriceId = keyof typeof PRICES;

/** When the figures were collected. */
export const PRICE_TABLE_DATE = "2026-12-07";
