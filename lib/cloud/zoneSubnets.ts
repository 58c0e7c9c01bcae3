// Which subnet of the VPC a vSwitch takes when its zone comes from the stack config: one per zone,
// from the zone id's last character (its zone letter: cn-hangzhou-h is Hangzhou Zone H), so it is the
// same in every update and never another zone's. A vSwitch created before zones named their vSwitches,
// or whose zone came from a lookup, took the subnet of its position instead (0 to 4, zoneCount's
// most): the zone subnets start above those, so a new zone never takes an old vSwitch's range while
// that one is still being replaced.
import { subnetCidr } from "../cidr";

/** The first subnet a zone can take; below it are the positional ones. */
export const FIRST_ZONE_SUBNET = 16;

/** The characters a zone id ends in (lib/config/compute.ts ZONE_PATTERN), in subnet order. */
const ZONE_MARKS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** The subnet number of a configured zone, or undefined for a zone id that does not end in a letter or digit. */
export function zoneSubnetIndex(zone: string): number | undefined {
  const mark = ZONE_MARKS.indexOf(zone.slice(-1));
  return mark < 0 ? undefined : FIRST_ZONE_SUBNET + mark;
}

/** The CIDR a vSwitch in `zone` takes in `vpcCidr`. */
export function zoneSubnetCidr(vpcCidr: string, zone: string): string {
  const index = zoneSubnetIndex(zone);
  if (index === undefined) throw new Error(`zone id "${zone}" does not end in a letter or digit`);
  return subnetCidr(vpcCidr, index);
}

/** Groups of listed zones that would take the same subnet (ids that end in the same character). */
export function zoneSubnetClashes(zones: readonly string[]): string[][] {
  const byIndex = new Map<number | undefined, string[]>();
  for (const zone of new Set(zones)) byIndex.set(zoneSubnetIndex(zone), [...(byIndex.get(zoneSubnetIndex(zone)) ?? []), zone]);
  return [...byIndex.values()].filter((group) => group.length > 1);
}
