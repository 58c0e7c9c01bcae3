// Which instances may become backends. "You can add only running backend servers" (the references of
// AddBackendServers and AddVServerGroupBackendServers); an instance the account does not have, or one
// not running, is refused with ObtainIpFail; one outside the load balancer's VPC, or backends of an
// internet load balancer spread over several VPCs, with the common error codes' network errors.
// Instances are the ECS records products/ecs/kinds.ts describes (InstanceFacts).
import { ApiError } from "../../apiError";
import type { LabRecord, LabStore } from "../../store";
import { KINDS, type InstanceFacts } from "../ecs/kinds";
import type { BackendServerInput } from "./backendServers";
import { backendNetworkMismatch, backendNotAvailable, backendsInconsistent } from "./errors";
import { SLB_KINDS, serversOf, type VServerGroupServer } from "./kinds";

/** At most 20 backends per call (the references; TooManyBackendServers in the common error codes). */
const MAX_PER_CALL = 20;

export interface ResolvedBackend {
  readonly ServerId: string;
  readonly Weight: number;
  readonly Type: string;
  readonly Description: string;
  readonly ServerIp: string;
  readonly VpcId: string;
}

/** The VPC of every backend the load balancer has now (default group and VServer groups). */
function vpcsInUse(store: LabStore, lb: LabRecord): Set<string> {
  const own = serversOf(lb) as unknown as VServerGroupServer[];
  const grouped = store
    .list(SLB_KINDS.vServerGroup)
    .filter((g) => g.LoadBalancerId === lb.LoadBalancerId)
    .flatMap(serversOf);
  return new Set([...own, ...grouped].map((s) => s.VpcId ?? "").filter((v) => v !== ""));
}

export function resolveBackends(store: LabStore, lb: LabRecord, inputs: readonly BackendServerInput[]): ResolvedBackend[] {
  if (inputs.length > MAX_PER_CALL) {
    throw new ApiError("TooManyBackendServers", "The total number of input real servers exceeds max supported number: 20", 400);
  }
  const vpcs = vpcsInUse(store, lb);
  return inputs.map((input) => {
    const weight = input.Weight ?? 100;
    if (weight < 0 || weight > 100) throw new ApiError("InvalidWeight.Malformed", "A specified weight is not valid.", 400);
    const type = input.Type ?? "ecs";
    if (type !== "ecs") throw backendNotAvailable(); // ENI and ECI backends: the emulator holds none
    const instance = store.get(KINDS.instance, input.ServerId) as unknown as InstanceFacts | undefined;
    if (!instance || instance.Status !== "Running") throw backendNotAvailable();
    const vpc = instance.VpcAttributes?.VpcId ?? "";
    if (lb.VpcId && vpc !== lb.VpcId) throw backendNetworkMismatch();
    if (vpc) vpcs.add(vpc);
    if (vpcs.size > 1) throw backendsInconsistent();
    return {
      ServerId: input.ServerId,
      Weight: weight,
      Type: type,
      Description: input.Description ?? "",
      ServerIp: input.ServerIp ?? instance.VpcAttributes?.PrivateIpAddress?.IpAddress?.[0] ?? "",
      VpcId: vpc,
    };
  });
}
