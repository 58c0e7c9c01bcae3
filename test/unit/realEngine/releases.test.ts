// The release check engine:install starts with: a pinned Pulumi package must be a release tag of its
// repository and ask for that release's plugin, or engine:install stops, naming the package and its
// newest release. The fixtures are shaped like the packages npm serves (@pulumi/command 4.5.0's
// package.json asks for plugin v4.5.0; pulumi/pulumi-command's tags stop at v1.2.1).
import {
  checkProjectReleases,
  checkReleases,
  requestedPlugins,
  type InstalledPackage,
  type ReleaseTable,
} from "../../../tools/realEngine/releases";
import { PINNED_PACKAGES } from "../../../tools/realEngine/pins";

const COMMIT = (n: number) => n.toString(16).padStart(40, "0");

const table: ReleaseTable = {
  "@pulumi/command": {
    repository: "https://github.com/pulumi/pulumi-command",
    read: { on: "2026-12-07", from: "git ls-remote --tags https://github.com/pulumi/pulumi-command" },
    releases: { "1.2.1": COMMIT(121), "1.2.0": COMMIT(120), "1.10.0-never": COMMIT(1), "0.9.2": COMMIT(92) },
  },
  "@pulumi/tls": {
    repository: "https://github.com/pulumi/pulumi-tls",
    read: { on: "2026-12-07", from: "git ls-remote --tags https://github.com/pulumi/pulumi-tls" },
    releases: { "5.9.0": COMMIT(590), "5.10.0": COMMIT(5100) },
    unconfirmed: { "5.11.0": "on npm after the tags were read" },
  },
};

function lockOf(versions: Record<string, string>): unknown {
  return { packages: Object.fromEntries(Object.entries(versions).map(([name, version]) => [`node_modules/${name}`, { version }])) };
}

function provider(name: string, version: string, repository: string, extra: Partial<InstalledPackage> = {}): InstalledPackage {
  return { version, repository, pulumi: { resource: true, name, version }, ...extra };
}

function check(versions: Record<string, string>, installed: Record<string, InstalledPackage>) {
  return checkReleases({ packages: Object.keys(versions), lock: lockOf(versions), installed: (name) => installed[name], table });
}

function failure(run: () => unknown): string {
  try {
    run();
  } catch (err) {
    return (err as Error).message;
  }
  throw new Error("the check passed");
}

const command121 = provider("command", "1.2.1", "https://github.com/pulumi/pulumi-command", {
  scripts: { install: "node scripts/install-pulumi-plugin.js resource command 1.2.1" },
});

test("a version npm serves but the repository never tagged stops the check, naming the package and its newest release", () => {
  // @pulumi/command 4.5.0 as npm has it: no version in its pulumi field, v4.5.0 in its install script.
  const command450: InstalledPackage = {
    version: "4.5.0",
    repository: "https://github.com/pulumi/pulumi-command",
    pulumi: { resource: true, name: "command" },
    scripts: { install: "node scripts/install-pulumi-plugin.js resource command v4.5.0" },
  };
  const message = failure(() => check({ "@pulumi/command": "4.5.0" }, { "@pulumi/command": command450 }));
  expect(message).toMatch(/^@pulumi\/command 4\.5\.0 is not a release of https:\/\/github\.com\/pulumi\/pulumi-command/);
  expect(message).toContain("no v4.5.0");
  expect(message).toContain("the newest release is v1.2.1");
  expect(message).toContain("npm install @pulumi/command@1.2.1");
  expect(message).toContain("those read 2026-12-07 (git ls-remote --tags https://github.com/pulumi/pulumi-command)");
});

test("a release tag passes, with the commit it was read at", () => {
  expect(check({ "@pulumi/command": "1.2.1" }, { "@pulumi/command": command121 })).toEqual([
    { name: "@pulumi/command", version: "1.2.1", repository: "https://github.com/pulumi/pulumi-command", commit: COMMIT(121) },
  ]);
});

test("the newest release is the highest version, not the last in text order", () => {
  const message = failure(() =>
    check({ "@pulumi/tls": "5.9.9" }, { "@pulumi/tls": provider("tls", "5.9.9", "https://github.com/pulumi/pulumi-tls") }),
  );
  expect(message).toContain("the newest release is v5.10.0");
});

test("a version recorded as unconfirmed passes and carries its reason; it is not a commit", () => {
  const [status] = check({ "@pulumi/tls": "5.11.0" }, { "@pulumi/tls": provider("tls", "5.11.0", "https://github.com/pulumi/pulumi-tls") });
  expect(status?.commit).toBeUndefined();
  expect(status?.unconfirmed).toBe("on npm after the tags were read");
});

test("a package asking for another version's plugin fails even when its own version is a release", () => {
  const byScript = { ...command121, scripts: { install: "node scripts/install-pulumi-plugin.js resource command 1.2.0" } };
  expect(failure(() => check({ "@pulumi/command": "1.2.1" }, { "@pulumi/command": byScript }))).toMatch(
    /@pulumi\/command 1\.2\.1 asks for plugin command 1\.2\.0 \(its install script\), not 1\.2\.1/,
  );
  const byField = { ...command121, pulumi: { resource: true, name: "command", version: "1.2.0" } };
  expect(failure(() => check({ "@pulumi/command": "1.2.1" }, { "@pulumi/command": byField }))).toMatch(
    /asks for plugin command 1\.2\.0 \(its "pulumi" field\)/,
  );
});

test("the plugin the language host asks for is the package's version when the pulumi field has none", () => {
  expect(requestedPlugins({ version: "1.2.1", pulumi: { resource: true } })).toEqual([
    { where: expect.stringMatching(/its version/), version: "1.2.1" },
  ]);
  // The SDK itself asks for no plugin.
  expect(requestedPlugins({ version: "3.248.0", pulumi: {} })).toEqual([]);
});

test("node_modules not matching the lock, a missing table entry and a foreign repository are each named", () => {
  const message = failure(() =>
    checkReleases({
      packages: ["@pulumi/command", "@pulumi/tls", "@pulumiverse/acme"],
      lock: lockOf({ "@pulumi/command": "1.2.1", "@pulumi/tls": "5.10.0", "@pulumiverse/acme": "0.16.2" }),
      installed: (name) =>
        ({
          "@pulumi/command": provider("command", "1.2.0", "https://github.com/pulumi/pulumi-command"),
          "@pulumi/tls": provider("tls", "5.10.0", "git+https://github.com/someone/pulumi-tls.git"),
          "@pulumiverse/acme": provider("acme", "0.16.2", "https://github.com/pulumiverse/pulumi-acme"),
        })[name],
      table,
    }),
  );
  const lines = message.split("\n");
  expect(lines).toHaveLength(3);
  expect(lines[0]).toMatch(/node_modules holds @pulumi\/command 1\.2\.0 but package-lock\.json pins 1\.2\.1: run npm ci/);
  expect(lines[1]).toMatch(/@pulumi\/tls 5\.10\.0 names its source github\.com\/someone\/pulumi-tls/);
  expect(lines[2]).toMatch(/@pulumiverse\/acme has no entry in tools\/realEngine\/releases\.json/);
});

test("this project's lock, node_modules and release table pass, each pin a release or recorded as unconfirmed", () => {
  const statuses = checkProjectReleases();
  expect(statuses.map((s) => s.name).sort()).toEqual(Object.values(PINNED_PACKAGES).sort());
  for (const status of statuses) expect(status.commit ?? status.unconfirmed).toBeTruthy();
});
