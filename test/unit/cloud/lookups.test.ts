// What a stack runs on when its config does not say: the image first (x86_64 Ubuntu), then a type
// that boots it, has dedicated vCPUs and an ESSD system disk in enough zones, without the price API.
// The mocks answer as the provider does, ARM, burstable and shared types included.
import * as pulumi from "@pulumi/pulumi";
import {
  checkConfiguredType,
  chooseInstanceType,
  generation,
  unfitBecause,
  type InstanceTypeOffer,
} from "../../../lib/cloud/instanceTypeChoice";
import { lookUpCompute, type ComputeChoice, type ComputeSettings } from "../../../lib/cloud/lookups";
import { defaultCatalog, instanceTypesLookup, type CloudCatalog } from "../../../tools/plan/cloudCatalog";
import { HAN } from "../../support/catalogs";
import { runComponents } from "../../support/program";
import { errorOf } from "../../support/errors";

class Parent extends pulumi.ComponentResource {
  constructor() {
    super("test:index:Parent", "parent", {});
  }
}

async function lookUp(settings: Partial<ComputeSettings>, catalog?: CloudCatalog) {
  let choice: ComputeChoice | undefined;
  const run = await runComponents(
    () => {
      choice = lookUpCompute({ region: "cn-hangzhou", zoneCount: 2, ...settings }, new Parent());
    },
    {},
    "test",
    catalog,
  );
  const value = <T>(o: pulumi.Output<T>) => new Promise<T>((resolve) => o.apply(resolve));
  const [imageId, instanceType, zoneIds] = await Promise.all([value(choice!.imageId), value(choice!.instanceType), value(choice!.zoneIds)]);
  return { run, imageId, instanceType, zoneIds };
}

const offer = (id: string, zones: string[], extra: Partial<InstanceTypeOffer> = {}): InstanceTypeOffer => ({
  id,
  family: id.replace(/\.[^.]+$/, "").replace(/-c\d+m\d+$/, ""),
  availabilityZones: zones,
  burstableInstance: { baselineCredit: "0", initialCredit: "0" },
  gpu: { amount: "0" },
  ...extra,
});
const request = { vswitchZones: ["z-a", "z-b", "z-c"], zoneCount: 2, shape: "2 vCPU / 4 GiB", region: "cn-test", imageName: "ubuntu-x64" };

describe("lookUpCompute against a region as the provider answers", () => {
  test("the image first, then types that boot it with an ESSD system disk, without the BSS price API", async () => {
    const { run, imageId, instanceType, zoneIds } = await lookUp({});
    const [images, types] = ["alicloud:ecs/getImages:getImages", "alicloud:ecs/getInstanceTypes:getInstanceTypes"].map(
      (token) => run.mocks.invokes.find((i) => i.token === token)?.inputs,
    );
    expect(images).toMatchObject({ owners: "system", architecture: "x86_64", mostRecent: true });
    expect(images?.instanceType).toBeUndefined();
    expect(types).toMatchObject({
      cpuCoreCount: 2,
      memorySize: 4,
      imageId,
      systemDiskCategory: "cloud_essd",
      instanceChargeType: "PostPaid",
    });
    expect(types?.sortedBy).toBeUndefined();
    expect(imageId).toBe("ubuntu_22_04_x64_20G_alibase_20241224.vhd");
    // Not the burstable t6, the ARM c8y/c6r, the shared e, the ESSD-less sn1ne, nor c8i (one zone):
    // c7 is sold with ESSD in the most zones that take vSwitches.
    expect(instanceType).toBe("ecs.c7.large");
    expect(zoneIds).toEqual(["cn-hangzhou-h", "cn-hangzhou-i", "cn-hangzhou-j"]);
  });

  test("a configured type is checked against what the region sells, and an ARM type is refused with the fix", async () => {
    const c8i = await lookUp({ instanceType: "ecs.c8i.large", zoneCount: 1 });
    expect(c8i).toMatchObject({ instanceType: "ecs.c8i.large", zoneIds: ["cn-hangzhou-j"] });
    const types = c8i.run.mocks.invokes.find((i) => i.token === "alicloud:ecs/getInstanceTypes:getInstanceTypes")?.inputs;
    expect(types).toMatchObject({ instanceType: "ecs.c8i.large" });
    expect(types?.cpuCoreCount).toBeUndefined();
    const answer = instanceTypesLookup(defaultCatalog("cn-hangzhou"), {
      instanceType: "ecs.c8y.large",
      imageId: c8i.imageId,
      systemDiskCategory: "cloud_essd",
    }) as { instanceTypes: InstanceTypeOffer[] };
    expect(() => checkConfiguredType({ ...request, offers: answer.instanceTypes, instanceType: "ecs.c8y.large" })).toThrow(
      /instanceType: ecs\.c8y\.large is not sold .* cannot boot ubuntu-x64 \(an x86_64 image; ARM types such as c8y, g8y or c6r cannot\); pick another type/,
    );
  });

  test("configured zones, type and image are used as given", async () => {
    const pinned = await lookUp({
      zoneIds: ["cn-hangzhou-j", "cn-hangzhou-i"],
      instanceType: "ecs.u1-c1m2.large",
      imageId: "ubuntu_22_04_x64_20G_alibase_20230515.vhd",
    });
    expect(pinned).toMatchObject({
      imageId: "ubuntu_22_04_x64_20G_alibase_20230515.vhd",
      instanceType: "ecs.u1-c1m2.large",
      zoneIds: ["cn-hangzhou-j", "cn-hangzhou-i"],
    });
  });
});

describe("chooseInstanceType", () => {
  test("passes over burstable, shared and GPU types, and types in too few zones", () => {
    expect(unfitBecause(offer("ecs.t6-c1m2.large", ["z-a"], { burstableInstance: { baselineCredit: "20", initialCredit: "60" } }))).toMatch(
      /burstable/,
    );
    expect(unfitBecause(offer("ecs.t5-lc1m2.large", ["z-a"]))).toMatch(/burstable/);
    expect(unfitBecause(offer("ecs.e-c1m2.large", ["z-a"]))).toMatch(/shared/);
    expect(unfitBecause(offer("ecs.gn6i-c4g1.xlarge", ["z-a"], { gpu: { amount: "1" } }))).toMatch(/GPU/);
    expect(unfitBecause(offer("ecs.c7.large", ["z-a"]))).toBeUndefined();
  });

  test("most usable zones first, then the newest generation, then the name: the same answer whatever the API's order", () => {
    const offers = [
      offer("ecs.c8i.large", ["z-a", "z-b"]),
      offer("ecs.u1-c1m2.large", ["z-a", "z-b", "z-c"]),
      offer("ecs.c7.large", ["z-a", "z-b", "z-c", "z-other"]),
      offer("ecs.c6.large", ["z-a", "z-b", "z-c"]),
    ];
    expect(chooseInstanceType({ ...request, offers })).toEqual({ instanceType: "ecs.c7.large", zones: ["z-a", "z-b", "z-c"] });
    expect(chooseInstanceType({ ...request, offers: [...offers].reverse() }).instanceType).toBe("ecs.c7.large");
    expect(chooseInstanceType({ ...request, offers: offers.filter((o) => o.id !== "ecs.c7.large") }).instanceType).toBe("ecs.c6.large");
    expect(generation("ecs.c8i")).toBe(8);
    expect(generation("ecs.u1")).toBe(1);
  });

  test("nothing fits: the error lists what was passed over and names instanceType, zoneCount and the region as ways out", () => {
    const offers = [
      offer("ecs.t6-c1m2.large", ["z-a", "z-b"], { burstableInstance: { baselineCredit: "20" } }),
      offer("ecs.c8i.large", ["z-a"]),
    ];
    const choose = () => chooseInstanceType({ ...request, offers });
    expect(choose).toThrow(
      /^instanceType: no pay-as-you-go 2 vCPU \/ 4 GiB instance type in cn-test boots ubuntu-x64 .* sold in at least 2 zone\(s\) /,
    );
    expect(choose).toThrow(/ sold in at least 2 zone\(s\) .*ecs\.t6-c1m2\.large \(burstable.*ecs\.c8i\.large \(usable in 1 zone\(s\)\)/);
    expect(choose).toThrow(
      /ecs\.c8i\.large \(usable in 1 zone\(s\)\).*pulumi config set instanceType ecs\.c7\.large\), lower zoneCount, or use another alicloud:region\./,
    );
    // A stack already running is unblocked by pinning what it runs on, type and zones both.
    expect(choose).toThrow(/already deployed .*pulumi config set instanceType <type>; pulumi config set --path 'zoneIds\[0\]' <zone>/);
  });

  test("a configured burstable type is allowed with a warning; one sold in too few zones is an error", () => {
    const t6 = offer("ecs.t6-c1m2.large", ["z-a", "z-b"], { burstableInstance: { baselineCredit: "20" } });
    expect(checkConfiguredType({ ...request, offers: [t6], instanceType: t6.id }).warning).toMatch(/burstable/);
    expect(() => checkConfiguredType({ ...request, offers: [offer("ecs.c8i.large", ["z-a"])], instanceType: "ecs.c8i.large" })).toThrow(
      /sold with an ESSD system disk in 1 zone\(s\) of cn-test .* but zoneCount is 2/,
    );
  });
});

describe("in Chinese (a zh run of pulumi preview)", () => {
  const request = { vswitchZones: ["z-a", "z-b"], zoneCount: 2, shape: "2 vCPU / 4 GiB", region: "cn-test", imageName: "ubuntu-x64" };
  const zh = { ...request, locale: "zh-CN" as const };
  const t6 = offer("ecs.t6-c1m2.large", ["z-a", "z-b"], { burstableInstance: { baselineCredit: "20" } });

  test("nothing fits: Chinese, naming the same types, keys and commands", () => {
    const message = errorOf(() => chooseInstanceType({ ...zh, offers: [t6, offer("ecs.c8i.large", ["z-a"])] }));
    expect(message).toMatch(HAN);
    for (const part of ["instanceType：", "cn-test", "ecs.t6-c1m2.large（突发性能型", "ecs.c8i.large（只能在 1 个可用区使用）"]) {
      expect(message).toContain(part);
    }
    expect(message).toContain("pulumi config set instanceType ecs.c7.large");
    expect(message).toContain("pulumi config set --path 'zoneIds[0]' <zone>");
    expect(message).not.toMatch(/sold|burstable/);
  });

  test("a configured type: refused, too few zones or unfit, in Chinese", () => {
    expect(errorOf(() => checkConfiguredType({ ...zh, offers: [], instanceType: "ecs.c8y.large" }))).toMatch(
      /^instanceType：ecs\.c8y\.large 在 cn-test 中没有.*ARM/,
    );
    expect(errorOf(() => checkConfiguredType({ ...zh, offers: [offer("ecs.c8i.large", ["z-a"])], instanceType: "ecs.c8i.large" }))).toMatch(
      /只有 1 个.*但 zoneCount 是 2/,
    );
    expect(checkConfiguredType({ ...zh, offers: [t6], instanceType: t6.id }).warning).toMatch(
      /^instanceType：ecs\.t6-c1m2\.large 是突发性能型/,
    );
    expect(unfitBecause(offer("ecs.e-c1m2.large", ["z-a"]), "zh-CN")).toMatch(/共享型/);
  });

  test("the environment's locale is the default, as for the config checks", () => {
    const saved = process.env.LC_ALL;
    process.env.LC_ALL = "zh_CN.UTF-8";
    try {
      expect(errorOf(() => checkConfiguredType({ ...request, offers: [], instanceType: "ecs.c8y.large" }))).toMatch(HAN);
    } finally {
      process.env.LC_ALL = saved;
    }
  });
});
