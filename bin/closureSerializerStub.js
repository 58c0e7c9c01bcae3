// Stands in for `typescript` and `@npmcli/arborist` where @pulumi/pulumi asks for them: in the unit
// tests (jest.config.js) and in the commands that run the program under the mocks (bin/run.js,
// through bin/stubClosureSerializer.js). The SDK loads both when imported, for its closure
// serializer (turning JavaScript functions into code assets), which nothing run under the mocks
// uses: the program has no dynamic providers. Any use fails loudly, naming what was asked for.
"use strict";
module.exports = new Proxy(
  {},
  {
    get(_target, property) {
      // What module loaders and interop helpers probe; answering undefined is what a plain object does.
      if (typeof property === "symbol" || property === "__esModule" || property === "default" || property === "then") return undefined;
      throw new Error(
        `${String(property)}: typescript and @npmcli/arborist are stubbed for the Pulumi SDK (bin/closureSerializerStub.js) ` +
          "in the unit tests and the offline commands, which never serialize functions",
      );
    },
  },
);
