// ECS (API version 2014-05-26): the region's catalog, and the resources the stacks create.
import { defaultCatalog } from "../../../plan/cloudCatalog";
import type { RpcProduct } from "../../rpc";
import { LAB_REGION } from "../../settings";
import { instanceActions } from "./instances";
import { instanceServiceActions } from "./instanceServices";
import { lookupActions } from "./lookups";
import { securityGroupActions } from "./securityGroups";
import { tagResources, untagResources } from "./tags";

export const ecs: RpcProduct = {
  name: "ecs",
  versions: ["2014-05-26"],
  actions: {
    ...lookupActions(defaultCatalog(LAB_REGION)),
    ...securityGroupActions,
    ...instanceActions,
    // The instance's RAM role (DescribeInstanceRamRole among them) and Cloud Assistant.
    ...instanceServiceActions,
    TagResources: tagResources,
    UntagResources: untagResources,
  },
};
