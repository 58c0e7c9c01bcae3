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

import { joinPhrases, localeFromEnvironment, type Locale } from "../i18n";
import { cloudMessages } from "./messages";

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

/** Why a type is unfit for an API backend, in `locale`, or undefined when it is fit. */
export function unfitBecause(offer: InstanceTypeOffer, locale: Locale = localeFromEnvironment()): string | undefined {
  const m = cloudMessages(locale);
  const credits = Number(offer.burstableInstance?.baselineCredit ?? 0) + Number(offer.burstableInstance?.initialCredit ?? 0);
  if (credits > 0 || /^ecs\.t\d/.test(offer.family)) return m.unfitBurstable();
  if (SHARED_FAMILY.test(offer.family)) return m.unfitShared();
  if (Number(offer.gpu?.amount ?? 0) > 0) return m.unfitGpu();
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
  /** The language of the failures; default the environment's. */
  readonly locale?: Locale;
}

function usableZones(offer: InstanceTypeOffer, vswitchZones: readonly string[]): string[] {
  return offer.availabilityZones.filter((zone) => vswitchZones.includes(zone)).sort();
}

/** Picks the type a stack without `instanceType` uses; throws naming `instanceType` as the way out. */
export function chooseInstanceType(request: ChoiceRequest): TypeChoice {
  const locale = request.locale ?? localeFromEnvironment();
  const m = cloudMessages(locale);
  const rejected: string[] = [];
  const fit = request.offers.flatMap((offer) => {
    const reason = unfitBecause(offer, locale);
    const zones = usableZones(offer, request.vswitchZones);
    if (reason) rejected.push(m.passedOverBecause({ type: offer.id, reason }));
    else if (zones.length < request.zoneCount) rejected.push(m.usableInZones({ type: offer.id, count: zones.length }));
    else return [{ offer, zones }];
    return [];
  });
  fit.sort(
    (a, b) =>
      b.zones.length - a.zones.length || generation(b.offer.family) - generation(a.offer.family) || a.offer.id.localeCompare(b.offer.id),
  );
  const best = fit[0];
  if (!best) {
    const seen = rejected.length > 0 ? m.seenAndPassedOver({ types: joinPhrases(locale, rejected) }) : "";
    throw new Error(
      m.noTypeFits({
        shape: request.shape,
        region: request.region,
        image: request.imageName,
        zoneCount: request.zoneCount,
        seen,
        // What unblocks a stack that already runs when today's answer has nothing that fits: with the
        // type and the zones both pinned the check only warns (lookups.ts), and the instances stay where they are.
        pin: m.pinDeployed(),
      }),
    );
  }
  return { instanceType: best.offer.id, zones: best.zones };
}

/** Checks a configured type against what the region offers; returns its usable zones or throws with the fix. */
export function checkConfiguredType(request: ChoiceRequest & { readonly instanceType: string }): TypeChoice & { warning?: string } {
  const locale = request.locale ?? localeFromEnvironment();
  const m = cloudMessages(locale);
  const offer = request.offers.find((o) => o.id === request.instanceType);
  if (!offer) throw new Error(m.typeNotSold({ type: request.instanceType, region: request.region, image: request.imageName }));
  const zones = usableZones(offer, request.vswitchZones);
  if (zones.length < request.zoneCount) {
    throw new Error(
      m.typeTooFewZones({
        type: request.instanceType,
        count: zones.length,
        region: request.region,
        zoneCount: request.zoneCount,
        pin: m.pinDeployed(),
      }),
    );
  }
  const reason = unfitBecause(offer, locale);
  return {
    instanceType: offer.id,
    zones,
    ...(reason ? { warning: m.typeUnfit({ type: offer.id, reason }) } : {}),
  };
}
