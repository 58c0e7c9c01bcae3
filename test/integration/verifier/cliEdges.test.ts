// The command line at its edges, run as users run it (node bin/verify.js): inputs that used to abort
// the process or be silently misread are usage errors, exit code 2, with a message that names the
// option and what to give instead. No network: each is refused before anything is probed.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";

const BIN = resolve(__dirname, "..", "..", "..", "bin", "verify.js");
const URL_ARGS = ["https://api.example.com/", "--resolve", "api.example.com:443:127.0.0.1"];

function run(...args: string[]): { status: number | null; signal: NodeJS.Signals | null; stderr: string } {
  return runWithInput("", ...args);
}

function runWithInput(input: string | Buffer, ...args: string[]): { status: number | null; signal: NodeJS.Signals | null; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...URL_ARGS, ...args], { encoding: "utf8", timeout: 30_000, input });
  return { status: result.status, signal: result.signal, stderr: result.stderr };
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), "verify-cli-"));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("wechat-https-verify usage errors", () => {
  test("--cacert /dev/zero is refused as not a regular file instead of reading forever", () => {
    const result = run("--cacert", "/dev/zero");
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--cacert \/dev\/zero: not a regular file; give the path of a PEM file/);
  });

  test("a named pipe nobody writes to is refused at once instead of waiting forever to open it", () => {
    const fifo = join(dir, "roots.fifo");
    execFileSync("mkfifo", [fifo]);
    const result = run("--cacert", fifo);
    expect(result.signal).toBeNull();
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/--cacert .*roots\.fifo: not a regular file; give the path of a PEM file/);
  });

  test("a directory or a file larger than any root bundle is refused with the fix", () => {
    expect(run("--cacert", dir)).toMatchObject({ status: 2, stderr: expect.stringMatching(/--cacert .*: not a regular file/) });
    const big = join(dir, "big.pem");
    writeFileSync(big, Buffer.alloc(2 * 1024 * 1024, "A"));
    expect(run("--cacert", big)).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--cacert .*big\.pem: larger than 1048576 bytes/),
    });
  });

  test("--cacert - reads the roots from standard input, within the same size limit", () => {
    // Read, and judged as PEM: text that is no certificate is refused (without a stdin read, none is found at all).
    expect(runWithInput("not a certificate\n", "--cacert", "-")).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--cacert #1: no PEM certificate/),
    });
    expect(runWithInput(Buffer.alloc(2 * 1024 * 1024, "A"), "--cacert", "-")).toMatchObject({
      status: 2,
      stderr: expect.stringMatching(/--cacert -: larger than 1048576 bytes/),
    });
  });

  test.each([
    ["--timeout", "99999999999", /--timeout 99999999999 is longer than any probe should wait \(at most 120000 milliseconds/],
    ["--timeout", "50", /--timeout 50 is too short .* at least 100/],
    ["--deadline", "0", /--deadline 0 must be 1 to 3600 seconds/],
    ["--deadline", "86400", /--deadline 86400 must be 1 to 3600 seconds/],
    ["--wait", "99999", /--wait 99999 must be 0 to 3600 seconds/],
  ])("%s %s is a usage error naming the option and its range", (option, value, message) => {
    const result = run(option, value);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(message);
  });
});
