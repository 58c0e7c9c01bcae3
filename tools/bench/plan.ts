// The offline plan must feel instant: `npm run plan -- --stack prod` within 1.5x of merely loading
// the Pulumi SDK and the Alibaba Cloud provider SDK (the floor no plan can beat).
import * as path from "node:path";
import { timeInterleaved, verdict } from "./timing";

const root = path.resolve(__dirname, "..", "..", "..");
const TARGET = 1.5;

export async function run(): Promise<void> {
  const count = 9;
  const [floor, plan] = timeInterleaved(
    [
      { command: process.execPath, args: ["-e", "require('@pulumi/pulumi'); require('@pulumi/alicloud')"] },
      { command: "npm", args: ["run", "-s", "plan", "--", "--stack", "prod"] },
    ],
    { cwd: root, count },
  );
  const ratio = plan.median / floor.median;
  process.stdout.write(
    [
      `floor  node -e "require('@pulumi/pulumi'); require('@pulumi/alicloud')"   median ${floor.median.toFixed(0)} ms over ${count} runs`,
      `plan   npm run plan -- --stack prod                                  median ${plan.median.toFixed(0)} ` +
        `ms over ${count} runs (alternating with the floor)`,
      `ratio  ${ratio.toFixed(2)}x the floor (target <= ${TARGET}x): ${verdict(ratio <= TARGET)}`,
      "",
    ].join("\n"),
  );
}
