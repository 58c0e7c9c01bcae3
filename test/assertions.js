// A test that reaches no assertion fails: an async test whose awaited branch returns early, or a
// property whose generated inputs never reach its `expect`, would otherwise pass without checking
// anything. expect.hasAssertions() is set anew before each test, for every file of both projects.
"use strict";
/* global beforeEach, expect -- jest provides them to setupFilesAfterEnv */

beforeEach(() => {
  expect.hasAssertions();
});
