/** @type {import('jest').Config} */
// `npm run test:engine`: the real Pulumi CLI and provider plugins that engine:install builds, run
// against the Alibaba Cloud emulator (tools/cloudlab). Slow by nature (each test runs the CLI, the
// program and the plugins), so apart from `npm test`; CI runs it after.
const base = require("./jest.config.js");
const shared = { ...base.projects[0] };
delete shared.displayName;
delete shared.roots;

module.exports = {
  ...shared,
  displayName: "engine",
  roots: ["<rootDir>/test/engine"],
  globalSetup: "<rootDir>/test/engine/globalSetup.js",
  // A preview or an `up` takes tens of seconds to minutes (the provider's own waits).
  testTimeout: 15 * 60 * 1000,
  // Each test drives a CLI, a Node program and provider plugins: two at a time fill two cores.
  maxWorkers: 2,
};
