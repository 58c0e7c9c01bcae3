// The text plan keeps long values short at any depth: a function's zip sits inside its `code`
// object and would otherwise fill the screen.
import { formatPlan } from "../../../tools/plan/present";

test("a long string nested in an input is shown as its length and digest", () => {
  const zip = "UEsDB".repeat(1000);
  const text = formatPlan(
    {
      stack: "prod",
      resources: [
        { type: "alicloud:fc/v3Function:V3Function", name: "fn", inputs: { code: { zipFile: zip }, runtime: "nodejs20" }, options: {} },
      ],
      outputs: {},
      lookups: [],
      warnings: [],
      checksNotRun: [],
    },
    "test",
  );
  expect(text).not.toContain(zip);
  expect(text).toMatch(/code: \{"zipFile":"<5000 characters, sha256 [0-9a-f]{12}…>"\}/);
  expect(text).toContain('runtime: "nodejs20"');
});
