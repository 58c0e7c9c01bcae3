// Option parsing shared by the project's commands (plan, render, miniprogram): the same --help, the
// same answer to a bad option (exit code 2 with the usage text), and the same --lang. The usage text
// is in the language the command line asks for (--lang), else the environment's.
import { parseArgs } from "node:util";
import { environmentValueFor, localeFromEnvironment, parseLocale, type Locale } from "../lib/i18n";

type OptionSpec = Record<string, { type: "string" | "boolean"; short?: string; multiple?: boolean }>;
type Values<T extends OptionSpec> = ReturnType<typeof parseArgs<{ options: T; strict: true }>>["values"];

export type Parsed<T extends OptionSpec> = { readonly values: Values<T>; readonly positionals: string[] } | { readonly exitCode: number };

/** A command's usage text in a locale. */
export type Usage = (locale: Locale) => string;

/**
 * The locale --help and a bad option answer in: the --lang of the command line (even when another
 * option is bad), else the environment's.
 */
export function requestedLocale(argv: readonly string[]): Locale {
  let value: string | undefined;
  argv.forEach((arg, i) => {
    if (arg === "--lang") value = argv[i + 1];
    else if (arg.startsWith("--lang=")) value = arg.slice("--lang=".length);
  });
  return (value === undefined ? undefined : parseLocale(value)) ?? localeFromEnvironment();
}

/**
 * Parses argv; on --help or a bad option, prints what to print and says which exit code to stop with.
 * Arguments that are not options are refused unless `allowPositionals`.
 */
export function parseCommand<T extends OptionSpec>(
  options: T,
  usage: Usage,
  { argv = process.argv.slice(2), allowPositionals = false }: { argv?: string[]; allowPositionals?: boolean } = {},
): Parsed<T> {
  const text = usage("lang" in options ? requestedLocale(argv) : localeFromEnvironment());
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      options: { ...options, help: { type: "boolean", short: "h" } },
      strict: true,
      allowPositionals,
    });
    if ((values as { help?: boolean }).help) {
      process.stdout.write(`${text}\n`);
      return { exitCode: 0 };
    }
    return { values: values as Values<T>, positionals };
  } catch (err) {
    return { exitCode: usageError((err as Error).message, text) };
  }
}

/**
 * Exits with `code` once stdout and stderr have handed everything written to them to the OS. On a
 * pipe (`npm run -s plan -- --stack prod --json | jq`) process.exit() alone drops what the pipe has
 * not taken yet: the prod plan's JSON (160 KB with the monitoring function's zip) stopped at 64 KB.
 * The commands end with an explicit exit so that their exit code is the one they chose.
 */
export function exitWhenFlushed(code: number): void {
  let pending = 2;
  const flushed = () => {
    pending -= 1;
    if (pending === 0) process.exit(code);
  };
  // A write's callback runs once the chunks queued before it are written.
  process.stdout.write("", flushed);
  process.stderr.write("", flushed);
}

/** Prints a usage problem and the usage text; returns the exit code for bad usage. */
export function usageError(message: string, usage: string): number {
  process.stderr.write(`${message}\n${usage}\n`);
  return 2;
}

/**
 * The language a command speaks: --lang (en, zh-CN) when given, else the environment's. A given
 * --lang is also put in the environment (LC_ALL), because that is how the program learns its
 * language under `pulumi preview`: the program the plan runs, and any process it starts, use it too.
 * Undefined for a value that is neither language.
 */
export function commandLocale(lang: string | undefined): Locale | undefined {
  if (lang === undefined) return localeFromEnvironment();
  const locale = parseLocale(lang);
  if (locale !== undefined) process.env.LC_ALL = environmentValueFor(locale);
  return locale;
}

/** Runs a command's main and exits with its code once the output is out; an unexpected error prints its stack and exits 1. */
export function runMain(main: () => Promise<number>): void {
  main().then(exitWhenFlushed, (err: unknown) => {
    process.stderr.write(`error: ${err instanceof Error ? err.stack : String(err)}\n`);
    exitWhenFlushed(1);
  });
}
