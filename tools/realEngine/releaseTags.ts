// Reading a repository's release tags for the release table (releases.json): `git ls-remote --tags`
// of the repository, or of a copy of it, on a machine that reaches it. A release tag is vX.Y.Z at the
// repository's root; the sdk/… and provider/… tags are Go modules' names for the same releases.
import { spawnSync } from "node:child_process";
import { major, rsort } from "semver";
import type { PackageReleases } from "./releases";

/** Release version → commit, from `git ls-remote --tags` output (an annotated tag's commit is its `^{}` line). */
export function releaseTags(lsRemote: string): Record<string, string> {
  const tags = new Map<string, string>();
  for (const line of lsRemote.split("\n")) {
    const match = /^([0-9a-f]{40})\trefs\/tags\/v(\d+\.\d+\.\d+)(\^\{\})?$/.exec(line.trim());
    if (!match) continue;
    const [, commit, version, peeled] = match as unknown as [string, string, string, string | undefined];
    if (peeled || !tags.has(version)) tags.set(version, commit);
  }
  return Object.fromEntries(tags);
}

/**
 * The table's entry for a package from its tags: the releases of the pinned major version and the
 * ones after it, newest first (older lines only when the pin is above every release, so the newest
 * is always there to name). An unconfirmed version whose tag has appeared leaves that list.
 */
export function releaseEntry(
  tags: Readonly<Record<string, string>>,
  pinned: string,
  repository: string,
  read: PackageReleases["read"],
  previous?: PackageReleases,
): PackageReleases {
  const versions = rsort(Object.keys(tags));
  const lowest = Math.min(major(pinned), versions[0] ? major(versions[0]) : 0);
  const releases = Object.fromEntries(versions.filter((v) => major(v) >= lowest).map((v) => [v, tags[v] as string]));
  const unconfirmed = Object.entries(previous?.unconfirmed ?? {}).filter(([version]) => !(version in tags));
  return { repository, read, releases, ...(unconfirmed.length > 0 ? { unconfirmed: Object.fromEntries(unconfirmed) } : {}) };
}

function git(args: readonly string[]): string {
  const result = spawnSync("git", args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`git ${args.join(" ")} failed: ${(result.stderr || result.error?.message || "").trim()}`);
  return result.stdout;
}

/** The tags of a repository (an address) or of a local copy (a folder), and how they were read. */
export function readTags(source: { url: string } | { copy: string; of: string }): {
  tags: Record<string, string>;
  from: string;
} {
  if ("url" in source) return { tags: releaseTags(git(["ls-remote", "--tags", source.url])), from: `git ls-remote --tags ${source.url}` };
  const newest = git(["-C", source.copy, "for-each-ref", "--sort=-committerdate", "--count=1", "--format=%(committerdate:short)"]).trim();
  return {
    tags: releaseTags(git(["ls-remote", "--tags", source.copy])),
    from: `the tags of a copy of ${source.of} whose newest ref is dated ${newest}`,
  };
}
