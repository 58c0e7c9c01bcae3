/** @type {import('jest').Config} */
// Two projects: `unit` runs in-process (mocks, parsers, pure checks, the policies called directly) and
// is what to run while editing (`npm run test:unit`); `integration` starts real things: nginx, TLS
// servers, git worktrees, the built commands, the policy pack over gRPC.
const shared = {
  testEnvironment: "node",
  testMatch: ["**/*.test.ts"],
  // Type checking is done once by `tsc --noEmit` in `npm test`; tests are only transpiled, by swc:
  // a third of the CPU time of a cold unit run went into ts-jest. Class fields as tsc emits them
  // for ES2022 (useDefineForClassFields), so tests run what `npm run build` produces.
  transform: { "^.+\\.ts$": ["@swc/jest", { jsc: { target: "es2022", transform: { useDefineForClassFields: true } } }] },
  setupFiles: ["<rootDir>/test/englishLocale.js", "<rootDir>/test/fastCheck.js"],
  // Every test must reach an assertion (expect.hasAssertions before each).
  setupFilesAfterEnv: ["<rootDir>/test/assertions.js"],
  // @pulumi/pulumi loads TypeScript and npm's arborist for its closure serializer, which nothing
  // under the mocks uses: a stub saves over a second in every test file that loads Pulumi. The
  // commands and child processes the integration tests start get the same stub (bin/run.js).
  moduleNameMapper: {
    "^typescript$": "<rootDir>/bin/closureSerializerStub.js",
    "^@npmcli/arborist$": "<rootDir>/bin/closureSerializerStub.js",
  },
};

module.exports = {
  testTimeout: 20000,
  // One fast-check seed for the run, printed first, taken from FC_SEED when set (replays a run).
  globalSetup: "<rootDir>/test/fastCheckSeed.js",
  // Three workers on two cores: many integration tests wait on real servers (nginx, TLS on loopback,
  // timeouts of a second), and a third worker fills that time; the whole run took 52-59 s with three
  // or four and 60-63 s with two. The unit tests only compute: `npm run test:unit` keeps two.
  maxWorkers: 3,
  projects: [
    {
      ...shared,
      displayName: "unit",
      roots: ["<rootDir>/test/unit"],
    },
    {
      ...shared,
      displayName: "integration",
      roots: ["<rootDir>/test/integration"],
      // The commands these tests spawn run the compiled dist/: build it once here, not from each file.
      globalSetup: "<rootDir>/test/globalSetup.js",
    },
  ],
};
