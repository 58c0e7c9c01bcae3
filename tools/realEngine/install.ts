// `npm run engine:install`: first checks that each Pulumi package the lock pins is a release asking
// for its own release's plugin (releases.ts), then builds what is missing or stale, installs it under
// .engine/, and checks each plugin's schema against the npm package it stands for. A current build
// costs a hash of each Go module and nothing else.
import { mkdirSync, readFileSync } from "node:fs";
import * as path from "node:path";
import { ARTIFACTS, MISSING, type Artifact } from "./artifacts";
import { BuildError, goVersion } from "./goTool";
import { buildDir, binDir, goModulesDir, projectRoot, schemaFile } from "./layout";
import { readPins, type Pins } from "./pins";
import { checkProjectReleases, describeRelease, type ReleaseStatus } from "./releases";
import { compareWithPackage, type PackageSchema } from "./sdkSchemaCheck";
import { isCurrent, recordStamp, stampOf } from "./stamp";

const PACKAGE_DIRS: Record<string, string> = { alicloud: "@pulumi/alicloud", tls: "@pulumi/tls" };

export interface InstallReport {
  readonly releases: ReleaseStatus[];
  readonly built: { name: string; version: string; seconds: number }[];
  readonly current: { name: string; version: string }[];
  readonly missing: { name: string; version: string; reason: string }[];
  readonly schemaNotes: string[];
}

/** What installEngine asks of the machine before it builds; tests give their own. */
export interface InstallChecks {
  readonly releases: () => ReleaseStatus[];
  readonly goVersion: () => string | undefined;
}

const MACHINE: InstallChecks = { releases: checkProjectReleases, goVersion };

export function installEngine(log: (line: string) => void = () => undefined, checks: InstallChecks = MACHINE): InstallReport {
  // Before anything else, Go included: a plugin installed under a version that was never released
  // would make the engine tests pass where a real `pulumi up` cannot fetch the plugin.
  const releases = checks.releases();
  for (const status of releases) log(describeRelease(status));
  const go = checks.goVersion();
  if (!go) throw new BuildError("engine:install needs Go 1.26 or newer on PATH (https://go.dev/dl/); the mock tests (npm test) do not");
  const pins = readPins();
  mkdirSync(binDir, { recursive: true });
  mkdirSync(buildDir, { recursive: true });
  const report: InstallReport = { releases, built: [], current: [], missing: [], schemaNotes: [] };
  for (const artifact of ARTIFACTS) {
    const version = artifact.version(pins);
    const stamp = stampOf([artifact.name, version, go], path.join(goModulesDir, artifact.module));
    if (isCurrent(artifact.name, stamp, artifact.outputs(pins))) {
      report.current.push({ name: artifact.name, version });
      continue;
    }
    log(`building ${artifact.name} ${version} (tools/engine/${artifact.module}) ...`);
    const started = Date.now();
    artifact.build(pins);
    recordStamp(artifact.name, stamp);
    report.built.push({ name: artifact.name, version, seconds: Math.round((Date.now() - started) / 1000) });
  }
  for (const missing of MISSING) report.missing.push({ name: missing.name, version: missing.version(pins), reason: missing.reason });
  report.schemaNotes.push(...checkSchemas(pins));
  return report;
}

/** Fails on a type the package does not have; lists the inputs a plugin lacks. */
function checkSchemas(pins: Pins): string[] {
  const notes: string[] = [];
  for (const artifact of ARTIFACTS.filter((a: Artifact) => a.name in PACKAGE_DIRS)) {
    const version = artifact.version(pins);
    const schema = JSON.parse(readFileSync(schemaFile(artifact.name, version), "utf8")) as PackageSchema;
    const packageDir = path.join(projectRoot, "node_modules", PACKAGE_DIRS[artifact.name] as string);
    const { unknownTokens, missingInputs } = compareWithPackage(schema, packageDir);
    if (unknownTokens.length > 0) {
      throw new BuildError(
        `the ${artifact.name} plugin serves types ${PACKAGE_DIRS[artifact.name]} ${version} does not have: ` +
          `${unknownTokens.join(", ")}; fix the tokens in tools/engine/${artifact.module}/mapping`,
      );
    }
    for (const [token, inputs] of Object.entries(missingInputs)) {
      notes.push(`${artifact.name} ${version}: ${token} lacks ${inputs.join(", ")} (newer than the upstream it is built from)`);
    }
  }
  return notes;
}
