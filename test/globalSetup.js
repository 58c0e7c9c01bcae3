// Tests that spawn the commands (plan, render, verify) run the compiled dist/: build it once here,
// not concurrently from several test files.
const { ensureBuilt } = require("../bin/build");

module.exports = async () => {
  if (!ensureBuilt()) throw new Error("the TypeScript build failed; run npm run build to see why");
};
