// Which instance type a stack without `instanceType` gets, decided from what the provider's
// getInstanceTypes returns. Plain functions, tested without mocks.
//
// What the data source already filters (terraform-provider-alicloud
// alicloud/data_source_alicloud_instance_types.go): the shape (cpu/memory equal), pay-as-you-go VPC
// sale, `image_id` (only types that can boot the image, which is how ARM types like c8y, g8y and c6r
// drop out for an x86_64 image) and `system_disk_category` (its `availability_zones` are then the zones
// selling the type with an ESSD system disk; a type sold with ESSD nowhere is not returned). What it
// does not filter, and this file does: burstable types (t5, t6: CPU credits, throttled to a baseline),
// shared types (no dedicated vCPUs), GPU types, and types sold in fewer zones than the stack spreads over.
//
// No `sorted_by = "Price"`: that makes the provider call the BSS price API (GetPayAsYouGoPrice),
// which a RAM user without BSS permission is refused, failing every preview. Without prices the
// order is: most usable zones first (a rollout creates new instances, and a type sold in more
// zones is less likely to be out of stock in one of them), then the newest generation (Alibaba
// Cloud prices newer generations about the same for more performance), then the name, so the
// answer does not depend on the API's order.

/** The part of getInstanceTypes' result this file reads. */
export interface InstanceTypeOffer {
  readonly id: string;
  readonly family: string;
  readonly availabilityZones: readonly string[];
  readonly burstableInstance?: { readonly baselineCredit?: string; readonly initialCredit?: string };
  readonly gpu?: { readonly amount?: string };
}

/**
 * Families without dedicated vCPUs: Alibaba Cloud's shared instance families (economy e, s6, xn4,
 * n4, mn4, e4 and the retired n1, n2, s1-s3, t1). Burstable t5/t6 are caught by their credits too.
 */
const SHARED_FAMILY = /^ecs\.(e|e4|s6|xn4|n4|mn4|n1|n2|s1|s2|s3|t1|t5|t6)$/;

/** Why a type is unfit for an API backend, or undefined when it is fit. */
export function unfitBecause(offer: InstanceTypeOffer): string | undefined {
  const credits = Number(offer.burstableInstance?.baselineCredit ?? 0) + Number(offer.burstableInstance?.initialCredit ?? 0);
  if (credits > 0 || /^ecs\.t\d/.test(offer.family)) return "burstable: CPU credits, throttled to a baseline when they run out";
  if (SHARED_FAMILY.test(offer.family)) return "shared: no dedicated vCPUs";
  if (Number(offer.gpu?.amount ?? 0) > 0) return "a GPU type";
  return undefined;
}

/** The generation in a family name: ecs.c7 -> 7, ecs.c8i -> 8, ecs.u1 -> 1. */
export function generation(family: string): number {
  const match = /(\d+)[a-z]*$/.exec(family);
  return match ? Number(match[1]) : 0;
}

export interface TypeChoice {
  readonly instanceType: string;
  /** Zones that sell it with an ESSD system disk and take new vSwitches, sorted. */
  readonly zones: string[];
}

export interface ChoiceRequest {
  readonly offers: readonly InstanceTypeOffer[];
  /** Zones where a vSwitch can be created (and ESSD disks exist). */
  readonly vswitchZones: readonly string[];
  readonly zoneCount: number;
  /** How the looked-up shape reads in a message ("2 vCPU / 4 GiB"). */
  readonly shape: string;
  readonly region: string;
  readonly imageName: string;
}

function usableZones(offer: InstanceTypeOffer, vswitchZones: readonly string[]): string[] {
  return offer.availabilityZones.filter((zone) => vswitchZones.includes(zone)).sort();
}

/** Picks the type a stack without `instanceType` uses; throws naming `instanceType` as the way out. */
export function chooseInstanceType(request: ChoiceRequest): TypeChoice {
  const rejected: string[] = [];
  const fit = request.offers.flatMap((offer) => {
    const reason = unfitBecause(offer);
    const zones = usableZones(offer, request.vswitchZones);
    if (reason) rejected.push(`${offer.id} (${reason})`);
    else if (zones.length < request.zoneCount) rejected.push(`${offer.id} (usable in ${zones.length} zone(s))`);
    else return [{ offer, zones }];
    return [];
  });
  fit.sort(
    (a, b) =>
      b.zones.length - a.zones.length || generation(b.offer.family) - generation(a.offer.family) || a.offer.id.localeCompare(b.offer.id),
  );
  const best = fit[0];
  if (!best) {
    const seen = rejected.length > 0 ? `; seen and passed over: ${rejected.join(", ")}` : "";
    throw new Error(
      `instanceType: no pay-as-you-go ${request.shape} instance type in ${request.region} boots ${request.imageName} (x86_64), ` +
        `has dedicated vCPUs (not burstable or shared), takes an ESSD system disk and is sold in at least ${request.zoneCount} zone(s) ` +
        `that take new vSwitches${seen}. Choose one yourself (pulumi config set instanceType ecs.c7.large), lower zoneCount, or use another alicloud:region. ` +
        PIN_DEPLOYED,
    );
  }
  return { instanceType: best.offer.id, zones: best.zones };
}

/**
 * What unblocks a stack that already runs when today's answer has nothing that fits: with the type and
 * the zones both pinned the check only warns (lookups.ts), and the instances stay where they are.
 */
const PIN_DEPLOYED =
  "A stack already deployed can keep what it runs on: pin both, from pulumi stack output instanceType and zoneIds " +
  "(pulumi config set instanceType <type>; pulumi config set --path 'zoneIds[0]' <zone>, one per zone)";

/** Checks a configured type against what the region offers; returns its usable zones or throws with the fix. */
export function checkConfiguredType(request: ChoiceRequest & { readonly instanceType: string }): TypeChoice & { warning?: string } {
  const offer = request.offers.find((o) => o.id === request.instanceType);
  if (!offer) {
    throw new Error(
      `instanceType: ${request.instanceType} is not sold pay-as-you-go in ${request.region} with an ESSD system disk, or cannot boot ` +
        `${request.imageName} (an x86_64 image; ARM types such as c8y, g8y or c6r cannot); pick another type ` +
        "(pulumi config set instanceType ecs.c7.large) or leave instanceType empty to have one looked up",
    );
  }
  const zones = usableZones(offer, request.vswitchZones);
  if (zones.length < request.zoneCount) {
    throw new Error(
      `instanceType: ${request.instanceType} is sold with an ESSD system disk in ${zones.length} zone(s) of ${request.region} that take new vSwitches, ` +
        `but zoneCount is ${request.zoneCount}; lower zoneCount, pick a type sold in more zones, or leave instanceType empty. ` +
        PIN_DEPLOYED,
    );
  }
  const reason = unfitBecause(offer);
  return {
    instanceType: offer.id,
    zones,
    ...(reason ? { warning: `instanceType: ${offer.id} is ${reason}; an API backend under load needs dedicated vCPUs` } : {}),
  };
}
