// Alibaba Cloud DNS (Alidns, API version 2015-01-09): the account's hosted zones and their records.
import type { RpcProduct } from "../../rpc";
import { describeDomains } from "./domains";
import { recordActions } from "./records";

export { DNS_DOMAIN, hostZone } from "./domains";
export { DNS_RECORD } from "./records";

export const alidns: RpcProduct = {
  name: "alidns",
  versions: ["2015-01-09"],
  actions: { DescribeDomains: describeDomains, ...recordActions },
};
