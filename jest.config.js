/** @type {import('jest').Config} */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts"],
  // Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  testTimeout: 20000,
  // Two workers: many tests wait on real servers (nginx, TLS on loopback), so two overlap well on two cores.
  maxWorkers: 2,
  globalSetup: "<rootDir>/test/globalSetup.js",
};
