// A lab run refuses to start without the engine, naming the command that builds it, instead of the
// CLI's own "no resource plugin found" halfway through a preview.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { assertEngineInstalled } from "../../../tools/realEngine/labStack";
import { readPins } from "../../../tools/realEngine/pins";

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "engine-installed-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test("a missing plugin is named, with npm run engine:install as the fix", () => {
  const cli = path.join(dir, "pulumi");
  writeFileSync(cli, "");
  const plugin = (name: string, version: string) => path.join(dir, `resource-${name}-v${version}`);
  const pins = readPins();
  for (const name of ["alicloud", "command"] as const) mkdirSync(plugin(name, pins[name]), { recursive: true });
  expect(() => assertEngineInstalled({ cli, plugin })).toThrow(
    new RegExp(`^the tls plugin ${pins.tls} not built: run npm run engine:install`),
  );
});

test("nothing is missing when the CLI and every plugin are there", () => {
  const root = mkdtempSync(path.join(dir, "full-"));
  const cli = path.join(root, "pulumi");
  writeFileSync(cli, "");
  const plugin = (name: string, version: string) => {
    const p = path.join(root, `resource-${name}-v${version}`);
    mkdirSync(p, { recursive: true });
    return p;
  };
  expect(() => assertEngineInstalled({ cli, plugin })).not.toThrow();
});
