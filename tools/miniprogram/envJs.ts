// The mini program's config/env.js, from two stacks: a CommonJS module (mini programs load files
// with require and module.exports only; there is no `process` or bundler env there) exporting
// { development, production }, each { baseUrl, socketUrl, enableMock }. The text is deterministic
// (no dates), so a mini program repository that commits it only sees a change when a stack changes.
import type { Locale } from "../../lib/i18n";
import { wechatConsoleValues } from "../../lib/wechat";
import { MINIPROGRAM_CATALOGS } from "./messages";

export const ENVIRONMENTS = ["development", "production"] as const;
export type MiniprogramEnvironment = (typeof ENVIRONMENTS)[number];

/** One environment's source: which stack, from which file, and its resolved settings. */
export interface EnvSource {
  readonly stack: string;
  /** The stack file, relative to the project. */
  readonly file: string;
  readonly domain: string;
  readonly apiBasePath: string;
  readonly healthPath: string;
}

/** Where the stacks came from in git: a commit, and the stack files that differ from it. */
export type Provenance = { readonly commit: string; readonly dirtyFiles: readonly string[] } | { readonly commit?: undefined };

export interface EnvValues {
  readonly baseUrl: string;
  readonly socketUrl: string;
  readonly enableMock: boolean;
}

export function envValues(source: EnvSource): EnvValues {
  const values = wechatConsoleValues(source.domain, source.apiBasePath, source.healthPath);
  // Mocks stay off in both: the reviewer runs the develop build (envVersion "develop").
  return { baseUrl: values.apiBaseUrl, socketUrl: values.socketUrl, enableMock: false };
}

function literal(values: EnvValues, indent: string): string {
  const lines = Object.entries(values).map(([key, value]) => `${indent}  ${key}: ${JSON.stringify(value)}`);
  return `{\n${lines.join(",\n")}\n${indent}}`;
}

export function renderEnvJs(sources: Readonly<Record<MiniprogramEnvironment, EnvSource>>, provenance: Provenance, locale: Locale): string {
  const m = MINIPROGRAM_CATALOGS[locale];
  const values = { development: envValues(sources.development), production: envValues(sources.production) };
  const commit =
    provenance.commit === undefined
      ? m.headerNoCommit()
      : provenance.dirtyFiles.length > 0
        ? m.headerCommitDirty({ commit: provenance.commit, files: provenance.dirtyFiles.join(", ") })
        : m.headerCommit({ commit: provenance.commit });
  const hosts = [...new Set(ENVIRONMENTS.map((env) => sources[env].domain))];
  const header = [
    m.headerGenerated(),
    ...ENVIRONMENTS.map((env) => `  ${m.headerSource({ environment: env, stack: sources[env].stack, file: sources[env].file })}`),
    `  ${commit}`,
    "",
    m.headerPick(),
    '  const env = require("./config/env.js");',
    "  const { envVersion } = wx.getAccountInfoSync().miniProgram;",
    '  const config = envVersion === "release" ? env.production : env.development;',
    m.headerTrial(),
    m.headerReview(),
    m.headerDomains(),
    `  request / uploadFile / downloadFile: ${hosts.map((host) => `https://${host}`).join("  ")}`,
    `  socket: ${hosts.map((host) => `wss://${host}`).join("  ")}`,
    m.headerMock(),
  ];
  const body = ENVIRONMENTS.map((env) => `  ${env}: ${literal(values[env], "  ")}`).join(",\n");
  return `${header.map((line) => (line === "" ? "//" : `// ${line}`)).join("\n")}\n\nmodule.exports = {\n${body}\n};\n`;
}
