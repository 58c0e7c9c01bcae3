// Data-source lookups: which instance type, zones and image to use. Nothing here is hard-coded to a
// region; everything comes from the provider at preview time.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";

/** Ubuntu 22.04 system images on Alibaba Cloud; their apt sources point at the VPC-internal mirror. */
export const IMAGE_NAME_REGEX = "^ubuntu_22_04_x64_20G_alibase_";

/** The size a looked-up instance type has: enough for nginx, Docker and a small API. */
export const DEFAULT_INSTANCE_SHAPE = { cpuCoreCount: 2, memorySize: 4 } as const;

/** The configured instance type, or the cheapest pay-as-you-go VPC type of the default shape. */
export function lookUpInstanceType(configured: string | undefined, parent: pulumi.Resource): pulumi.Output<string> {
  if (configured !== undefined) return pulumi.output(configured);
  return alicloud.ecs
    .getInstanceTypesOutput(
      { ...DEFAULT_INSTANCE_SHAPE, instanceChargeType: "PostPaid", networkType: "Vpc", sortedBy: "Price" },
      { parent },
    )
    .apply((result) => {
      const first = result.instanceTypes[0];
      if (!first) {
        throw new Error(
          `no pay-as-you-go VPC instance type with ${DEFAULT_INSTANCE_SHAPE.cpuCoreCount} vCPU and ` +
            `${DEFAULT_INSTANCE_SHAPE.memorySize} GiB is for sale in this region; set instanceType`,
        );
      }
      return first.id;
    });
}

/** Zones where the instance type can be created in a vSwitch with an ESSD system disk, in the provider's order. */
export function lookUpZones(instanceType: pulumi.Input<string>, parent: pulumi.Resource): pulumi.Output<string[]> {
  return alicloud
    .getZonesOutput(
      { availableInstanceType: instanceType, availableResourceCreation: "VSwitch", availableDiskCategory: "cloud_essd" },
      { parent },
    )
    .apply((result) => result.zones.map((zone) => zone.id));
}

/** The newest Ubuntu 22.04 system image that supports the instance type. */
export function lookUpImage(instanceType: pulumi.Input<string>, parent: pulumi.Resource): pulumi.Output<string> {
  return alicloud.ecs
    .getImagesOutput(
      { owners: "system", nameRegex: IMAGE_NAME_REGEX, mostRecent: true, osType: "linux", architecture: "x86_64", instanceType },
      { parent },
    )
    .apply((result) => {
      const image = result.images[0];
      if (!image) throw new Error(`no system image matches ${IMAGE_NAME_REGEX} for this instance type in this region`);
      return image.id;
    });
}
