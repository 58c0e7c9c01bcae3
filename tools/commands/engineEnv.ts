// `npm run -s engine:env`: the export lines that put the engine built by engine:install in use in a
// shell (`eval "$(npm run -s engine:env)"`), checked to exist first.
import { existsSync } from "node:fs";
import { exitWhenFlushed } from "../cli";
import { exportLines } from "../realEngine/environment";
import { pulumiBin } from "../realEngine/layout";

function main(): number {
  if (!existsSync(pulumiBin)) {
    process.stderr.write("error: the engine is not built: run npm run engine:install\n");
    return 1;
  }
  process.stdout.write(`${exportLines().join("\n")}\n`);
  return 0;
}

exitWhenFlushed(main());
