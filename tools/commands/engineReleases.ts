// `npm run engine:releases -- [--copy <package>=<folder> ...]`: reads the release tags of each Pulumi
// package's source repository (git ls-remote, so it needs a machine that reaches GitHub, or a local
// copy of the repository given with --copy) and rewrites tools/realEngine/releases.json, the table
// engine:install checks package-lock.json's pins against. Commit the table with the pin it allows.
import { readFileSync, writeFileSync } from "node:fs";
import { exitWhenFlushed, parseCommand, usageError } from "../cli";
import { lockFile, readPins, PINNED_PACKAGES } from "../realEngine/pins";
import { readTags, releaseEntry } from "../realEngine/releaseTags";
import { installedPackage, releaseTableFile, repositoryName, type PackageReleases, type ReleaseTable } from "../realEngine/releases";

const usage = (): string => "usage: npm run engine:releases -- [--copy <npm package>=<folder with a git copy of its repository> ...]";

function main(): number {
  const parsed = parseCommand({ copy: { type: "string", multiple: true } }, usage);
  if ("exitCode" in parsed) return parsed.exitCode;
  const copies = new Map<string, string>();
  for (const value of parsed.values.copy ?? []) {
    const at = value.lastIndexOf("=");
    if (at <= 0) return usageError(`--copy ${value}: give <npm package>=<folder>`, usage());
    copies.set(value.slice(0, at), value.slice(at + 1));
  }
  const previous = JSON.parse(readFileSync(releaseTableFile, "utf8")) as ReleaseTable;
  const pins = readPins(lockFile);
  const table: Record<string, PackageReleases> = {};
  const on = new Date().toISOString().slice(0, 10);
  try {
    for (const [key, name] of Object.entries(PINNED_PACKAGES) as [keyof typeof pins, string][]) {
      const repository = repositoryName(installedPackage(name)?.repository ?? previous[name]?.repository);
      if (!repository) throw new Error(`${name} names no repository in its package.json: run npm ci`);
      const url = `https://${repository}`;
      const copy = copies.get(name);
      const { tags, from } = readTags(copy ? { copy, of: url } : { url });
      table[name] = releaseEntry(tags, pins[key], url, { on, from }, previous[name]);
      process.stdout.write(
        `${name}: ${Object.keys(tags).length} release tags, newest kept ${Object.keys(table[name].releases)[0] ?? "(none)"}\n`,
      );
    }
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n`);
    return 1;
  }
  writeFileSync(releaseTableFile, `${JSON.stringify(table, null, 2)}\n`);
  process.stdout.write(`wrote tools/realEngine/releases.json: check its diff, then npm run engine:install\n`);
  return 0;
}

exitWhenFlushed(main());
