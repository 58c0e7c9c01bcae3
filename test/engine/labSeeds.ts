// Records the engine tests put in the emulator before a run, for what the program under test does
// not create itself: ECS instances (until the emulator creates them; the fields other products read
// are InstanceFacts in tools/cloudlab/products/ecs/kinds.ts).
import { KINDS, type InstanceFacts } from "../../tools/cloudlab/products/ecs/kinds";
import { newId, type LabStore } from "../../tools/cloudlab/store";

export interface SeedInstance {
  /** Default: a new id. */
  readonly id?: string;
  /** Default: Running. */
  readonly status?: InstanceFacts["Status"];
  /** Default: SEED_VPC_ID. */
  readonly vpcId?: string;
  /** Its private address; default 172.16.0.10. */
  readonly ip?: string;
}

/** The VPC a seeded instance is in unless told otherwise. */
export const SEED_VPC_ID = "vpc-bp1labseed000000001";

/** An instance in a VPC of the lab region, Running unless told otherwise; its id. */
export function seedInstance(store: LabStore, seed: SeedInstance = {}): string {
  const id = seed.id ?? newId("i-bp1", 17);
  const facts: InstanceFacts = {
    InstanceId: id,
    Status: seed.status ?? "Running",
    ZoneId: `${store.region}-h`,
    RegionId: store.region,
    VpcAttributes: {
      VpcId: seed.vpcId ?? SEED_VPC_ID,
      VSwitchId: "vsw-bp1labseed000000001",
      PrivateIpAddress: { IpAddress: [seed.ip ?? "172.16.0.10"] },
    },
    InstanceType: "ecs.g7.large",
    ImageId: "ubuntu_22_04_x64_20G_alibase_20240710.vhd",
  };
  store.create(KINDS.instance, id, { ...facts });
  return id;
}
