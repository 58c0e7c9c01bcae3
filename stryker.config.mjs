// Mutation testing (`npm run mutate`): StrykerJS makes small bugs in the modules below, one at a
// time, and runs the tests that cover each (jest.mutate.config.js); a mutant no test fails on is a
// behaviour nothing checks. Not part of `npm test` or CI: a full run takes hours on two cores. One
// module: `npm run mutate -- --mutate "monitor/**/*.ts"`. Reports: reports/mutation/.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  testRunner: "jest",
  jest: { projectType: "custom", configFile: "jest.mutate.config.js", enableFindRelatedTests: false },
  // Only the tests that ran a mutant's code run against it.
  coverageAnalysis: "perTest",
  mutate: [
    "lib/certificates/**/*.ts",
    "!lib/certificates/messages/**",
    "lib/cidr.ts",
    "verifier/checks/**/*.ts",
    "verifier/trust.ts",
    "policy/**/*.ts",
    "!policy/shared/**",
    "monitor/**/*.ts",
    "!monitor/catalogs/**",
    "tools/plan/replaceTriggers.ts",
  ],
  // Mutants in code that runs while modules load would need every test run for each; skipped.
  ignoreStatic: true,
  // Two cores, shared with everything else.
  concurrency: 2,
  timeoutMS: 10000,
  // Later runs reuse the results of mutants whose code and tests did not change.
  incremental: true,
  incrementalFile: "reports/stryker-incremental.json",
  reporters: ["clear-text", "progress", "html", "json"],
  htmlReporter: { fileName: "reports/mutation/index.html" },
  jsonReporter: { fileName: "reports/mutation/mutation.json" },
  thresholds: { high: 90, low: 80, break: null },
  tempDirName: ".stryker-tmp",
  // The Pulumi CLI and plugins `npm run engine:install` builds: large, and no mutated test uses them.
  ignorePatterns: [".engine"],
  cleanTempDir: "always",
};
