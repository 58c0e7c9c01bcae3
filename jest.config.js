/** @type {import('jest').Config} */
// Two projects: `unit` runs in-process (mocks, parsers, pure checks, the policies called directly) and
// is what to run while editing (`npm run test:unit`); `integration` starts real things: nginx, TLS
// servers, git worktrees, the built commands, the policy pack over gRPC.
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  // Type checking is done once by `tsc --noEmit` in `npm test`; ts-jest only transpiles.
  transform: { "^.+\\.ts$": ["ts-jest", { tsconfig: "tsconfig.json" }] },
  setupFiles: ["<rootDir>/test/englishLocale.js"],
};

module.exports = {
  testTimeout: 20000,
  // Two workers: many tests wait on real servers (nginx, TLS on loopback), so two overlap well on two cores.
  maxWorkers: 2,
  projects: [
    { ...shared, displayName: "unit", roots: ["<rootDir>/test/unit"] },
    {
      ...shared,
      displayName: "integration",
      roots: ["<rootDir>/test/integration"],
      // The commands these tests spawn run the compiled dist/: build it once here, not from each file.
      globalSetup: "<rootDir>/test/globalSetup.js",
    },
  ],
};
