// The plan diff for real: a throwaway git repository holding a copy of the project, a committed
// base, and a working-tree change to the dev stack file; the diff checks the base out with
// `git worktree`, plans both sides in child processes and compares them. It runs the compiled
// dist/ (what `npm run plan -- --diff` runs; test/globalSetup.js builds it).
import { execFileSync, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import type { PlanDiffResult } from "../../../tools/plan/planDiff";
import { PROJECT_DIR } from "../../support/paths";

// The build, not the sources: the same worker and harness the command uses.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a module of the build, chosen at run time
const dist = (module: string) => require(path.join(PROJECT_DIR, "dist", "tools", "plan", module));
const { planDiff } = dist("planDiff") as typeof import("../../../tools/plan/planDiff");
const { formatDiffMarkdown } = dist("diffFormat") as typeof import("../../../tools/plan/diffFormat");

const PROJECT_FILES = ["Pulumi.yaml", "Pulumi.dev.yaml", "Pulumi.prod.yaml", "index.ts", "tsconfig.json", "components", "lib"];

function git(cwd: string, ...args: string[]): string {
  const identity = ["-c", "user.name=plan-diff-test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"];
  return execFileSync("git", [...identity, ...args], { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

let repo: string;
let result: PlanDiffResult;

beforeAll(async () => {
  repo = mkdtempSync(path.join(tmpdir(), "plan-diff-repo-"));
  git(repo, "init", "--quiet");
  git(repo, "commit", "--quiet", "--allow-empty", "-m", "before the project existed");
  for (const entry of PROJECT_FILES) cpSync(path.join(PROJECT_DIR, entry), path.join(repo, entry), { recursive: true });
  writeFileSync(path.join(repo, ".gitignore"), "node_modules\n");
  symlinkSync(path.join(PROJECT_DIR, "node_modules"), path.join(repo, "node_modules"), "dir");
  git(repo, "add", "--all");
  git(repo, "commit", "--quiet", "-m", "the project");

  // The pull request: stricter TLS policy, longer HSTS, a second instance.
  const stackFile = path.join(repo, "Pulumi.dev.yaml");
  const body = readFileSync(stackFile, "utf8").replace(/^(\s*wechat-https-backend:instanceCount:).*$/m, "$1 2");
  writeFileSync(
    stackFile,
    `${body.trimEnd()}\n  wechat-https-backend:tlsPolicy: tls_cipher_policy_1_2_strict\n  wechat-https-backend:hstsMaxAge: 63072000\n`,
  );
  result = await planDiff({ projectDir: repo, ref: "HEAD", stack: "dev" });
}, 60000);

afterAll(() => {
  if (repo) rmSync(repo, { recursive: true, force: true });
});

const change = (name: string) => result.changes.find((c) => c.name === name);

test("a TLS policy change updates the HTTPS listener in place", () => {
  expect(change("wechat-lb-https")).toMatchObject({
    op: "update",
    changedInputs: ["tlsCipherPolicy"],
    inputs: [
      { key: "tlsCipherPolicy", before: '"tls_cipher_policy_1_2_strict_with_1_3"', after: '"tls_cipher_policy_1_2_strict"', secret: false },
    ],
  });
});

test("an HSTS change alters the user data, which replaces the instance (the program's replaceOnChanges) and its readiness check", () => {
  expect(change("wechat-app-0")).toMatchObject({
    op: "replace",
    changedInputs: ["userData"],
    inputs: [{ key: "userData", replaces: "the program's replaceOnChanges" }],
  });
  // The check takes the replaced instance's id: every EcsInvocation input forces replacement.
  expect(change("wechat-app-0-ready")).toMatchObject({ op: "replace", changedInputs: ["instanceIds"] });
  expect(change("wechat-app-0-ready")?.inputs[0].after).toBe('["(known after apply: wechat-app-0 is replaced)"]');
});

test("a second instance is created in a second zone and joins the backends with an attachment of its own", () => {
  expect(change("wechat-app-1")?.op).toBe("create");
  expect(change("wechat-app-1-ready")?.op).toBe("create");
  expect(change("wechat-net-vswitch-1")?.op).toBe("create");
  expect(change("wechat-lb-backend-1")?.op).toBe("create");
  // The first instance is replaced (user data), so its attachment is too; nothing rewrites a list of backends.
  expect(change("wechat-lb-backend-0")?.op).toBe("replace");
  expect(change("wechat-lb-vsg")).toBeUndefined();
  expect(result.summary).toMatchObject({ delete: 0 });
  expect(result.config.map((c) => c.name)).toEqual([
    "wechat-https-backend:hstsMaxAge",
    "wechat-https-backend:instanceCount",
    "wechat-https-backend:tlsPolicy",
  ]);
});

test("nothing else changes: the load balancer, its address and the DNS record stay", () => {
  for (const name of ["wechat-lb-clb", "wechat-dns-a", "wechat-lb-http-redirect", "wechat-net-vswitch-0"])
    expect(change(name)).toBeUndefined();
  // Only the list of zones in use grows by the second one.
  expect(result.outputs.map((o) => o.name)).toEqual(["zoneIds"]);
});

test("the Markdown comment: a summary table, the replacements in bold, the changed inputs in details", () => {
  const markdown = formatDiffMarkdown(result);
  expect(markdown).toContain(`### Offline plan diff of stack \`dev\` against \`HEAD (${result.base.commit.slice(0, 12)})\``);
  expect(markdown).toContain(
    `| ${result.summary.create} | ${result.summary.update} | ${result.summary.replace} | 0 | ${result.summary.unchanged} |`,
  );
  expect(markdown).toContain("| **replace (create, then delete)** | `wechat-app-0` | `alicloud:ecs/instance:Instance` | `userData` |");
  expect(markdown).toContain('- `tlsCipherPolicy`: `"tls_cipher_policy_1_2_strict_with_1_3"` → `"tls_cipher_policy_1_2_strict"`');
});

test("the base worktree is gone afterwards", () => {
  expect(git(repo, "worktree", "list").split("\n")).toHaveLength(1);
});

test("a ref that does not exist, or has no Pulumi.yaml, fails with a clear message and checks nothing out", async () => {
  await expect(planDiff({ projectDir: repo, ref: "no-such-branch", stack: "dev" })).rejects.toThrow(
    'git ref "no-such-branch" does not exist in this clone; fetch it first (e.g. git fetch origin main, ' +
      "then --diff origin/main) or pass a commit, branch or tag that exists",
  );
  const first = git(repo, "rev-parse", "HEAD~1");
  await expect(planDiff({ projectDir: repo, ref: "HEAD~1", stack: "dev" })).rejects.toThrow(
    `git ref "HEAD~1" (${first.slice(0, 12)}) has no Pulumi.yaml: it is not a version of this Pulumi project`,
  );
  expect(git(repo, "worktree", "list").split("\n")).toHaveLength(1);
});

test("the command: exit 1 with the message for a missing ref, exit 2 for --markdown without --diff", () => {
  const run = (...args: string[]) =>
    spawnSync(process.execPath, [path.join(PROJECT_DIR, "bin", "run.js"), "tools/commands/plan", ...args], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      timeout: 30000,
    });
  const missing = run("--stack", "dev", "--diff", "no-such-branch-for-plan-diff", "--markdown");
  expect(missing.status).toBe(1);
  expect(missing.stdout).toBe("");
  expect(missing.stderr).toContain('error: git ref "no-such-branch-for-plan-diff" does not exist in this clone');
  const usage = run("--stack", "dev", "--markdown");
  expect(usage.status).toBe(2);
  expect(usage.stderr).toContain("--markdown formats a plan diff: add --diff <git-ref>");
});
