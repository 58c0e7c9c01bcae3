// tools/realEngine/layout.ts finds the project root three folders above its own, which is right for
// the compiled dist/tools/realEngine/ the commands run, and one folder too high for the TypeScript
// source jest runs. Engine tests replace the module with this, rooted at the project:
//   jest.mock("../../tools/realEngine/layout", () => jest.requireActual("../support/engineLayout").sourceLayout());
import * as path from "node:path";

export function sourceLayout(): typeof import("../../tools/realEngine/layout") {
  const projectRoot = path.resolve(__dirname, "..", "..");
  const engineDir = path.join(projectRoot, ".engine");
  const binDir = path.join(engineDir, "bin");
  const pulumiHome = path.join(engineDir, "home");
  return {
    projectRoot,
    goModulesDir: path.join(projectRoot, "tools", "engine"),
    engineDir,
    binDir,
    pulumiHome,
    buildDir: path.join(engineDir, "build"),
    stampDir: path.join(engineDir, "stamps"),
    pulumiBin: path.join(binDir, "pulumi"),
    pluginDir: (name, version) => path.join(pulumiHome, "plugins", `resource-${name}-v${version}`),
    schemaFile: (name, version) => path.join(engineDir, "schemas", `${name}-${version}.json`),
  };
}
