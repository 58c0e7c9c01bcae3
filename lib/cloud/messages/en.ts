// What the lookups in the account say at `pulumi preview` (image, instance type, zones, DNS zone), in
// English. Each failure names the config key that fixes it, and the command.
import type { Catalog } from "../../i18n";

export const en = {
  imageNotAvailable: (p: { imageId: string; region: string; image: string }) =>
    `imageId: ${p.imageId} is not an x86_64 image available in ${p.region}; pick a current ` +
    `${p.image} image id from the ECS console, or leave imageId empty to have the newest looked up`,
  imageNoneFound: (p: { region: string; image: string }) =>
    `imageId: no ${p.image} system image in ${p.region}; set imageId to one from the ECS ` +
    `console (pulumi config set imageId <id>) or use another alicloud:region`,
  imageDescription: () => "Ubuntu 22.04 x86_64 (ubuntu_22_04_x64_20G_alibase_*, built 2024 or later)",

  unfitBurstable: () => "burstable: CPU credits, throttled to a baseline when they run out",
  unfitShared: () => "shared: no dedicated vCPUs",
  unfitGpu: () => "a GPU type",
  passedOverBecause: (p: { type: string; reason: string }) => `${p.type} (${p.reason})`,
  usableInZones: (p: { type: string; count: number }) => `${p.type} (usable in ${p.count} zone(s))`,
  seenAndPassedOver: (p: { types: string }) => `; seen and passed over: ${p.types}`,
  noTypeFits: (p: { shape: string; region: string; image: string; zoneCount: number; seen: string; pin: string }) =>
    `instanceType: no pay-as-you-go ${p.shape} instance type in ${p.region} boots ${p.image} (x86_64), ` +
    `has dedicated vCPUs (not burstable or shared), takes an ESSD system disk and is sold in at least ${p.zoneCount} zone(s) ` +
    `that take new vSwitches${p.seen}. Choose one yourself (pulumi config set instanceType ecs.c7.large), lower zoneCount, or use another alicloud:region. ` +
    p.pin,
  pinDeployed: () =>
    "A stack already deployed can keep what it runs on: pin both, from pulumi stack output instanceType and zoneIds " +
    "(pulumi config set instanceType <type>; pulumi config set --path 'zoneIds[0]' <zone>, one per zone)",
  typeNotSold: (p: { type: string; region: string; image: string }) =>
    `instanceType: ${p.type} is not sold pay-as-you-go in ${p.region} with an ESSD system disk, or cannot boot ` +
    `${p.image} (an x86_64 image; ARM types such as c8y, g8y or c6r cannot); pick another type ` +
    "(pulumi config set instanceType ecs.c7.large) or leave instanceType empty to have one looked up",
  typeTooFewZones: (p: { type: string; count: number; region: string; zoneCount: number; pin: string }) =>
    `instanceType: ${p.type} is sold with an ESSD system disk in ${p.count} zone(s) of ${p.region} that take new vSwitches, ` +
    `but zoneCount is ${p.zoneCount}; lower zoneCount, pick a type sold in more zones, or leave instanceType empty. ` +
    p.pin,
  typeUnfit: (p: { type: string; reason: string }) =>
    `instanceType: ${p.type} is ${p.reason}; an API backend under load needs dedicated vCPUs`,
  zonesNotAsDeployed: (p: { deployed: string; configured: string }) =>
    `zoneIds: the stack's vSwitches are in ${p.deployed}, in this order, not ${p.configured}. Set zoneIds to exactly ` +
    `${p.deployed} first and run pulumi up (nothing moves), then change it: vSwitches created before configured zones ` +
    "named them cannot move in that same update",
  zonesPinned: (p: { problem: string }) => `${p.problem} (zoneIds are pinned: new instances in them may fail to start)`,
  tooFewZones: (p: { count: number; zoneCount: number }) =>
    `zoneIds: only ${p.count} zone(s) in this region can create the chosen ` +
    `instance type in a vSwitch, but zoneCount is ${p.zoneCount}; ` +
    "lower zoneCount/instanceCount, pick another instanceType, another alicloud:region, or list the zones in use in zoneIds " +
    "(pulumi stack output zoneIds)",

  zoneHosts: (p: { zones: string }) => ` (it hosts ${p.zones})`,
  zoneHostsNone: () => " (it hosts none)",
  zoneNotHosted: (p: { zone: string; hosted: string; domain: string }) =>
    `dnsZone: ${p.zone} is not a zone of this account's Alibaba Cloud DNS${p.hosted}, so neither the A record for ${p.domain} nor an ACME ` +
    `DNS-01 challenge can be written: add ${p.zone} in the Alibaba Cloud DNS console (云解析 DNS, 添加域名) and point the domain's NS ` +
    "records at the DNS servers shown there, or set the zone that holds the domain: pulumi config set dnsZone <zone>",
} as const satisfies Catalog;

export type CloudMessages = typeof en;
