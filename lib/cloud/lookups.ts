// Data-source lookups: which system image, instance type and zones a stack uses when its config
// does not say. Nothing is hard-coded to a region; everything comes from the provider at preview.
//
// Order matters: the image first (x86_64 Ubuntu 22.04), then the instance types that can boot it
// (getInstanceTypes' `imageId`), then the zones. What a looked-up answer becomes once deployed is
// pinned by the components (ignoreChanges), so a later, different answer moves nothing; setting
// imageId, instanceType or zoneIds in the config is the deliberate way to move, and shows in the plan.
import * as pulumi from "@pulumi/pulumi";
import * as alicloud from "@pulumi/alicloud";
import { localeFromEnvironment, type Locale } from "../i18n";
import { checkConfiguredType, chooseInstanceType, type ChoiceRequest, type TypeChoice } from "./instanceTypeChoice";
import { cloudMessages } from "./messages";

/**
 * Alibaba Cloud's Ubuntu 22.04 x86_64 system images built from 2024 on: their apt sources point at
 * the VPC-internal mirror, and their cloud-init comes from jammy-updates, new enough (23.2.2 or
 * later) to read user data when metadata tokens are required (httpTokens: required).
 */
export const IMAGE_NAME_REGEX = "^ubuntu_22_04_x64_20G_alibase_20(2[4-9]|[3-9][0-9])[0-9]{4}\\.vhd$";

/** The size a looked-up instance type has: enough for nginx, Docker and a small API. */
export const DEFAULT_INSTANCE_SHAPE = { cpuCoreCount: 2, memorySize: 4 } as const;

/** The system disk every instance gets; the type must offer it in each zone used. */
export const SYSTEM_DISK_CATEGORY = "cloud_essd";

export interface ComputeSettings {
  readonly region: string;
  readonly zoneCount: number;
  /** Configured type; undefined: looked up. */
  readonly instanceType?: string;
  /** Configured image; undefined: looked up. */
  readonly imageId?: string;
  /** Configured zones, one per vSwitch; undefined: looked up. */
  readonly zoneIds?: readonly string[];
  /** The language of the failures; default the environment's, as for the config checks. */
  readonly locale?: Locale;
}

export interface ComputeChoice {
  readonly imageId: pulumi.Output<string>;
  readonly instanceType: pulumi.Output<string>;
  /** Zones to place vSwitches in, best first: the configured ones, or every usable zone found. */
  readonly zoneIds: pulumi.Output<string[]>;
}

function lookUpImage(settings: ComputeSettings, parent: pulumi.Resource): pulumi.Output<string> {
  const configured = settings.imageId;
  const args: alicloud.ecs.GetImagesOutputArgs = configured
    ? { imageId: configured, architecture: "x86_64" }
    : { owners: "system", nameRegex: IMAGE_NAME_REGEX, mostRecent: true, osType: "linux", architecture: "x86_64" };
  return alicloud.ecs.getImagesOutput(args, { parent }).apply((result) => {
    const image = result.images[0];
    if (image) return image.id;
    const m = cloudMessages(settings.locale);
    const description = m.imageDescription();
    throw new Error(
      configured
        ? m.imageNotAvailable({ imageId: configured, region: settings.region, image: description })
        : m.imageNoneFound({ region: settings.region, image: description }),
    );
  });
}

/** Finds the image, the instance type and the zones; every failure names the config key that fixes it. */
export function lookUpCompute(settings: ComputeSettings, parent: pulumi.Resource): ComputeChoice {
  const locale = settings.locale ?? localeFromEnvironment();
  const imageId = lookUpImage({ ...settings, locale }, parent);
  const offers = alicloud.ecs.getInstanceTypesOutput(
    {
      ...(settings.instanceType ? { instanceType: settings.instanceType } : DEFAULT_INSTANCE_SHAPE),
      instanceChargeType: "PostPaid",
      networkType: "Vpc",
      imageId,
      systemDiskCategory: SYSTEM_DISK_CATEGORY,
    },
    { parent },
  );
  const vswitchZones = settings.zoneIds
    ? pulumi.output([...settings.zoneIds])
    : alicloud
        .getZonesOutput({ availableResourceCreation: "VSwitch", availableDiskCategory: SYSTEM_DISK_CATEGORY }, { parent })
        .apply((result) => result.zones.map((zone) => zone.id));

  const choice = pulumi.all([offers, vswitchZones, imageId]).apply(([found, zones, image]): TypeChoice => {
    const request: ChoiceRequest = {
      offers: found.instanceTypes,
      vswitchZones: zones,
      zoneCount: settings.zoneCount,
      shape: `${DEFAULT_INSTANCE_SHAPE.cpuCoreCount} vCPU / ${DEFAULT_INSTANCE_SHAPE.memorySize} GiB`,
      region: settings.region,
      imageName: image,
      locale,
    };
    if (!settings.instanceType) return chooseInstanceType(request);
    try {
      const checked = checkConfiguredType({ ...request, instanceType: settings.instanceType });
      if (checked.warning) void pulumi.log.warn(checked.warning, parent);
      return checked;
    } catch (err) {
      // Pinned zones are where the stack already runs: say what a rollout there would meet, but do not
      // stop unrelated changes.
      if (!settings.zoneIds) throw err;
      void pulumi.log.warn(cloudMessages(locale).zonesPinned({ problem: (err as Error).message }), parent);
      return { instanceType: settings.instanceType, zones: [...settings.zoneIds] };
    }
  });
  return {
    imageId,
    // Through the check even when configured, so a type that cannot run here fails the preview.
    instanceType: choice.apply((c) => c.instanceType),
    zoneIds: settings.zoneIds ? pulumi.output([...settings.zoneIds]) : choice.apply((c) => c.zones),
  };
}
