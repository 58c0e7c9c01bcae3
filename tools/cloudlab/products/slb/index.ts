// Server Load Balancer, the classic load balancer (CLB; API version 2014-05-15): instances, HTTP and
// HTTPS listeners, server certificates, VServer groups and backends, tags. There is no official
// Node SDK for it; the provider reaches it through alibaba-cloud-sdk-go (typed requests and
// CommonRequest) and tea-rpc (RpcPost), all RPC. Each module cites the provider code it answers.
import type { RpcProduct } from "../../rpc";
import { listenerActions } from "./listeners";
import { loadBalancerActions } from "./loadBalancers";
import { serverCertificateActions } from "./serverCertificates";
import { serverGroupActions } from "./serverGroups";
import { tagActions } from "./tags";

export { SLB_KINDS, listenerId } from "./kinds";
export { listenerCertificateTimeline, serverGroupTimeline, type Moment } from "./history";

export const slb: RpcProduct = {
  name: "slb",
  versions: ["2014-05-15"],
  actions: { ...loadBalancerActions, ...listenerActions, ...serverCertificateActions, ...serverGroupActions, ...tagActions },
};
