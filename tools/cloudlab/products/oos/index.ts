// Operation Orchestration Service (API version 2019-06-01): secret parameters and their tags.
// A secret parameter's value stays in the store, where the harness reads it (secretParameterValue),
// and never in the request log: the log keeps every call's parameters except the value, which is
// replaced as soon as the call is answered (the RPC front logs a call before its handler runs).
import { type LabHttpRequest, type LabHttpResponse } from "../../http";
import { serveRpc, type RpcProduct } from "../../rpc";
import type { LabProduct } from "../../server";
import type { LabStore } from "../../store";
import { secretParameterActions } from "./secretParameters";
import { oosTagActions } from "./tags";

export { LAB_RESOURCE_GROUP, OOS_SECRET_PARAMETER, secretParameterValue } from "./secretParameters";

export const REDACTED = "(secret parameter value, not logged)";
/** Parameters of OOS calls that carry a secret: CreateSecretParameter's and UpdateSecretParameter's Value. */
const SECRET_FIELDS = ["Value"];

export const oosRpc: RpcProduct = {
  name: "oos",
  versions: ["2019-06-01"],
  actions: { ...secretParameterActions, ...oosTagActions },
};

function serveOos(req: LabHttpRequest, _sub: readonly string[], store: LabStore): LabHttpResponse {
  const before = store.requests.length;
  const answer = serveRpc(oosRpc, req, store);
  for (const logged of store.requests.slice(before)) {
    const params = logged.params as Record<string, unknown>;
    for (const field of SECRET_FIELDS) if (field in params) params[field] = REDACTED;
  }
  return answer;
}

export const oos: LabProduct = { dialect: "http", name: "oos", serve: serveOos };
