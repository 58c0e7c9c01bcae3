// Is each Pulumi package package-lock.json pins a release of its source repository, and does it ask
// for that same release's plugin? npm serving a version does not make it one: @pulumi/command 4.5.0
// is old provider code published under a version pulumi/pulumi-command never tagged, and the plugin
// it asks for (command v4.5.0) was never published, so a real `pulumi preview` fails fetching it.
// The engine built here would not notice: its plugins stand in for the releases' plugins (README,
// "Run the real engine here", says what each is built from), installed under the pinned version.
// engine:install reaches no GitHub, so the facts come from a committed table of the repositories'
// release tags (releases.json, written by `npm run engine:releases`); the check reads only files.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { prerelease, rsort, valid } from "semver";
import { projectRoot } from "./layout";
import { lockFile, lockedVersion, PINNED_PACKAGES } from "./pins";

export interface PackageReleases {
  /** The source repository; its tags vX.Y.Z are the package's releases. */
  readonly repository: string;
  /** When the tags were read, and from what. */
  readonly read: { readonly on: string; readonly from: string };
  /** Release version → the commit its tag points at. */
  readonly releases: Readonly<Record<string, string>>;
  /** Versions taken as releases though their tag was not among those read: the evidence, and how to confirm it. */
  readonly unconfirmed?: Readonly<Record<string, string>>;
}

/** npm package name → its releases. */
export type ReleaseTable = Readonly<Record<string, PackageReleases>>;

/** The fields of an installed package.json the check reads. */
export interface InstalledPackage {
  readonly version?: string;
  readonly repository?: string | { readonly url?: string };
  readonly pulumi?: { readonly resource?: boolean; readonly name?: string; readonly version?: string };
  readonly scripts?: { readonly install?: string };
}

export interface ReleaseStatus {
  readonly name: string;
  readonly version: string;
  readonly repository: string;
  /** The release tag's commit, when the tag was read. */
  readonly commit?: string;
  /** Why the version is taken as a release though its tag was not read. */
  readonly unconfirmed?: string;
}

export interface ReleaseInputs {
  readonly packages: readonly string[];
  /** The parsed package-lock.json. */
  readonly lock: unknown;
  readonly installed: (name: string) => InstalledPackage | undefined;
  readonly table: ReleaseTable;
}

export class ReleaseCheckError extends Error {}

export const releaseTableFile = path.join(projectRoot, "tools", "realEngine", "releases.json");

function bare(version: string): string {
  return version.replace(/^v/, "");
}

/** github.com/owner/name, however package.json or the table spells the address. */
export function repositoryName(repository: InstalledPackage["repository"]): string | undefined {
  const url = typeof repository === "string" ? repository : repository?.url;
  return url
    ?.replace(/^git\+/, "")
    .replace(/^https?:\/\/|^git:\/\/|^ssh:\/\/git@/, "")
    .replace(/\.git$|\/$/g, "");
}

/** The newest of a table's release versions (a hand-written prerelease key is not a release). */
export function newestRelease(releases: PackageReleases["releases"]): string | undefined {
  return rsort(Object.keys(releases).filter((v) => valid(v) && !prerelease(v)))[0];
}

/**
 * The plugin versions a package asks for, and where: the language host asks for `pulumi.version`,
 * else the package's version (pulumi/pulumi sdk/nodejs/cmd/pulumi-language-nodejs/main.go,
 * getPluginVersion); a provider's install script runs `install-pulumi-plugin.js resource <name> <version>`.
 */
export function requestedPlugins(pkg: InstalledPackage): { readonly where: string; readonly version: string }[] {
  const requests: { where: string; version: string }[] = [];
  if (pkg.pulumi?.resource) {
    const version = pkg.pulumi.version ?? pkg.version;
    if (version)
      requests.push({ where: pkg.pulumi.version ? 'its "pulumi" field' : 'its version, for want of one in its "pulumi" field', version });
  }
  const script = /install-pulumi-plugin\.js\s+resource\s+\S+\s+(\S+)/.exec(pkg.scripts?.install ?? "");
  if (script?.[1]) requests.push({ where: "its install script", version: script[1] });
  return requests;
}

function checkPackage(name: string, inputs: ReleaseInputs, problems: string[]): ReleaseStatus | undefined {
  const locked = lockedVersion(inputs.lock, name);
  if (!locked) {
    problems.push(`package-lock.json pins no ${name}: run npm install`);
    return undefined;
  }
  const version = bare(locked);
  const pkg = inputs.installed(name);
  if (pkg?.version === undefined || bare(pkg.version) !== version) {
    problems.push(`node_modules holds ${name} ${pkg?.version ?? "(nothing)"} but package-lock.json pins ${version}: run npm ci`);
    return undefined;
  }
  for (const request of requestedPlugins(pkg)) {
    if (bare(request.version) !== version) {
      problems.push(
        `${name} ${version} asks for plugin ${pkg.pulumi?.name ?? name} ${request.version} (${request.where}), not ${version}: ` +
          `it is not the build of a release; pin a release of ${name}`,
      );
    }
  }
  const entry = inputs.table[name];
  if (!entry) {
    problems.push(`${name} has no entry in tools/realEngine/releases.json: read its repository's tags with npm run engine:releases`);
    return undefined;
  }
  const named = repositoryName(pkg.repository);
  if (named && named !== repositoryName(entry.repository)) {
    problems.push(`${name} ${version} names its source ${named}, but the release table reads ${entry.repository}: fix the table's entry`);
  }
  const commit = entry.releases[version];
  if (commit) return { name, version, repository: entry.repository, commit };
  const unconfirmed = entry.unconfirmed?.[version];
  if (unconfirmed) return { name, version, repository: entry.repository, unconfirmed };
  const newest = newestRelease(entry.releases);
  const retag = `if v${version} was tagged after that reading, read the tags again (npm run engine:releases) and commit tools/realEngine/releases.json`;
  problems.push(
    `${name} ${version} is not a release of ${entry.repository} as far as its tags show: those read ${entry.read.on} ` +
      `(${entry.read.from}) have no v${version}, and the newest release is ${newest ? `v${newest}` : "none"}. ` +
      (newest ? `Pin that one (npm install ${name}@${newest}); ${retag}.` : `${retag.charAt(0).toUpperCase()}${retag.slice(1)}.`),
  );
  return undefined;
}

/**
 * Each package's release status, or a ReleaseCheckError naming every package that is not a release
 * (with its newest release) or that asks for another version's plugin.
 */
export function checkReleases(inputs: ReleaseInputs): ReleaseStatus[] {
  const problems: string[] = [];
  const statuses = inputs.packages.flatMap((name) => checkPackage(name, inputs, problems) ?? []);
  if (problems.length > 0) throw new ReleaseCheckError(problems.join("\n"));
  return statuses;
}

/** One line for engine:install's output. */
export function describeRelease(status: ReleaseStatus): string {
  return status.commit
    ? `release: ${status.name} ${status.version} is tag v${status.version} of ${status.repository} (commit ${status.commit.slice(0, 12)})`
    : `note: ${status.name} ${status.version} is taken as a release of ${status.repository}, its tag unconfirmed: ${status.unconfirmed ?? ""}`;
}

function readJson<T>(file: string): T | undefined {
  try {
    return JSON.parse(readFileSync(file, "utf8")) as T;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw err;
  }
}

export function readReleaseTable(file = releaseTableFile): ReleaseTable {
  const table = readJson<ReleaseTable>(file);
  if (!table) throw new ReleaseCheckError(`no ${path.relative(projectRoot, file)}: read the release tags with npm run engine:releases`);
  return table;
}

export function installedPackage(name: string): InstalledPackage | undefined {
  return readJson<InstalledPackage>(path.join(projectRoot, "node_modules", name, "package.json"));
}

/** The check on this project's lock, node_modules and release table. */
export function checkProjectReleases(): ReleaseStatus[] {
  return checkReleases({
    packages: Object.values(PINNED_PACKAGES),
    lock: readJson<unknown>(lockFile),
    installed: installedPackage,
    table: readReleaseTable(),
  });
}
