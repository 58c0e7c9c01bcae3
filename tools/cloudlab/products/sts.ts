// Security Token Service (API version 2015-04-01): who the caller is. Shape: GetCallerIdentity
// (terraform-provider-alicloud alicloud/data_source_alicloud_caller_identity.go reads AccountId, Arn
// and IdentityType; the API reference adds UserId and PrincipalId), for the lab's RAM user.
import type { RpcProduct } from "../rpc";

export const sts: RpcProduct = {
  name: "sts",
  versions: ["2015-04-01"],
  actions: {
    GetCallerIdentity: ({ store }) => ({
      AccountId: store.accountId,
      UserId: "216959339000654321",
      PrincipalId: "216959339000654321",
      IdentityType: "RAMUser",
      Arn: `acs:ram::${store.accountId}:user/cloudlab`,
    }),
  },
};
