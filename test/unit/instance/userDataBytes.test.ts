// User data must come out byte for byte the same wherever and whenever `pulumi up` runs: a
// difference replaces every instance of the stack. The gzip inside it (appctl.py) is where that
// could slip: a time in its header, or a deflate whose output depends on the machine.
import { readFileSync, readdirSync } from "node:fs";
import * as path from "node:path";
import { gunzipSync } from "node:zlib";
import { APPCTL_SOURCE } from "../../../lib/instance/appctl";
import { deterministicGzipBase64, renderCloudInit, type CloudInitOptions } from "../../../lib/instance/cloudInit";
import { DEFAULT_NGINX_OPTIONS } from "../../../lib/instance/nginx";
import { PROJECT_DIR } from "../../support/paths";

const options: CloudInitOptions = {
  nginx: { ...DEFAULT_NGINX_OPTIONS, domain: "api.example.com" },
  environment: "prod",
  appImage: "registry-vpc.cn-hangzhou.aliyuncs.com/team/api:1.4.2",
};

afterEach(() => jest.restoreAllMocks());

test("the compressed file decodes to its source, and its gzip header carries no time and a fixed OS byte", () => {
  const bytes = Buffer.from(deterministicGzipBase64(APPCTL_SOURCE), "base64");
  expect(gunzipSync(bytes).toString("utf8")).toBe(APPCTL_SOURCE);
  expect(bytes.readUInt32LE(4)).toBe(0); // MTIME
  expect(bytes[9]).toBe(3); // OS: Unix, whatever the machine
});

test("rendering at another time gives the same user data", () => {
  const now = renderCloudInit(options);
  jest.spyOn(Date, "now").mockReturnValue(Date.parse("2031-05-06T07:08:09Z"));
  expect(renderCloudInit(options)).toBe(now);
});

test("nothing the program runs compresses with node:zlib, whose output depends on the zlib build and the CPU", () => {
  const sources = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith(".ts") ? [path.join(dir, e.name)] : [],
    );
  const users = [...sources(path.join(PROJECT_DIR, "lib")), ...sources(path.join(PROJECT_DIR, "components"))].filter((file) =>
    /from "(node:)?zlib"/.test(readFileSync(file, "utf8")),
  );
  expect(users.map((f) => path.relative(PROJECT_DIR, f))).toEqual([]);
});
