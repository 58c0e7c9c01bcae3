// What ECS does for and on instances beside running them: the RAM role an instance assumes and the
// Cloud Assistant commands it runs. One registration in the ECS product.
import type { RpcHandler } from "../../rpc";
import { commandActions } from "./assistantCommands";
import { invocationActions } from "./assistantInvocations";
import { instanceRamRoleActions } from "./instanceRamRole";

export const instanceServiceActions: Readonly<Record<string, RpcHandler>> = {
  ...instanceRamRoleActions,
  ...commandActions,
  ...invocationActions,
};
