// Makes @pulumi/pulumi's requires of `typescript` and `@npmcli/arborist` (and only the SDK's) load
// bin/closureSerializerStub.js instead: about 0.3 s of every offline command's start went into
// loading them. `pulumi up` runs the program through Pulumi's own language host, which never loads
// this file; ts-node and the build still get the real TypeScript.
"use strict";
const path = require("node:path");
const Module = require("node:module");

const STUBBED = new Set(["typescript", "@npmcli/arborist"]);
const STUB = path.join(__dirname, "closureSerializerStub.js");
const SDK_DIR = `${path.sep}node_modules${path.sep}@pulumi${path.sep}pulumi${path.sep}`;

function stubClosureSerializer() {
  const resolve = Module._resolveFilename;
  Module._resolveFilename = function (request, parent, ...rest) {
    if (STUBBED.has(request) && parent && typeof parent.filename === "string" && parent.filename.includes(SDK_DIR)) return STUB;
    return resolve.call(this, request, parent, ...rest);
  };
}

module.exports = { stubClosureSerializer };
