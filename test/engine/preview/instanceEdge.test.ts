// The real `pulumi preview` of the dev stack with `edge: instance` (one instance with an EIP, nginx
// ending TLS, the certificate in OOS), by the CLI and plugins engine:install built, against the
// emulator, with the policy pack: it succeeds, no policy is violated (the pack allows exactly this
// shape), and the offline plan agrees with it resource by resource and input by input.
import { CHECK_ADDS, previewAndPlan, previewProblems, type PreviewAndPlan } from "../../support/enginePreview";
import { comparePreview } from "../../support/previewComparison";

let result: PreviewAndPlan;
beforeAll(async () => {
  result = await previewAndPlan("dev", { "wechat-https-backend:edge": "instance" });
});

test("succeeds with the policy pack on: no error, no policy violated, every input passes the provider's Check", () => {
  expect(result.preview.exitCode).toBe(0);
  expect(previewProblems(result.preview)).toEqual([]);
  const types = result.preview.steps.map((s) => s.newState?.type);
  expect(types).toEqual(expect.arrayContaining(["alicloud:ecs/eipAddress:EipAddress", "alicloud:ecs/eipAssociation:EipAssociation"]));
  expect(types.filter((t) => t?.startsWith("alicloud:slb/"))).toEqual([]);
});

test("agrees with the offline plan on every resource and input", () => {
  const { differences, checkAdded } = comparePreview(result.plan, result.preview.steps);
  expect(differences).toEqual([]);
  const expected = Object.fromEntries(Object.keys(checkAdded).map((type) => [type, CHECK_ADDS[type] ?? "(nothing expected)"]));
  expect(checkAdded).toEqual(expected);
});
