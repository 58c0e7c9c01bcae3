// The seed of every fast-check property in a jest run, chosen once per run and printed, so a
// failing run can be replayed exactly: `FC_SEED=<seed> npm test` (or `npx jest <file>`) draws the
// same inputs again. FC_SEED set by hand or by CI is used as it is; unset, a random seed is drawn.
// Jest runs this once before any test file (jest.config.js `globalSetup`); the workers it starts
// inherit FC_SEED, and test/fastCheck.js hands it to fast-check in each test file.
"use strict";
const { randomInt } = require("node:crypto");

/** The seed FC_SEED names, or an error that says what it must be. */
function seedFrom(value) {
  if (value === undefined || value.trim() === "") return { seed: randomInt(2 ** 31), given: false };
  const seed = Number(value);
  // fast-check draws from a 32-bit seed: a larger number would be cut, and its replay would differ.
  if (!/^-?\d+$/.test(value.trim()) || !Number.isSafeInteger(seed) || seed < -(2 ** 31) || seed >= 2 ** 31) {
    throw new Error(`FC_SEED must be a whole number from -2147483648 to 2147483647 (the seed a jest run printed), not "${value}"`);
  }
  return { seed, given: true };
}

module.exports = function chooseSeed() {
  const { seed, given } = seedFrom(process.env.FC_SEED);
  process.env.FC_SEED = String(seed);
  process.stdout.write(`\nfast-check seed ${seed}${given ? " (from FC_SEED)" : ""}; replay with FC_SEED=${seed}\n`);
};
module.exports.seedFrom = seedFrom;
