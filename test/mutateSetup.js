// jest.mutate.config.js's one globalSetup: the run's fast-check seed, and dist/ built for the
// verifier tests that start the installed command.
"use strict";
const chooseSeed = require("./fastCheckSeed");
const buildDist = require("./globalSetup");

module.exports = async () => {
  chooseSeed();
  await buildDist();
};
