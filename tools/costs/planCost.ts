// The cost part of `npm run plan`: the stack's estimate, and the other edge's for the same config
// (the stack planned again with `edge` flipped and its instance and zone counts left to their defaults).
import type { StackPlan } from "../plan/planStack";
import { estimateCost, type CostAssumptions, type CostEstimate } from "./estimate";
import type { OtherEdge } from "./format";

const EDGE_KEY = "wechat-https-backend:edge";

export interface PlanCost {
  readonly estimate: CostEstimate;
  readonly otherEdge: OtherEdge;
}

/** `replan` plans the same stack with config changes (planStack with configChanges). */
export async function planCost(
  plan: StackPlan,
  assumptions: CostAssumptions,
  replan: (changes: Record<string, string | undefined>) => Promise<StackPlan>,
): Promise<PlanCost> {
  const edge = plan.config.values[EDGE_KEY] === "instance" ? "instance" : "loadBalancer";
  const other = edge === "instance" ? "loadBalancer" : "instance";
  const estimate = estimateCost(plan.document, assumptions);
  try {
    const counts = ["instanceCount", "zoneCount", "zoneIds"].map((key) => [`wechat-https-backend:${key}`, undefined]);
    const otherPlan = await replan({ [EDGE_KEY]: other, ...Object.fromEntries(counts) });
    return { estimate, otherEdge: { edge: other, estimate: estimateCost(otherPlan.document, assumptions) } };
  } catch (err) {
    return { estimate, otherEdge: { edge: other, error: (err as Error).message.split("\n").slice(0, 3).join(" ") } };
  }
}
