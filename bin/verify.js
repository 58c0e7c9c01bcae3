#!/usr/bin/env node
// The `wechat-https-verify` bin: the same command as `npm run verify --`, through the build-aware launcher.
process.argv.splice(2, 0, "verifier/cli");
require("./run.js");
