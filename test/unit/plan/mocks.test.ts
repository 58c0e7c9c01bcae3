import { ProjectMocks } from "../../../tools/plan/mocks";

describe("the project's mocks", () => {
  test("an invoke the mocks do not know fails loudly, naming it", () => {
    const mocks = new ProjectMocks("test");
    expect(() => mocks.call({ token: "alicloud:ecs/getDisks:getDisks", inputs: {}, provider: "" })).toThrow(
      "the program called alicloud:ecs/getDisks:getDisks, which the mocks do not know: add an answer shaped like the provider's to tools/plan/mocks.ts",
    );
  });

  test("plan mode answers lookups with unknowns, test mode with provider-shaped data", () => {
    const args = { token: "alicloud:index/getZones:getZones", inputs: { availableInstanceType: "ecs.g7.large" }, provider: "" };
    const planned = new ProjectMocks("plan", "cn-shanghai").call(args);
    expect(Object.values(planned).every((v) => v === "04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(true);
    const tested = new ProjectMocks("test", "cn-shanghai").call(args) as { zones: { id: string; availableInstanceTypes: string[] }[] };
    expect(tested.zones.map((z) => z.id)).toEqual(["cn-shanghai-h", "cn-shanghai-i", "cn-shanghai-j"]);
    expect(tested.zones[0].availableInstanceTypes).toEqual(["ecs.g7.large"]);
  });
});
