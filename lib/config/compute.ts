// Checks of the keys that pin what the instances run on (zoneIds, imageId, instanceType) against
// the rest of the config. What the cloud offers is checked at preview (lib/cloud/lookups.ts).
import type { Problems } from "../problems";
import { setCommand } from "./read";

/** An Alibaba Cloud zone id: the region id and a letter, e.g. cn-hangzhou-h. */
const ZONE_PATTERN = /^[a-z]{2}(-[a-z0-9]+)+-[a-z0-9]+$/;

export function checkZoneIds(zoneIds: readonly string[], zoneCount: number, region: string, problems: Problems): void {
  if (zoneIds.length === 0) return;
  for (const zone of zoneIds) {
    if (!ZONE_PATTERN.test(zone)) {
      problems.error(`zoneIds: "${zone}" is not a zone id such as ${region || "cn-hangzhou"}-h; e.g. ${setCommand("zoneIds")}`);
    } else if (region !== "" && !zone.startsWith(`${region}-`)) {
      problems.error(`zoneIds: "${zone}" is not a zone of alicloud:region ${region}; list zones of ${region}, e.g. ${region}-h`);
    }
  }
  if (new Set(zoneIds).size !== zoneIds.length) {
    problems.error(`zoneIds: ${zoneIds.join(", ")} lists a zone twice; each vSwitch needs its own zone`);
  }
  if (zoneIds.length !== zoneCount) {
    problems.error(
      `zoneIds lists ${zoneIds.length} zone(s) but zoneCount is ${zoneCount}: list exactly one zone per vSwitch, in order ` +
        "(the zones in use: pulumi stack output zoneIds)",
    );
  }
}
