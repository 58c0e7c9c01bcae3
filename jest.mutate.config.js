/** @type {import('jest').Config} */
// The tests `npm run mutate` (StrykerJS, stryker.config.mjs) runs against each mutant: the unit
// project's settings, limited to the files that test the mutated modules, plus the verifier's real
// handshakes on loopback. One project, so Stryker's per-test coverage applies to every file.
const base = require("./jest.config.js");
const unit = base.projects.find((project) => project.displayName === "unit");

module.exports = {
  ...unit,
  displayName: undefined,
  globalSetup: "<rootDir>/test/mutateSetup.js",
  testTimeout: base.testTimeout,
  roots: ["<rootDir>/test"],
  testMatch: [
    "<rootDir>/test/unit/certificates/**/*.test.ts",
    "<rootDir>/test/unit/verifier/**/*.test.ts",
    "<rootDir>/test/unit/policy/**/*.test.ts",
    "<rootDir>/test/unit/monitoring/**/*.test.ts",
    "<rootDir>/test/unit/config/cidrRanges.test.ts",
    "<rootDir>/test/unit/plan/replaceTriggers.test.ts",
    "<rootDir>/test/unit/plan/diffSnapshots.test.ts",
    "<rootDir>/test/unit/properties/{chains,parsers}.test.ts",
    "<rootDir>/test/unit/support/pki.test.ts",
    "<rootDir>/test/integration/verifier/{sites,noTls}.test.ts",
  ],
  // It compares source texts (the policy pack's copies of lib/), which Stryker's instrumentation changes.
  testPathIgnorePatterns: ["/node_modules/", "/test/unit/policy/selfContained\\.test\\.ts$"],
};
