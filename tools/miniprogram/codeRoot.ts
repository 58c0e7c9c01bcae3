// Where config/env.js goes in a mini program project. The developer tools' project file,
// project.config.json, may put the code package in a folder of its own with miniprogramRoot ("指定
// 小程序源码的目录(需为相对路径)", developers.weixin.qq.com/miniprogram/dev/devtools/projectconfig.html),
// e.g. "miniprogram/": a file beside it is outside the package, never uploaded, and require() in
// app.js cannot reach it. So --out may name the project root or the code folder itself.
import { existsSync, readFileSync, statSync } from "node:fs";
import * as path from "node:path";
import type { MiniprogramMessages } from "./messages";

export const PROJECT_CONFIG_FILE = "project.config.json";

export type EnvJsTarget =
  /** Where to write, and the miniprogramRoot it was found through (absent when --out is the code folder). */
  | { readonly file: string; readonly miniprogramRoot?: string }
  /** Why --out cannot be used as it is: the project file cannot be read, or names a root that cannot be. */
  | { readonly refused: "unreadable" | "notString" | "outside" | "missing"; readonly projectFile: string; readonly root?: string };

const envJsIn = (dir: string) => path.join(dir, "config", "env.js");

export function envJsTarget(out: string): EnvJsTarget {
  const projectFile = path.join(out, PROJECT_CONFIG_FILE);
  if (!existsSync(projectFile)) return { file: envJsIn(out) };
  let project: unknown;
  try {
    project = JSON.parse(readFileSync(projectFile, "utf8"));
  } catch {
    return { refused: "unreadable", projectFile };
  }
  const root = (project as { miniprogramRoot?: unknown } | null)?.miniprogramRoot;
  // "/" is seen in projects for the project folder itself, though the tools ask for a relative path.
  if (root === undefined || ["", ".", "./", "/"].includes(root as string)) return { file: envJsIn(out) };
  if (typeof root !== "string") return { refused: "notString", projectFile };
  const codeDir = path.resolve(out, root);
  const relative = path.relative(path.resolve(out), codeDir);
  if (path.isAbsolute(root) || relative.startsWith("..")) return { refused: "outside", projectFile, root };
  if (relative === "") return { file: envJsIn(out) };
  if (!existsSync(codeDir) || !statSync(codeDir).isDirectory()) return { refused: "missing", projectFile, root };
  return { file: envJsIn(codeDir), miniprogramRoot: root };
}

/** Why --out cannot take env.js, in the run's language. */
export function refusalMessage(m: MiniprogramMessages, target: Extract<EnvJsTarget, { refused: string }>): string {
  const said = { file: target.projectFile, root: target.root ?? "" };
  switch (target.refused) {
    case "unreadable":
      return m.projectFileUnreadable(said);
    case "notString":
      return m.miniprogramRootNotPath(said);
    case "outside":
      return m.miniprogramRootOutside(said);
    case "missing":
      return m.miniprogramRootMissing(said);
  }
}
