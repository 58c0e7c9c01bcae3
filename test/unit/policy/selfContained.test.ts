// `pulumi policy publish policy/` packs the policy folder with `npm pack` and installs its declared
// dependencies on the service: nothing outside the folder comes along. These tests hold the pack
// to that, and hold its copies of program modules to their sources.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { builtinModules } from "node:module";
import { SHARED_WITH_POLICY, sharedCopyText } from "../../../tools/sharedCopies";
import { PROJECT_DIR } from "../../support/paths";
import { importsOf, typescriptFiles } from "../../support/sources";

const POLICY_DIR = path.join(PROJECT_DIR, "policy");

describe("the policy pack stands alone", () => {
  const declared = Object.keys(
    (JSON.parse(readFileSync(path.join(POLICY_DIR, "package.json"), "utf8")) as { dependencies: object }).dependencies,
  );
  const files = typescriptFiles(POLICY_DIR);

  test.each(files.map((f) => [path.relative(POLICY_DIR, f), f]))(
    "%s imports only the pack, Node and declared dependencies",
    (_name, file) => {
      const strays = importsOf(file).filter((specifier) => {
        if (specifier.startsWith(".")) return path.relative(POLICY_DIR, path.resolve(path.dirname(file), specifier)).startsWith("..");
        if (specifier.startsWith("node:") || builtinModules.includes(specifier)) return false;
        const pkg = specifier.startsWith("@") ? specifier.split("/").slice(0, 2).join("/") : specifier.split("/")[0];
        return !declared.includes(pkg);
      });
      expect(strays).toEqual([]);
    },
  );

  test("its tsconfig does not extend the project's", () => {
    expect(readFileSync(path.join(POLICY_DIR, "tsconfig.json"), "utf8")).not.toContain('"extends"');
  });

  test.each(SHARED_WITH_POLICY.map((s) => [s.copy, s.source]))("%s is the current copy of %s (npm run sync)", (copy, source) => {
    const expected = sharedCopyText(source, readFileSync(path.join(PROJECT_DIR, source), "utf8"));
    expect(readFileSync(path.join(PROJECT_DIR, copy), "utf8")).toBe(expected);
  });

  test("a shared module imports nothing of the program, so its copy works inside the pack", () => {
    for (const { source } of SHARED_WITH_POLICY) {
      expect(importsOf(path.join(PROJECT_DIR, source)).filter((s) => s.startsWith("."))).toEqual([]);
    }
  });
});
