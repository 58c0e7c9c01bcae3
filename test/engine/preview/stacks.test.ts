// The real `pulumi preview` of each committed stack, by the CLI and plugins engine:install built,
// against the emulator, with the policy pack: it succeeds, the provider's Check refuses nothing and
// no policy is violated, and the offline plan of
// the same config agrees with it resource by resource and input by input.
import { CHECK_ADDS, previewAndPlan, previewProblems } from "../../support/enginePreview";
import { comparePreview } from "../../support/previewComparison";

describe.each(["dev", "prod"])("the real preview of %s", (stackName) => {
  let result: Awaited<ReturnType<typeof previewAndPlan>>;
  beforeAll(async () => {
    result = await previewAndPlan(stackName);
  });

  test("succeeds with the policy pack on: no error, no policy violated, every input passes the provider's Check", () => {
    expect(result.preview.exitCode).toBe(0);
    expect(previewProblems(result.preview)).toEqual([]);
    expect(result.preview.steps.length).toBeGreaterThan(10);
  });

  test("agrees with the offline plan on every resource and input", () => {
    const { differences, checkAdded } = comparePreview(result.plan, result.preview.steps);
    expect(differences).toEqual([]);
    const expected = Object.fromEntries(Object.keys(checkAdded).map((type) => [type, CHECK_ADDS[type] ?? "(nothing expected)"]));
    expect(checkAdded).toEqual(expected);
  });

  test("looks the image up first and asks for instance types that boot it", () => {
    const actions = result.requests.map((r) => r.action);
    const images = actions.indexOf("DescribeImages");
    const support = result.requests.find((r) => r.action === "DescribeImageSupportInstanceTypes");
    expect(images).toBeGreaterThanOrEqual(0);
    expect(actions.indexOf("DescribeImageSupportInstanceTypes")).toBeGreaterThan(images);
    expect(support?.params.ImageId).toMatch(/^ubuntu_22_04_x64_20G_alibase_20\d{6}\.vhd$/);
  });
});
