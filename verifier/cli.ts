// `npm run verify -- <https-url> [options]` and the `wechat-https-verify` bin. See command.ts.
import { runCommand } from "./command";

/** Beyond the run's own budget, time for the last report to be written. */
const GRACE_MS = 10_000;

runCommand(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  // Every probe and attempt is bounded already; this is the last guard against anything left
  // waiting, so `pulumi up` running this (DeployVerification) can never hang on it.
  budget: (ms) => {
    setTimeout(() => {
      process.stderr.write(`error: wechat-https-verify did not finish within ${Math.round((ms + GRACE_MS) / 1000)} s; giving up\n`);
      process.exit(2);
    }, ms + GRACE_MS).unref();
  },
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`wechat-https-verify crashed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 2;
  },
);
