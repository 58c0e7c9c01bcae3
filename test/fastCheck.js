// Every fast-check property of a test file draws from the run's seed (test/fastCheckSeed.js). A file
// run without that setup (a jest config of its own) keeps fast-check's own random seed, which it
// prints with any counterexample.
"use strict";
const fc = require("fast-check");

if (process.env.FC_SEED !== undefined) fc.configureGlobal({ seed: Number(process.env.FC_SEED) });
