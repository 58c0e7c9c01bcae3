// README's cost table (both languages) gives what the estimate computes for the committed stacks and
// for the same stacks on the instance edge, at the default assumptions and with the price table's
// date: a figure changed in the table without README, or the reverse, fails here.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { estimateCost } from "../../../tools/costs/estimate";
import { PRICE_TABLE_DATE } from "../../../tools/costs/priceTable";
import { PROJECT_DIR, planOf } from "../../support/program";

const INSTANCE_EDGE = {
  "wechat-https-backend:edge": "instance",
  "wechat-https-backend:instanceCount": "1",
  "wechat-https-backend:zoneCount": "1",
};

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "readme-cost-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The monthly total `npm run plan` prints for a committed stack, on the given edge. */
async function totalOf(stack: string, edge: "loadBalancer" | "instance"): Promise<string> {
  const committed = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, unknown> };
  const config = edge === "instance" ? { ...committed.config, ...INSTANCE_EDGE } : committed.config;
  mkdirSync(path.join(dir, edge), { recursive: true });
  const file = path.join(dir, edge, `Pulumi.${stack}.yaml`);
  writeFileSync(file, stringify({ config }));
  return estimateCost((await planOf({ configFile: file }, "plan")).document).totalCny.toFixed(2);
}

/** The cells of the table row that starts with `first`. */
function rowOf(readme: string, first: RegExp): string[] {
  const line = readme.split("\n").find((l) => first.test(l));
  if (!line) throw new Error(`no row ${first}`);
  return line
    .split("|")
    .slice(1, -1)
    .map((cell) => cell.trim().replace(/\*\*/g, ""));
}

let totals: string[];
beforeAll(async () => {
  totals = [
    await totalOf("dev", "loadBalancer"),
    await totalOf("dev", "instance"),
    await totalOf("prod", "loadBalancer"),
    await totalOf("prod", "instance"),
  ];
});

describe.each([
  ["README.md", /^\| \*\*total\*\* \|/, "CNY", `the price table of ${PRICE_TABLE_DATE}`],
  ["README.zh-CN.md", /^\| \*\*合计\*\* \|/, "元", `${PRICE_TABLE_DATE} 的价格表`],
])("%s", (file, totalRow, unit, dated) => {
  const readme = readFileSync(path.join(PROJECT_DIR, file), "utf8");

  test("the cost table's totals are the estimate's, dev and prod on both edges", () => {
    expect(rowOf(readme, totalRow).slice(1)).toEqual(totals);
  });

  test("the edge table gives the same figures", () => {
    const [devLb, devInstance, prodLb, prodInstance] = totals;
    expect(rowOf(readme, /^\| `loadBalancer` \|/).at(-1)).toBe(`${devLb} / ${prodLb} ${unit}`);
    expect(rowOf(readme, /^\| `instance` \|/).at(-1)).toBe(`${devInstance} / ${prodInstance} ${unit}`);
  });

  test("names the price table's date", () => {
    expect(readme.replace(/\s+/g, " ")).toContain(dated);
  });
});
