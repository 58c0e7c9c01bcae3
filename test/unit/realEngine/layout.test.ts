// The engine's paths are found from the project root, whether the harness runs from the sources
// (the engine tests import it through jest) or from dist/ (the commands).
import { existsSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { projectRoot, pulumiBin } from "../../../tools/realEngine/layout";

test("the project root is this project's, so the built CLI is found under its .engine/", () => {
  const manifest = path.join(projectRoot, "package.json");
  expect(existsSync(manifest)).toBe(true);
  expect((JSON.parse(readFileSync(manifest, "utf8")) as { name: string }).name).toBe("wechat-https-backend");
  expect(pulumiBin).toBe(path.join(path.resolve(__dirname, "..", "..", ".."), ".engine", "bin", "pulumi"));
});
