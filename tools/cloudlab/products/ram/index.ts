// Resource Access Management (API version 2015-05-01): roles, custom policies with their versions,
// the policies attached to roles, and tags on both. RAM is global: the region of a call is ignored.
import type { RpcProduct } from "../../rpc";
import { attachmentActions } from "./attachments";
import { policyActions } from "./policies";
import { roleActions } from "./roles";
import { tagActions } from "./tags";

export { RAM_KINDS } from "./kinds";

export const ram: RpcProduct = {
  name: "ram",
  versions: ["2015-05-01"],
  actions: { ...roleActions, ...policyActions, ...attachmentActions, ...tagActions },
};
