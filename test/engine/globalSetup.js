// The engine suite needs the compiled commands (dist/) and the engine engine:install builds; without
// the engine it fails at once, saying how to build it, rather than skipping what it cannot run.
const { existsSync } = require("node:fs");
const path = require("node:path");
const { ensureBuilt } = require("../../bin/build");

module.exports = async () => {
  if (!ensureBuilt()) throw new Error("the TypeScript build failed; run npm run build to see why");
  const pulumi = path.resolve(__dirname, "..", "..", ".engine", "bin", "pulumi");
  if (!existsSync(pulumi)) throw new Error("the engine is not built: run npm run engine:install (needs Go 1.26+)");
};
