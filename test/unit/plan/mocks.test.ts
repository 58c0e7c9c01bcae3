// The mocks answer lookups the way the provider's data sources do (tools/plan/cloudCatalog.ts cites
// them): unfiltered answers include what this program must not pick, and the filters the provider
// applies are applied, so the program's own choices are what the tests see.
import { defaultCatalog } from "../../../tools/plan/cloudCatalog";
import { ProjectMocks } from "../../../tools/plan/mocks";

const call = (mocks: ProjectMocks, token: string, inputs: Record<string, unknown>) => mocks.call({ token, inputs, provider: "" });
const TYPES = "alicloud:ecs/getInstanceTypes:getInstanceTypes";
type Types = {
  instanceTypes: { id: string; family: string; availabilityZones: string[]; burstableInstance: { baselineCredit: string } }[];
};

describe("the project's mocks", () => {
  test("an invoke the mocks do not know fails loudly, naming it", () => {
    const mocks = new ProjectMocks("test");
    expect(() => call(mocks, "alicloud:ecs/getDisks:getDisks", {})).toThrow(
      "the program called alicloud:ecs/getDisks:getDisks, which the mocks do not know: add an answer shaped like the provider's to tools/plan/mocks.ts",
    );
  });

  test("a function's ARN names the stack's region, as FC 3.0 returns it", () => {
    const mocks = new ProjectMocks("test", "cn-shanghai");
    const { state } = mocks.newResource({
      type: "alicloud:fc/v3Function:V3Function",
      name: "fn",
      inputs: { functionName: "whb-prod-monitor" },
      provider: "",
      custom: true,
    });
    expect(state.functionArn).toBe("acs:fc:cn-shanghai:1234567890123456:functions/whb-prod-monitor");
  });

  test("plan mode answers lookups with unknowns, test mode with the catalog's data", () => {
    const args = { availableInstanceType: "ecs.c7.large", availableResourceCreation: "VSwitch" };
    const planned = call(new ProjectMocks("plan", "cn-shanghai"), "alicloud:index/getZones:getZones", args);
    expect(Object.values(planned).every((v) => v === "04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(true);
    const tested = call(new ProjectMocks("test", "cn-shanghai"), "alicloud:index/getZones:getZones", args) as {
      zones: { id: string; availableInstanceTypes: string[] }[];
    };
    // Zone k sells the type but takes no new vSwitches.
    expect(tested.zones.map((z) => z.id)).toEqual(["cn-shanghai-h", "cn-shanghai-i", "cn-shanghai-j"]);
    expect(tested.zones[0].availableInstanceTypes).toContain("ecs.c7.large");
  });

  test("getInstanceTypes of a shape, unfiltered, lists burstable, ARM and shared types first, like the API", () => {
    const answer = call(new ProjectMocks("test"), TYPES, { cpuCoreCount: 2, memorySize: 4 }) as Types;
    expect(answer.instanceTypes.slice(0, 4).map((t) => t.id)).toEqual([
      "ecs.t6-c1m2.large",
      "ecs.c8y.large",
      "ecs.c6r.large",
      "ecs.e-c1m2.large",
    ]);
    expect(answer.instanceTypes[0].burstableInstance.baselineCredit).not.toBe("0");
    expect(answer.instanceTypes.map((t) => t.id)).not.toContain("ecs.g7.large"); // 8 GiB
  });

  test("getInstanceTypes keeps only types that boot the image and are sold with the system disk, zones narrowed to those", () => {
    const answer = call(new ProjectMocks("test"), TYPES, {
      cpuCoreCount: 2,
      memorySize: 4,
      imageId: "ubuntu_22_04_x64_20G_alibase_20241224.vhd",
      systemDiskCategory: "cloud_essd",
    }) as Types;
    const ids = answer.instanceTypes.map((t) => t.id);
    expect(ids).not.toContain("ecs.c8y.large");
    expect(ids).not.toContain("ecs.c6r.large");
    expect(ids).not.toContain("ecs.sn1ne.large"); // no ESSD system disk anywhere
    // Burstable and shared types are not the data source's business.
    expect(ids).toEqual(["ecs.t6-c1m2.large", "ecs.e-c1m2.large", "ecs.c8i.large", "ecs.u1-c1m2.large", "ecs.c7.large"]);
    expect(answer.instanceTypes.find((t) => t.id === "ecs.u1-c1m2.large")?.availabilityZones).toEqual(["cn-hangzhou-i", "cn-hangzhou-j"]);
    const unknownImage = call(new ProjectMocks("test"), TYPES, { imageId: "m-nonexistent" }) as Types;
    expect(unknownImage.instanceTypes).toEqual([]);
  });

  test("sortedBy Price needs BSS read permission, which a read-only RAM user lacks", () => {
    expect(() => call(new ProjectMocks("test"), TYPES, { cpuCoreCount: 2, memorySize: 4, sortedBy: "Price" })).toThrow(
      /Forbidden\.RAM.*bss:GetPayAsYouGoPrice/,
    );
    const allowed = new ProjectMocks("test", "cn-hangzhou", { ...defaultCatalog("cn-hangzhou"), bssRead: true });
    expect(() => call(allowed, TYPES, { sortedBy: "Price" })).not.toThrow();
  });

  test("getImages: newest x86_64 Ubuntu by name, architecture and most_recent; an image id on its own", () => {
    const mocks = new ProjectMocks("test");
    const newest = call(mocks, "alicloud:ecs/getImages:getImages", {
      owners: "system",
      nameRegex: "^ubuntu_22_04_x64_20G_alibase_",
      architecture: "x86_64",
      mostRecent: true,
    }) as { images: { id: string }[] };
    expect(newest.images.map((i) => i.id)).toEqual(["ubuntu_22_04_x64_20G_alibase_20241224.vhd"]);
    const arm = call(mocks, "alicloud:ecs/getImages:getImages", {
      imageId: "ubuntu_22_04_arm64_20G_alibase_20241224.vhd",
      architecture: "x86_64",
    }) as {
      images: unknown[];
    };
    expect(arm.images).toEqual([]);
  });

  test("getAlidnsDomains: the zones that contain the keyword, of the account's zones", () => {
    const call_ = (catalog: ReturnType<typeof defaultCatalog>, inputs: Record<string, unknown>) =>
      (
        call(new ProjectMocks("test", "cn-hangzhou", catalog), "alicloud:dns/getAlidnsDomains:getAlidnsDomains", inputs) as {
          domains: { domainName: string }[];
        }
      ).domains.map((d) => d.domainName);
    const account = { ...defaultCatalog("cn-hangzhou"), dnsZones: ["example.com", "example.org", "shop.example.com"] };
    expect(call_(account, { keyWord: "example.com" })).toEqual(["example.com", "shop.example.com"]);
    expect(call_(account, { keyWord: "example.net" })).toEqual([]);
    expect(call_(account, {})).toEqual(["example.com", "example.org", "shop.example.com"]);
    // The default account is set up for the stack under test: it hosts the zone asked for.
    expect(call_(defaultCatalog("cn-hangzhou"), { keyWord: "shop-demo.cn" })).toEqual(["shop-demo.cn"]);
  });
});
