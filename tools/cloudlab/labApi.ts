// The emulator's own API, on its address without a proxy: what a test or a person inspects and steers.
//   GET  /_lab/requests           every request the provider sent (no credentials), in order
//   GET  /_lab/state              every resource held, by kind
//   GET  /_lab/changes            every create/update/delete of a resource, in order
//   POST /_lab/faults             {product, action, code, message, status?, times?, match?}: the next
//                                 matching calls fail so (a throttling error once, an expired invocation)
import { json, type LabHttpRequest, type LabHttpResponse } from "./http";
import type { InjectedFault, LabStore } from "./store";

export function labApi(store: LabStore): (req: LabHttpRequest) => LabHttpResponse | undefined {
  return (req) => {
    const path = req.url.pathname;
    if (req.method === "GET" && path === "/_lab/requests") return json(200, store.requests);
    if (req.method === "GET" && path === "/_lab/state") return json(200, store.snapshot());
    if (req.method === "GET" && path === "/_lab/changes") return json(200, store.changes);
    if (req.method === "POST" && path === "/_lab/faults") {
      const fault = JSON.parse(req.body.toString("utf8")) as InjectedFault;
      if (!fault.product || !fault.action || !fault.code) return json(400, { error: "a fault needs product, action and code" });
      store.inject(fault);
      return json(200, { injected: fault });
    }
    return undefined;
  };
}
