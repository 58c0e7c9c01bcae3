// Records the engine tests put in the emulator before a run, for what the program under test does
// not create itself: ECS instances (until the emulator creates them; the fields other products read
// are InstanceFacts in tools/cloudlab/products/ecs/kinds.ts).
import { KINDS, type InstanceFacts } from "../../tools/cloudlab/products/ecs/kinds";
import { newId, type LabStore } from "../../tools/cloudlab/store";

/** An instance in a VPC of the lab region, Running unless told otherwise; its id. */
export function seedInstance(store: LabStore, status: InstanceFacts["Status"] = "Running"): string {
  const id = newId("i-bp1", 17);
  const facts: InstanceFacts = {
    InstanceId: id,
    Status: status,
    ZoneId: `${store.region}-h`,
    RegionId: store.region,
    VpcAttributes: {
      VpcId: "vpc-bp1labseed000000001",
      VSwitchId: "vsw-bp1labseed000000001",
      PrivateIpAddress: { IpAddress: ["172.16.0.10"] },
    },
    InstanceType: "ecs.g7.large",
    ImageId: "ubuntu_22_04_x64_20G_alibase_20240710.vhd",
  };
  store.create(KINDS.instance, id, { ...facts });
  return id;
}
