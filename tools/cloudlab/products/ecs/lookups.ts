// What ECS says about the region: zones, instance types and where they are sold, system images. The
// facts come from the same catalog the offline plan's mocks answer from (tools/plan/cloudCatalog.ts),
// served here at the API level, so the provider's own data source code does the filtering. Shapes
// read in terraform-provider-alicloud v1.285.0 (the code the plugin is built from):
// - alicloud/service_alicloud_ecs.go DescribeAvailableResources: DescribeAvailableResource
//   (typed SDK: AvailableZones.AvailableZone[].{ZoneId, Status, AvailableResources.AvailableResource[]
//   .SupportedResources.SupportedResource[].{Value, Status}}); a zone or type "SoldOut" is skipped.
// - alicloud/data_source_alicloud_zones.go: DescribeZones (Zones.Zone[].{ZoneId, LocalName,
//   AvailableInstanceTypes.InstanceTypes[], AvailableDiskCategories.DiskCategories[],
//   AvailableResourceCreation.ResourceTypes[]}); the data source does not filter on
//   AvailableResourceCreation.
// - alicloud/data_source_alicloud_instance_types.go: DescribeInstanceTypes (generic map:
//   InstanceTypes.InstanceType[] with CpuCoreCount, MemorySize as numbers, NextToken paging) and
//   DescribeImageSupportInstanceTypes (InstanceTypes.InstanceType[].InstanceTypeId).
// - alicloud/data_source_alicloud_images.go: DescribeImages (Images.Image[], PageNumber/PageSize/TotalCount).
import type { CatalogImage, CatalogInstanceType, CloudCatalog } from "../../../plan/cloudCatalog";
import { ApiError } from "../../apiError";
import type { RpcCall, RpcHandler } from "../../rpc";

const AVAILABLE = { Status: "Available", StatusCategory: "WithStock" };

function supported(values: readonly string[]): Record<string, unknown> {
  return { SupportedResource: values.map((Value) => ({ Value, ...AVAILABLE })) };
}

/** The zones where `type` is sold with `disk` (any disk when undefined). */
function zonesSelling(type: CatalogInstanceType, disk: string | undefined): string[] {
  return Object.entries(type.soldIn)
    .filter(([, disks]) => disk === undefined || disks.includes(disk))
    .map(([zone]) => zone);
}

function describeAvailableResource(catalog: CloudCatalog): RpcHandler {
  return ({ params }) => {
    const destination = params.required("DestinationResource");
    const disk = params.get("SystemDiskCategory");
    const cores = params.int("Cores");
    const memory = params.get("Memory") === undefined ? undefined : Number(params.get("Memory"));
    const types = catalog.instanceTypes.filter(
      (t) => (cores === undefined || t.cpuCoreCount === cores) && (memory === undefined || t.memorySize === memory),
    );
    const zones = catalog.zones.map((zone) => {
      const resources: Record<string, unknown>[] = [];
      if (destination === "Zone") resources.push({ Type: "Zone", SupportedResources: supported([zone.id]) });
      else if (destination === "InstanceType") {
        const sold = types.filter((t) => zonesSelling(t, disk).includes(zone.id)).map((t) => t.id);
        if (sold.length > 0) resources.push({ Type: "InstanceType", SupportedResources: supported(sold) });
      } else if (destination === "SystemDisk") {
        resources.push({ Type: "SystemDisk", SupportedResources: supported(zone.diskCategories) });
      } else
        throw new ApiError("InvalidDestinationResource.ValueNotSupported", `DestinationResource ${destination} is not supported here.`);
      return { RegionId: params.get("RegionId"), ZoneId: zone.id, ...AVAILABLE, AvailableResources: { AvailableResource: resources } };
    });
    return { AvailableZones: { AvailableZone: zones.filter((z) => z.AvailableResources.AvailableResource.length > 0) } };
  };
}

function describeZones(catalog: CloudCatalog): RpcHandler {
  return () => ({
    Zones: {
      Zone: catalog.zones.map((zone) => ({
        ZoneId: zone.id,
        LocalName: zone.id,
        ZoneType: "AvailabilityZone",
        AvailableResourceCreation: { ResourceTypes: zone.vswitchCreation ? ["VSwitch", "Instance", "Disk"] : ["Instance", "Disk"] },
        AvailableDiskCategories: { DiskCategories: [...zone.diskCategories] },
        AvailableInstanceTypes: { InstanceTypes: catalog.instanceTypes.filter((t) => zone.id in t.soldIn).map((t) => t.id) },
        AvailableVolumeCategories: { VolumeCategories: [...zone.diskCategories] },
      })),
    },
  });
}

function instanceTypeRecord(t: CatalogInstanceType): Record<string, unknown> {
  return {
    InstanceTypeId: t.id,
    InstanceTypeFamily: t.family,
    CpuCoreCount: t.cpuCoreCount,
    MemorySize: t.memorySize,
    CpuArchitecture: t.architecture === "arm64" ? "ARM" : "X86",
    GPUAmount: t.gpuAmount,
    GPUSpec: "",
    BaselineCredit: t.baselineCredit,
    InitialCredit: 0,
    EniQuantity: 3,
    EniPrivateIpAddressQuantity: 6,
    EniIpv6AddressQuantity: 1,
    LocalStorageAmount: 0,
    LocalStorageCategory: "",
    NvmeSupport: "unsupported",
    InstanceCategory: t.baselineCredit > 0 ? "Shared" : "General-purpose",
  };
}

function describeInstanceTypes(catalog: CloudCatalog): RpcHandler {
  return ({ params }) => {
    const wanted = params.get("InstanceTypeFamily");
    const one = params.get("InstanceType");
    const types = catalog.instanceTypes.filter((t) => (!wanted || t.family === wanted) && (!one || t.id === one));
    return { InstanceTypes: { InstanceType: types.map(instanceTypeRecord) }, NextToken: "" };
  };
}

function describeImageSupportInstanceTypes(catalog: CloudCatalog): RpcHandler {
  return ({ params }) => {
    const image = catalog.images.find((i) => i.id === params.required("ImageId"));
    if (!image) throw new ApiError("InvalidImageId.NotFound", "The specified ImageId does not exist.", 404);
    const types = catalog.instanceTypes.filter((t) => t.architecture === image.architecture);
    return { RegionId: params.get("RegionId"), ImageId: image.id, InstanceTypes: { InstanceType: types.map(instanceTypeRecord) } };
  };
}

function imageRecord(image: CatalogImage): Record<string, unknown> {
  return {
    ImageId: image.id,
    ImageName: image.id,
    ImageOwnerAlias: "system",
    Architecture: image.architecture,
    OSType: image.osType,
    OSName: image.id.startsWith("ubuntu") ? "Ubuntu 22.04 64位" : "Alibaba Cloud Linux 3",
    OSNameEn: image.id.startsWith("ubuntu") ? "Ubuntu 22.04 64 bit" : "Alibaba Cloud Linux 3",
    Platform: image.id.startsWith("ubuntu") ? "Ubuntu" : "Aliyun",
    Status: "Available",
    CreationTime: image.creationTime,
    Size: 20,
    Usage: "instance",
    IsSupportIoOptimized: true,
    IsSupportCloudinit: true,
    IsSelfShared: "",
    IsSubscribed: false,
    IsCopied: false,
    ImageVersion: "",
    Progress: "100%",
    ProductCode: "",
    DiskDeviceMappings: { DiskDeviceMapping: [] },
    Tags: { Tag: [] },
  };
}

function describeImages(catalog: CloudCatalog): RpcHandler {
  return ({ params }: RpcCall) => {
    const owner = params.get("ImageOwnerAlias");
    const id = params.get("ImageId");
    const name = params.get("ImageName");
    const arch = params.get("Architecture");
    const os = params.get("OSType");
    const type = params.get("InstanceType");
    const typeArch = type ? catalog.instanceTypes.find((t) => t.id === type)?.architecture : undefined;
    const images = catalog.images
      .filter((i) => (owner === undefined || owner === "system") && (!id || i.id === id) && (!name || i.id === name))
      .filter((i) => (!arch || i.architecture === arch) && (!os || i.osType === os) && (!type || i.architecture === typeArch))
      .sort((a, b) => b.creationTime.localeCompare(a.creationTime));
    const size = params.int("PageSize", 10) as number;
    const page = params.int("PageNumber", 1) as number;
    return {
      RegionId: params.get("RegionId"),
      TotalCount: images.length,
      PageNumber: page,
      PageSize: size,
      Images: { Image: images.slice((page - 1) * size, page * size).map(imageRecord) },
    };
  };
}

export function lookupActions(catalog: CloudCatalog): Record<string, RpcHandler> {
  return {
    DescribeAvailableResource: describeAvailableResource(catalog),
    DescribeZones: describeZones(catalog),
    DescribeInstanceTypes: describeInstanceTypes(catalog),
    DescribeImageSupportInstanceTypes: describeImageSupportInstanceTypes(catalog),
    DescribeImages: describeImages(catalog),
  };
}
