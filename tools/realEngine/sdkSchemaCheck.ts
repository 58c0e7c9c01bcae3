// Does a plugin built here describe the types of the npm package it is installed for? The plugin's
// schema (GetSchema, generated at build time) against the package's typings: every type the plugin
// serves must be a class or function of the package, and every input property of the package's class
// should be an input of the plugin's type. A property the plugin lacks is listed (the plugin may be
// built from a slightly older upstream); the engine tests fail when the program sets one.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

interface SchemaType {
  readonly inputProperties?: Record<string, unknown>;
  readonly inputs?: { readonly properties?: Record<string, unknown> };
}
export interface PackageSchema {
  readonly resources?: Record<string, SchemaType>;
  readonly functions?: Record<string, SchemaType>;
}

export interface SchemaComparison {
  /** Tokens the plugin serves that the package has no typings for. */
  readonly unknownTokens: string[];
  /** Per token: inputs the package declares that the plugin's schema does not have. */
  readonly missingInputs: Record<string, string[]>;
}

/** The .d.ts of a token's class or function: `<pkg>:<module>/<file>:<Name>` → <module>/<file>.d.ts. */
export function typingsFile(packageDir: string, token: string): string | undefined {
  const [, modulePath] = token.split(":");
  const [mod, file] = (modulePath ?? "").split("/");
  if (!mod || !file) return undefined;
  const dir = mod === "index" ? packageDir : path.join(packageDir, mod);
  if (!existsSync(dir)) return undefined;
  // Generated file names differ in case from the token now and then (fc/v3Function → fc/v3function.d.ts).
  const name = readdirSync(dir).find((n) => n.toLowerCase() === `${file.toLowerCase()}.d.ts`);
  return name ? path.join(dir, name) : undefined;
}

/** The property names of `export interface <name> { ... }` in a .d.ts. */
export function interfaceProperties(typings: string, name: string): string[] | undefined {
  const start = typings.indexOf(`export interface ${name} {`);
  if (start < 0) return undefined;
  const end = typings.indexOf("\n}", start);
  const body = typings.slice(start, end < 0 ? undefined : end);
  return [...body.matchAll(/^ {4}(?:readonly )?(\w+)\??:/gm)].map((m) => m[1] as string);
}

function argsInterface(token: string, kind: "resource" | "function"): string {
  const name = token.split(":")[2] ?? "";
  return kind === "resource" ? `${name}Args` : `${name.charAt(0).toUpperCase()}${name.slice(1)}Args`;
}

export function compareWithPackage(schema: PackageSchema, packageDir: string): SchemaComparison {
  const unknownTokens: string[] = [];
  const missingInputs: Record<string, string[]> = {};
  const kinds: [Record<string, SchemaType> | undefined, "resource" | "function"][] = [
    [schema.resources, "resource"],
    [schema.functions, "function"],
  ];
  for (const [types, kind] of kinds) {
    for (const [token, type] of Object.entries(types ?? {})) {
      if (token.startsWith("pulumi:")) continue; // the provider's own functions
      const file = typingsFile(packageDir, token);
      if (!file) {
        unknownTokens.push(token);
        continue;
      }
      const declared = interfaceProperties(readFileSync(file, "utf8"), argsInterface(token, kind)) ?? [];
      const served = new Set(Object.keys((kind === "resource" ? type.inputProperties : type.inputs?.properties) ?? {}));
      const missing = declared.filter((p) => !served.has(p));
      if (missing.length > 0) missingInputs[token] = missing;
    }
  }
  return { unknownTokens, missingInputs };
}
