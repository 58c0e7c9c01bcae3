// Checks of the keys that pin what the instances run on (zoneIds, imageId, instanceType) against
// the rest of the config. What the cloud offers is checked at preview (lib/cloud/lookups.ts).
import { zoneSubnetClashes } from "../cloud/zoneSubnets";
import type { Problems } from "../problems";
import { configMessages, type ConfigMessages } from "./messages";
import { setCommand } from "./read";

/** An Alibaba Cloud zone id: the region id and a letter, e.g. cn-hangzhou-h. */
const ZONE_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+-[a-z0-9]+$/;

export function checkZoneIds(
  zoneIds: readonly string[],
  zoneCount: number,
  region: string,
  problems: Problems,
  m: ConfigMessages = configMessages("en"),
): void {
  if (zoneIds.length === 0) return;
  for (const zone of zoneIds) {
    if (!ZONE_PATTERN.test(zone)) {
      problems.error(m.zoneIdInvalid({ zone, example: `${region || "cn-hangzhou"}-h`, fix: setCommand("zoneIds") }));
    } else if (region !== "" && !zone.startsWith(`${region}-`)) {
      problems.error(m.zoneIdOtherRegion({ zone, region }));
    }
  }
  if (new Set(zoneIds).size !== zoneIds.length) problems.error(m.zoneIdsTwice({ zones: zoneIds.join(", ") }));
  for (const clash of zoneSubnetClashes(zoneIds)) problems.error(m.zoneIdsSameSubnet({ zones: clash.join(", ") }));
  if (zoneIds.length !== zoneCount) problems.error(m.zoneIdsCount({ count: zoneIds.length, zoneCount }));
}
