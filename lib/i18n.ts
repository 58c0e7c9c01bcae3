// The languages messages come in, and how a run picks one. Messages live in catalogs, one module
// per language, keyed by id: each entry is a function of its parameters, so a sentence can put them
// where its grammar wants them. Each area keeps its own pair (lib/config/messages, lib/cloud/messages,
// lib/instance/messages, lib/certificates/messages, verifier/messages, monitor/catalogs, tools/messages);
// the Chinese ones are typed as the English ones, so an id missing in either fails the type check.

export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];

/** A catalog: message id to a function of its parameters. `never` admits any parameter shape. */
export type Catalog = Readonly<Record<string, (params: never) => string>>;

/**
 * The locale of the environment, the way C programs pick their message language: the first set
 * of LC_ALL, LC_MESSAGES and LANG. Any value starting with "zh" (zh_CN.UTF-8, zh_TW, zh) means
 * Chinese; anything else, or nothing, English.
 */
export function localeFromEnvironment(env: Readonly<Record<string, string | undefined>> = process.env): Locale {
  for (const name of ["LC_ALL", "LC_MESSAGES", "LANG"]) {
    const value = env[name];
    if (value) return /^zh/i.test(value) ? "zh-CN" : "en";
  }
  return "en";
}

/** A --lang value (en, en-US, zh, zh-CN, zh_CN.UTF-8, ...) as a locale; undefined when it is neither. */
export function parseLocale(value: string): Locale | undefined {
  if (/^zh([-_].*)?$/i.test(value.trim())) return "zh-CN";
  if (/^(en|c|posix)([-_.].*)?$/i.test(value.trim())) return "en";
  return undefined;
}

/**
 * The environment value that selects `locale` for a process and the processes it starts. The Pulumi
 * CLI passes its environment to the program, so a locale travels to `pulumi preview` this way only.
 */
export function environmentValueFor(locale: Locale): string {
  return locale === "zh-CN" ? "zh_CN.UTF-8" : "C.UTF-8";
}

/** "a, b and c" / "a、b 和 c"; `or` for alternatives ("a, b or c" / "a、b 或 c"). */
export function joinList(locale: Locale, items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  const head = items.slice(0, -1);
  const last = items[items.length - 1];
  if (locale === "zh-CN") return `${head.join("、")} ${conjunction === "and" ? "和" : "或"} ${last}`;
  return `${head.join(", ")} ${conjunction} ${last}`;
}

/** Clauses of one sentence: "a; b" / "a；b". */
export function joinClauses(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "zh-CN" ? "；" : "; ");
}

/** Items of a run-in list, without a conjunction: "a, b" / "a，b". */
export function joinPhrases(locale: Locale, items: readonly string[]): string {
  return items.join(locale === "zh-CN" ? "，" : ", ");
}

/**
 * `text` set after a Chinese word: with a space when it starts with a Latin letter, a digit or a code
 * quote, as Chinese typography spaces them ("不是 ICP 备案号", "不是邮箱地址").
 */
export function afterHan(text: string): string {
  return /^[A-Za-z0-9`"']/.test(text) ? ` ${text}` : text;
}
