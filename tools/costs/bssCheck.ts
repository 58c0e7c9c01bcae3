// `npm run prices -- --check`: the price table against Alibaba Cloud's own price API, BSS
// GetPayAsYouGoPrice (BssOpenApi 2017-12-14), for the figures whose module codes the BSS inquiry
// examples document: an ECS instance type and its system disk (the ECS subscription example gives
// ModuleCode InstanceType with Config InstanceType:<type>,IoOptimized:IoOptimized,ImageOs:<os>,InstanceTypeFamily:<family>
// and SystemDisk with SystemDisk.Category:<c>,SystemDisk.Size:<n>: help.aliyun.com/document_detail/94413.html;
// that a pay-as-you-go inquiry takes the same modules with PriceType Hour is assumed from the EIP
// example), and an EIP billed by traffic (ModuleCode Bandwidth, InternetChargeType:1 with PriceType
// Usage, ISP:BGP with PriceType Hour: help.aliyun.com/zh/user-center/developer-reference/afc189). The answer is read
// as Data.ModuleDetails.ModuleDetail[] with ModuleCode and OriginalCost (the list price, before
// discounts), per the API reference of GetPayAsYouGoPrice; which figure the EIP's Usage module is
// (per GB) is how the example reads, not stated there: unconfirmed. Everything else is left unchecked.
import OpenApi, * as $OpenApi from "@alicloud/openapi-client";
import { callRpc } from "../openApiRpc";
import { INSTANCE_TYPE_PRICES, PRICES, type Price } from "./priceTable";

/** One inquiry: the product, its modules, and which figure of the table each answers. */
interface Inquiry {
  readonly label: string;
  readonly productCode: string;
  readonly modules: readonly {
    readonly code: string;
    readonly config: string;
    readonly priceType: string;
    readonly compare?: Price;
    readonly per?: number;
  }[];
}

/** What the table says against what BSS answers, one figure. */
export interface Drift {
  readonly what: string;
  readonly table: number;
  readonly bss?: number;
  /** "same", "drift" (more than DRIFT_TOLERANCE apart) or "missing" (no such module in the answer). */
  readonly verdict: "same" | "drift" | "missing";
}

/** Figures that differ by less than this share are the same (BSS rounds to the fen). */
export const DRIFT_TOLERANCE = 0.02;

export function inquiries(region: string): Inquiry[] {
  const disk = 40;
  return [
    ...Object.entries(INSTANCE_TYPE_PRICES).map(([type, price]) => ({
      label: `ECS ${type} in ${region}`,
      productCode: "ecs",
      modules: [
        {
          code: "InstanceType",
          config: `InstanceType:${type},IoOptimized:IoOptimized,ImageOs:linux,InstanceTypeFamily:${type.split(".").slice(0, 2).join(".")}`,
          priceType: "Hour",
          compare: price,
        },
        {
          code: "SystemDisk",
          config: `SystemDisk.Category:cloud_essd,SystemDisk.Size:${disk}`,
          priceType: "Hour",
          compare: PRICES.essdDisk,
          per: disk,
        },
      ],
    })),
    {
      label: `EIP billed by traffic in ${region}`,
      productCode: "eip",
      modules: [
        { code: "Bandwidth", config: "Bandwidth:1024", priceType: "Day" },
        { code: "InternetChargeType", config: "InternetChargeType:1", priceType: "Usage", compare: PRICES.publicTraffic },
        { code: "ISP", config: "ISP:BGP", priceType: "Hour", compare: PRICES.eipHolding },
      ],
    },
  ];
}

export interface BssSettings {
  readonly accessKeyId: string;
  readonly accessKeySecret: string;
  readonly securityToken?: string;
  readonly region: string;
  /** business.aliyuncs.com (China site) by default; a loopback host for tests, spoken to over HTTP. */
  readonly endpoint: string;
}

interface PriceAnswer {
  Code?: string;
  Message?: string;
  Success?: boolean;
  Data?: { Currency?: string; ModuleDetails?: { ModuleDetail?: { ModuleCode?: string; OriginalCost?: number }[] } };
}

function client(settings: BssSettings): OpenApi {
  const loopback = /^(127\.0\.0\.1|localhost)(:\d+)?$/.test(settings.endpoint);
  return new OpenApi(
    new $OpenApi.Config({
      accessKeyId: settings.accessKeyId,
      accessKeySecret: settings.accessKeySecret,
      securityToken: settings.securityToken,
      endpoint: settings.endpoint,
      protocol: loopback ? "http" : "https",
      regionId: settings.region,
    }),
  );
}

async function ask(api: OpenApi, settings: BssSettings, inquiry: Inquiry): Promise<PriceAnswer> {
  const query: Record<string, string> = { ProductCode: inquiry.productCode, SubscriptionType: "PayAsYouGo", Region: settings.region };
  inquiry.modules.forEach((m, i) => {
    query[`ModuleList.${i + 1}.ModuleCode`] = m.code;
    query[`ModuleList.${i + 1}.Config`] = m.config;
    query[`ModuleList.${i + 1}.PriceType`] = m.priceType;
  });
  return callRpc<PriceAnswer>(api, "GetPayAsYouGoPrice", "2017-12-14", query);
}

/** Every checkable figure against BSS; throws with BSS's code and message when an inquiry is refused. */
export async function checkPrices(settings: BssSettings): Promise<Drift[]> {
  const api = client(settings);
  const drifts: Drift[] = [];
  for (const inquiry of inquiries(settings.region)) {
    const answer = await ask(api, settings, inquiry);
    if (answer.Success === false) throw new Error(`${inquiry.label}: BSS answered ${answer.Code ?? "?"}: ${answer.Message ?? ""}`);
    if (answer.Data?.Currency && answer.Data.Currency !== "CNY") {
      throw new Error(`${inquiry.label}: BSS answers in ${answer.Data.Currency}: the table is in CNY (the China site's account)`);
    }
    const details = answer.Data?.ModuleDetails?.ModuleDetail ?? [];
    for (const m of inquiry.modules) {
      if (!m.compare) continue;
      const table = m.compare.value * (m.per ?? 1);
      const found = details.find((d) => d.ModuleCode === m.code)?.OriginalCost;
      const what = `${inquiry.label}: ${m.compare.what}`;
      if (typeof found !== "number") drifts.push({ what, table, verdict: "missing" });
      else
        drifts.push({
          what,
          table,
          bss: found,
          verdict: Math.abs(found - table) <= DRIFT_TOLERANCE * Math.max(table, found) ? "same" : "drift",
        });
    }
  }
  return drifts;
}
