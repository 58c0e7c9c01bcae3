// The cost estimate as the plan prints it: one line per billed item with its monthly figure, the
// total, the assumptions, and the other edge's total beside it.
import type { Locale } from "../../lib/i18n";
import { COMMAND_CATALOGS } from "../messages";
import type { CostEstimate } from "./estimate";
import { PRICE_TABLE_DATE } from "./priceTable";

const money = (value: number): string => value.toFixed(2);

/** The other edge's estimate, or why there is none. */
export type OtherEdge = { readonly edge: string } & ({ readonly estimate: CostEstimate } | { readonly error: string });

export function formatCost(estimate: CostEstimate, other: OtherEdge | undefined, locale: Locale = "en"): string[] {
  const m = COMMAND_CATALOGS[locale];
  const a = estimate.assumptions;
  const width = Math.max(...estimate.lines.map((l) => l.item.length), 10);
  const lines = [m.costTitle({ date: PRICE_TABLE_DATE })];
  for (const l of estimate.lines) {
    const mark = l.prices.some((p) => p.status !== "read") ? " ?" : "";
    lines.push(`  ${l.item.padEnd(width)}  ${money(l.monthlyCny).padStart(9)}${mark}${l.assumed ? `   (${l.assumed})` : ""}`);
  }
  lines.push(`  ${m.costTotal().padEnd(width)}  ${money(estimate.totalCny).padStart(9)}`);
  lines.push(m.costAssumptions({ hours: a.hoursPerMonth, traffic: a.trafficGbPerMonth, requests: a.requestsPerMonth, lcu: a.lcuPerHour }));
  if (estimate.unconfirmed) lines.push(`  ${m.costUnconfirmed()}`);
  for (const what of estimate.notPriced) lines.push(`  ! ${m.costNotPriced({ what })}`);
  lines.push(`  ${m.costFree({ count: estimate.free })}`);
  if (other) {
    lines.push(
      "estimate" in other
        ? m.costOtherEdge({ edge: other.edge, total: money(other.estimate.totalCny) })
        : m.costOtherEdgeFailed({ edge: other.edge, reason: other.error }),
    );
  }
  return lines;
}
