// `npm run prices [-- --check] [--region cn-hangzhou]`: the price table the plan's cost estimate uses
// (tools/costs/priceTable.ts), each figure with its page and whether it was read there; with --check,
// compared with Alibaba Cloud's price API (BSS GetPayAsYouGoPrice) using the credentials in
// ALICLOUD_ACCESS_KEY / ALICLOUD_SECRET_KEY (and ALICLOUD_SECURITY_TOKEN for STS ones).
// Exit codes: 0 the table (and, with --check, no drift), 1 drift or a refused inquiry, 2 bad usage or
// --check without credentials.
import { parseCommand, runMain, usageError } from "../cli";
import { INSTANCE_TYPE_PRICES, PRICES, PRICE_TABLE_DATE, type Price } from "../costs/priceTable";

const USAGE =
  "usage: npm run prices [-- --check] [--region cn-hangzhou] [--endpoint business.aliyuncs.com]\n" +
  "  --check compares the table with BSS GetPayAsYouGoPrice; it needs ALICLOUD_ACCESS_KEY and ALICLOUD_SECRET_KEY\n" +
  "  (a RAM user or role allowed bss:GetPayAsYouGoPrice on the China site account the stacks run in).";

function describe(id: string, price: Price): string {
  return (
    `  ${id.padEnd(18)} ${String(price.value).padStart(9)} CNY/${price.unit.padEnd(15)} ${price.status.padEnd(11)} ${price.what}\n` +
    `  ${"".padEnd(18)} ${price.source}${price.note ? `\n  ${"".padEnd(18)} ${price.note}` : ""}`
  );
}

async function main(): Promise<number> {
  const parsed = parseCommand({ check: { type: "boolean" }, region: { type: "string" }, endpoint: { type: "string" } }, () => USAGE);
  if ("exitCode" in parsed) return parsed.exitCode;
  const { check, region = "cn-hangzhou", endpoint = "business.aliyuncs.com" } = parsed.values;
  const lines = [
    `Price table of ${PRICE_TABLE_DATE}: pay-as-you-go list prices, CNY, Chinese mainland regions (tools/costs/priceTable.ts).`,
    "status read: the figure was read on its page; unconfirmed: not read there (see the note), check it with --check.",
    ...Object.entries(INSTANCE_TYPE_PRICES).map(([id, price]) => describe(id, price)),
    ...Object.entries(PRICES).map(([id, price]) => describe(id, price)),
  ];
  process.stdout.write(`${lines.join("\n")}\n`);
  if (!check) return 0;
  const accessKeyId = process.env.ALICLOUD_ACCESS_KEY;
  const accessKeySecret = process.env.ALICLOUD_SECRET_KEY;
  if (!accessKeyId || !accessKeySecret) {
    return usageError(
      "--check cannot compare the table with BSS GetPayAsYouGoPrice without credentials: set ALICLOUD_ACCESS_KEY and " +
        "ALICLOUD_SECRET_KEY (a RAM user allowed bss:GetPayAsYouGoPrice); nothing was checked",
      USAGE,
    );
  }
  const { checkPrices } = await import("../costs/bssCheck");
  try {
    const drifts = await checkPrices({
      accessKeyId,
      accessKeySecret,
      securityToken: process.env.ALICLOUD_SECURITY_TOKEN,
      region,
      endpoint,
    });
    process.stdout.write(`\nBSS GetPayAsYouGoPrice (${endpoint}, ${region}), list prices before discounts:\n`);
    for (const d of drifts) {
      const bss = d.bss === undefined ? "no such module in the answer" : `BSS ${d.bss}`;
      process.stdout.write(`  ${d.verdict.toUpperCase().padEnd(7)} ${d.what}: table ${Number(d.table.toFixed(6))}, ${bss}\n`);
    }
    const drifted = drifts.filter((d) => d.verdict !== "same");
    process.stdout.write(
      drifted.length === 0
        ? "every checked figure agrees with BSS; figures BSS was not asked about stay as the table says\n"
        : `${drifted.length} figure(s) differ: update tools/costs/priceTable.ts (the figure, its status and the date)\n`,
    );
    return drifted.length === 0 ? 0 : 1;
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
}

runMain(main);
