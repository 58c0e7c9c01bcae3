// The project as it was at a git ref, checked out beside the working tree for the plan diff:
// `git worktree add --detach` into a temporary directory, removed afterwards even on failure.
// The working tree, its index and its branches are never touched.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";

export class PlanDiffError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "PlanDiffError";
  }
}

export interface BaseCheckout {
  /** The ref as given and the commit it names. */
  readonly ref: string;
  readonly commit: string;
  /** The project's directory inside the checkout (Pulumi.yaml, index.ts). */
  readonly projectDir: string;
}

function git(cwd: string, args: string[]): string {
  return execFileSync("git", args, { cwd, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"] }).trim();
}

function tryGit(cwd: string, args: string[]): string | undefined {
  try {
    return git(cwd, args);
  } catch {
    return undefined;
  }
}

/** Resolves `ref` and checks it holds this project, before anything is checked out. */
export function resolveBase(projectDir: string, ref: string): { repoRoot: string; prefix: string; commit: string } {
  const repoRoot = tryGit(projectDir, ["rev-parse", "--show-toplevel"]);
  if (repoRoot === undefined) {
    throw new PlanDiffError(`${projectDir} is not inside a git repository (or git is not installed): --diff compares with a git ref`);
  }
  const prefix = git(projectDir, ["rev-parse", "--show-prefix"]);
  if (ref.startsWith("-")) throw new PlanDiffError(`"${ref}" is not a git ref`);
  const commit = tryGit(repoRoot, ["rev-parse", "--verify", "--quiet", `${ref}^{commit}`]);
  if (!commit) {
    throw new PlanDiffError(
      `git ref "${ref}" does not exist in this clone; fetch it first (e.g. git fetch origin main, then --diff ` +
        `origin/main) or pass a commit, branch or tag that exists`,
    );
  }
  if (tryGit(repoRoot, ["cat-file", "-e", `${commit}:${prefix}Pulumi.yaml`]) === undefined) {
    throw new PlanDiffError(
      `git ref "${ref}" (${commit.slice(0, 12)}) has no ${prefix}Pulumi.yaml: it is not a version of this Pulumi project`,
    );
  }
  return { repoRoot, prefix, commit };
}

/**
 * Runs `use` with the project checked out at `ref` in a temporary worktree whose node_modules is
 * the working tree's (a symlink), so the old program runs with today's dependencies.
 */
export async function withBaseCheckout<T>(projectDir: string, ref: string, use: (base: BaseCheckout) => Promise<T>): Promise<T> {
  const { repoRoot, prefix, commit } = resolveBase(projectDir, ref);
  const tempDir = mkdtempSync(path.join(tmpdir(), "plan-diff-"));
  const worktree = path.join(tempDir, "base");
  try {
    try {
      git(repoRoot, ["worktree", "add", "--detach", "--quiet", worktree, commit]);
    } catch (err) {
      throw new PlanDiffError(
        `git worktree add failed for ${ref}: ${(err as { stderr?: string }).stderr?.trim() || (err as Error).message}`,
      );
    }
    const baseProjectDir = path.join(worktree, prefix);
    const modules = path.join(baseProjectDir, "node_modules");
    // "junction" makes a directory link on Windows without admin rights; POSIX ignores the type.
    if (!existsSync(modules)) symlinkSync(path.join(projectDir, "node_modules"), modules, "junction");
    return await use({ ref, commit, projectDir: baseProjectDir });
  } finally {
    tryGit(repoRoot, ["worktree", "remove", "--force", worktree]);
    rmSync(tempDir, { recursive: true, force: true });
    tryGit(repoRoot, ["worktree", "prune"]);
  }
}
