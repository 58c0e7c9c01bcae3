// What one Alibaba Cloud region and account offer, for the mocks: zones, instance types, system
// images, DNS zones and what the caller may call. The lookups below answer from it the way the
// provider's data sources do, filters and all, so a test proves the program's own choices rather
// than the kindness of a mock that returns one perfect answer:
// - terraform-provider-alicloud alicloud/data_source_alicloud_instance_types.go: cpu/memory must be
//   equal; `image_id` keeps only the types DescribeImageSupportInstanceTypes lists for the image (none
//   when it lists none); `system_disk_category` narrows DescribeAvailableResource to zones selling the
//   type with that disk, and a type sold in no zone is dropped; `availability_zones` is sorted; ARM,
//   burstable and shared types are NOT filtered out; `sorted_by = "Price"` calls the BSS price API
//   (GetPayAsYouGoPrice), which a RAM user without BSS permission is refused; without sorted_by the
//   order is the API's.
// - alicloud/data_source_alicloud_zones.go: a zone qualifies when its own lists contain the instance
//   type and the disk category (zone properties, not the type's), and VSwitch creation for
//   `available_resource_creation = "VSwitch"`; the ids come back sorted.
// - alicloud/data_source_alicloud_images.go: image id, name regex, owners (every catalog image is a
//   system image), architecture, `instance_type` (images the type can boot), newest first with `most_recent`.
// - alicloud/data_source_alicloud_alidns_domains.go: `key_word` goes to DescribeDomains (names that
//   contain it), `ids` match the zone's DomainName.

export type Architecture = "x86_64" | "arm64";

export interface CatalogInstanceType {
  readonly id: string;
  readonly family: string;
  readonly cpuCoreCount: number;
  readonly memorySize: number;
  readonly architecture: Architecture;
  /** CPU credits of a burstable type (t5/t6); 0 for types with dedicated vCPUs. */
  readonly baselineCredit: number;
  readonly gpuAmount: number;
  /** Zone id to the system disk categories the type is sold with there. */
  readonly soldIn: Readonly<Record<string, readonly string[]>>;
}

export interface CatalogZone {
  readonly id: string;
  /** Whether new vSwitches can be created in the zone. */
  readonly vswitchCreation: boolean;
  /** Disk categories the zone offers (a zone property). */
  readonly diskCategories: readonly string[];
}

export interface CatalogImage {
  readonly id: string;
  readonly architecture: Architecture;
  readonly osType: string;
  readonly creationTime: string;
}

export interface CloudCatalog {
  readonly zones: readonly CatalogZone[];
  /** In the API's own order (DescribeInstanceTypes), which says nothing about price. */
  readonly instanceTypes: readonly CatalogInstanceType[];
  readonly images: readonly CatalogImage[];
  /**
   * Zones hosted in the account's Alibaba Cloud DNS; undefined: an account set up for the stack under
   * test, which hosts whatever zone a keyword search asks for.
   */
  readonly dnsZones?: readonly string[];
  /** The caller may read prices (BSS): needed by getInstanceTypes sortedBy Price. */
  readonly bssRead: boolean;
}

const ESSD_AND_OLDER = ["cloud_essd", "cloud_ssd", "cloud_efficiency"];
const everywhere = (region: string, letters: string, disks: readonly string[] = ESSD_AND_OLDER) =>
  Object.fromEntries([...letters].map((letter) => [`${region}-${letter}`, disks]));

/**
 * A region as a RAM user with read-only rights sees it: among the 2 vCPU / 4 GiB types the API lists
 * first are a burstable one, two ARM ones and a shared one; one x86 type has no ESSD system disk, one
 * is sold in a single zone; zone k sells everything but takes no new vSwitches.
 */
export function defaultCatalog(region: string): CloudCatalog {
  const type = (
    id: string,
    architecture: Architecture,
    soldIn: CatalogInstanceType["soldIn"],
    extra: Partial<CatalogInstanceType> = {},
  ): CatalogInstanceType => ({
    id,
    family: id.replace(/\.[^.]+$/, "").replace(/-c\d+m\d+$/, ""),
    cpuCoreCount: 2,
    memorySize: 4,
    architecture,
    baselineCredit: 0,
    gpuAmount: 0,
    soldIn,
    ...extra,
  });
  return {
    zones: [
      ...["h", "i", "j"].map((letter) => ({ id: `${region}-${letter}`, vswitchCreation: true, diskCategories: ESSD_AND_OLDER })),
      { id: `${region}-k`, vswitchCreation: false, diskCategories: ESSD_AND_OLDER },
    ],
    instanceTypes: [
      type("ecs.t6-c1m2.large", "x86_64", everywhere(region, "hijk"), { baselineCredit: 20 }),
      type("ecs.c8y.large", "arm64", everywhere(region, "hijk")),
      type("ecs.c6r.large", "arm64", everywhere(region, "hij")),
      type("ecs.e-c1m2.large", "x86_64", everywhere(region, "hijk")),
      type("ecs.sn1ne.large", "x86_64", everywhere(region, "hijk", ["cloud_ssd", "cloud_efficiency"])),
      type("ecs.c8i.large", "x86_64", everywhere(region, "j")),
      type("ecs.u1-c1m2.large", "x86_64", everywhere(region, "ij")),
      type("ecs.c7.large", "x86_64", everywhere(region, "hijk")),
      type("ecs.g7.large", "x86_64", everywhere(region, "hijk"), { memorySize: 8 }),
    ],
    images: [
      { id: "ubuntu_22_04_arm64_20G_alibase_20241224.vhd", architecture: "arm64", osType: "linux", creationTime: "2024-12-24T00:00:00Z" },
      { id: "ubuntu_22_04_x64_20G_alibase_20230515.vhd", architecture: "x86_64", osType: "linux", creationTime: "2023-05-15T00:00:00Z" },
      { id: "ubuntu_22_04_x64_20G_alibase_20241224.vhd", architecture: "x86_64", osType: "linux", creationTime: "2024-12-24T00:00:00Z" },
      { id: "aliyun_3_x64_20G_alibase_20241224.vhd", architecture: "x86_64", osType: "linux", creationTime: "2024-12-24T00:00:00Z" },
    ],
    bssRead: false,
  };
}

/** Thrown where the real data source fails; the mocks pass it on as the invoke's failure. */
export class LookupError extends Error {
  override readonly name = "LookupError";
}

type Inputs = Record<string, unknown>;
const str = (value: unknown): string | undefined => (typeof value === "string" && value !== "" ? value : undefined);

function typesBootingImage(catalog: CloudCatalog, imageId: string): Set<string> {
  const image = catalog.images.find((i) => i.id === imageId);
  return new Set(catalog.instanceTypes.filter((t) => image && t.architecture === image.architecture).map((t) => t.id));
}

export function instanceTypesLookup(catalog: CloudCatalog, inputs: Inputs): Record<string, unknown> {
  const disk = str(inputs.systemDiskCategory);
  const zoneFilter = str(inputs.availabilityZone);
  const imageId = str(inputs.imageId);
  const booting = imageId ? typesBootingImage(catalog, imageId) : undefined;
  const rows = catalog.instanceTypes
    .map((t) => ({
      type: t,
      zones: Object.entries(t.soldIn)
        .filter(([zone, disks]) => (!disk || disks.includes(disk)) && (!zoneFilter || zone === zoneFilter))
        .map(([zone]) => zone)
        .sort(),
    }))
    .filter(({ zones }) => zones.length > 0)
    .filter(({ type }) => !str(inputs.instanceType) || type.id === inputs.instanceType)
    .filter(({ type }) => !str(inputs.instanceTypeFamily) || type.family === inputs.instanceTypeFamily)
    .filter(({ type }) => inputs.cpuCoreCount === undefined || type.cpuCoreCount === inputs.cpuCoreCount)
    .filter(({ type }) => inputs.memorySize === undefined || type.memorySize === inputs.memorySize)
    .filter(({ type }) => !booting || booting.has(type.id));
  if (inputs.sortedBy === "Price" && rows.length > 0 && !catalog.bssRead) {
    throw new LookupError(
      "GetPayAsYouGoPrice: Forbidden.RAM: User not authorized to operate on the specified resource, or this API doesn't support RAM (bss:GetPayAsYouGoPrice)",
    );
  }
  const instanceTypes = rows.map(({ type, zones }) => ({
    id: type.id,
    family: type.family,
    cpuCoreCount: type.cpuCoreCount,
    memorySize: type.memorySize,
    price: "",
    availabilityZones: zones,
    burstableInstance: { initialCredit: String(type.baselineCredit * 3), baselineCredit: String(type.baselineCredit) },
    gpu: { amount: String(type.gpuAmount), category: "" },
    localStorage: { amount: "0", category: "", capacity: "0" },
    eniAmount: 3,
    eniQuantity: 3,
    nvmeSupport: "unsupported",
  }));
  return { id: "instance-types", ids: instanceTypes.map((t) => t.id), instanceTypes };
}

export function zonesLookup(catalog: CloudCatalog, inputs: Inputs): Record<string, unknown> {
  const type = str(inputs.availableInstanceType);
  const disk = str(inputs.availableDiskCategory);
  const creation = str(inputs.availableResourceCreation);
  const zones = catalog.zones
    .map((zone) => ({
      zone,
      types: catalog.instanceTypes.filter((t) => zone.id in t.soldIn).map((t) => t.id),
    }))
    .filter(({ zone, types }) => (!type || types.includes(type)) && (!disk || zone.diskCategories.includes(disk)))
    .filter(({ zone }) => creation !== "VSwitch" || zone.vswitchCreation)
    .sort((a, b) => a.zone.id.localeCompare(b.zone.id))
    .map(({ zone, types }) => ({
      id: zone.id,
      localName: zone.id,
      availableInstanceTypes: types,
      availableResourceCreations: zone.vswitchCreation ? ["VSwitch", "Instance"] : ["Instance"],
      availableDiskCategories: [...zone.diskCategories],
      multiZoneIds: [],
      slbSlaveZoneIds: [],
    }));
  return { id: "zones", ids: zones.map((z) => z.id), zones };
}

export function imagesLookup(catalog: CloudCatalog, inputs: Inputs): Record<string, unknown> {
  const nameRegex = str(inputs.nameRegex);
  const pattern = nameRegex ? new RegExp(nameRegex) : undefined;
  const typeId = str(inputs.instanceType);
  const type = typeId ? catalog.instanceTypes.find((t) => t.id === typeId) : undefined;
  let images = catalog.images
    .filter((i) => !str(inputs.imageId) || i.id === inputs.imageId)
    .filter(() => !str(inputs.owners) || inputs.owners === "system")
    .filter((i) => !pattern || pattern.test(i.id))
    .filter((i) => !str(inputs.architecture) || i.architecture === inputs.architecture)
    .filter((i) => !str(inputs.osType) || i.osType === inputs.osType)
    .filter((i) => !typeId || (type !== undefined && type.architecture === i.architecture));
  if (inputs.mostRecent === true) images = [...images].sort((a, b) => b.creationTime.localeCompare(a.creationTime)).slice(0, 1);
  return {
    id: "images",
    ids: images.map((i) => i.id),
    images: images.map((i) => ({
      id: i.id,
      imageId: i.id,
      name: i.id,
      imageName: i.id,
      osType: i.osType,
      architecture: i.architecture,
      creationTime: i.creationTime,
      status: "Available",
    })),
  };
}

export function alidnsDomainsLookup(catalog: CloudCatalog, inputs: Inputs): Record<string, unknown> {
  const ids = Array.isArray(inputs.ids) ? (inputs.ids as string[]) : undefined;
  const keyWord = str(inputs.keyWord);
  const hosted = catalog.dnsZones ?? (keyWord ? [keyWord] : []);
  const domains = hosted
    // DescribeDomains' default search mode finds names containing the keyword.
    .filter((zone) => !keyWord || zone.includes(keyWord))
    .filter((zone) => !ids || ids.includes(zone))
    .map((zone, i) => ({
      id: zone,
      domainId: `00000000-0000-4000-8000-00000000000${i}`,
      domainName: zone,
      punyCode: zone,
      aliDomain: false,
      groupId: "",
      groupName: "",
      instanceId: "",
      versionCode: "mianfei",
      versionName: "Alibaba Cloud DNS Free",
      remark: "",
      resourceGroupId: "",
      tags: {},
    }));
  return { id: "alidns-domains", ids: domains.map((d) => d.id), names: domains.map((d) => d.id), domains };
}

/** Every value a lookup of this catalog can answer with that a resource might take as an input. */
export function lookupAnswers(catalog: CloudCatalog): string[] {
  return [...catalog.zones.map((z) => z.id), ...catalog.instanceTypes.map((t) => t.id), ...catalog.images.map((i) => i.id)];
}
