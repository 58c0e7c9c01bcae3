// Stands in for `typescript` and `@npmcli/arborist` inside the unit tests (see jest.config.js).
// @pulumi/pulumi loads both when imported, for its closure serializer (turning JavaScript
// functions into code assets), which nothing run under the mocks uses; loading them costs over a
// second per test file. Any use fails loudly, naming what was asked for.
module.exports = new Proxy(
  {},
  {
    get(_target, property) {
      // What module loaders and interop helpers probe; answering undefined is what a plain object does.
      if (typeof property === "symbol" || property === "__esModule" || property === "default" || property === "then") return undefined;
      throw new Error(
        `${String(property)}: typescript and @npmcli/arborist are stubbed in the unit tests (jest.config.js); ` +
          "a test that serializes functions belongs in the integration project",
      );
    },
  },
);
