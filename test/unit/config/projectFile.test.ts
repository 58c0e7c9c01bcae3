// Pulumi.yaml declares the same config keys, types and defaults as the code, and nothing the CLI
// would reject: a declared key without a default is required by the CLI, so only `domain` may lack one.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { projectConfigDeclarations, renderConfigTable } from "../../../tools/projectFile";
import { configTableOf } from "../../../tools/readme";
import { PROJECT } from "../../../lib/config/keys";
import { PROJECT_DIR } from "../../support/paths";

const project = parse(readFileSync(path.join(PROJECT_DIR, "Pulumi.yaml"), "utf8"));

describe("Pulumi.yaml", () => {
  test("is the nodejs project wechat-https-backend", () => {
    expect(project.name).toBe(PROJECT);
    expect(project.runtime.name).toBe("nodejs");
  });

  test("declares exactly the code's config keys with the same types, defaults and descriptions", () => {
    expect(project.config).toEqual(projectConfigDeclarations());
  });

  test("only domain is required; declarations use the fields the project schema allows", () => {
    const required = Object.entries(project.config as Record<string, Record<string, unknown>>)
      .filter(([, d]) => !("default" in d))
      .map(([k]) => k);
    expect(required).toEqual(["domain"]);
    for (const declaration of Object.values(project.config as Record<string, Record<string, unknown>>)) {
      // The project schema's simpleConfigType (pulumi/pulumi sdk/go/common/workspace/project.json).
      expect(["string", "integer", "boolean", "array", "object"]).toContain(declaration.type);
      for (const field of Object.keys(declaration)) expect(["type", "items", "description", "secret", "default"]).toContain(field);
    }
  });

  test("the committed stacks only set declared keys or the provider's region", () => {
    const declared = new Set(Object.keys(project.config));
    for (const stack of ["dev", "prod"]) {
      const file = parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8"));
      for (const key of Object.keys(file.config)) {
        if (key === "alicloud:region") continue;
        expect(key.startsWith(`${PROJECT}:`)).toBe(true);
        expect(declared.has(key.slice(PROJECT.length + 1))).toBe(true);
      }
    }
  });
});

describe("README.md", () => {
  const readme = readFileSync(path.join(PROJECT_DIR, "README.md"), "utf8");

  test("its config table is the one the code declares (npm run sync)", () => {
    expect(configTableOf(readme)).toBe(renderConfigTable());
  });

  test("gives the two commands for a fresh machine", () => {
    expect(readme).toContain("npm ci && npm start");
    expect(readme).toContain("npm run test:deps && npm test");
  });
});
