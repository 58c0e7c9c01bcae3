// The GitHub workflows: linted by actionlint (which must also catch a broken one), every action
// pinned to a commit, the Pulumi CLI pinned to the SDK's version, least permissions, no secrets
// for forks, and the review/deploy/renew rules of docs/review.md.
import { spawnSync } from "node:child_process";
import { chmodSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { ALL_POLICIES } from "../../../policy/policies";
import { PROJECT_DIR } from "../../support/paths";
import { lintWorkflow } from "./actionlint";

const WORKFLOW_DIR = path.join(PROJECT_DIR, ".github", "workflows");
const files = readdirSync(WORKFLOW_DIR)
  .filter((f) => /\.ya?ml$/.test(f))
  .sort();
const text = (file: string) => readFileSync(path.join(WORKFLOW_DIR, file), "utf8");

interface Step {
  id?: string;
  name?: string;
  uses?: string;
  run?: string;
  shell?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  env?: Record<string, string>;
  strategy?: { matrix?: { include?: Record<string, string>[] } };
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
  env?: Record<string, string>;
  jobs: Record<string, Job>;
}
const workflow = (file: string) => parse(text(file)) as Workflow;
const steps = (wf: Workflow) => Object.values(wf.jobs).flatMap((job) => job.steps ?? []);

test("the three workflows exist", () => {
  expect(files).toEqual(["deploy.yml", "pull-request.yml", "renew.yml"]);
});

test.each(files)("%s passes actionlint", async (file) => {
  expect(await lintWorkflow(text(file), file)).toEqual([]);
});

test("actionlint fails a broken workflow, each mistake with its own finding", async () => {
  const broken = [
    "name: broken",
    "on: [pul_request]",
    "jobs:",
    "  build:",
    "    runs-on: ubuntu-24.04",
    "    needs: [setup]",
    "    steps:",
    // A tag, not a SHA: actionlint knows the inputs of popular actions by tag only.
    "      - uses: actions/checkout@v4",
    "        with:",
    "          fetch-dept: 0",
    '      - run: echo "${{ github.event.pull_request.base.shaa }} ${{ matrix.stack }}"',
    "",
  ].join("\n");
  const kinds = (await lintWorkflow(broken, "broken.yml")).map((f) => f.kind).sort();
  expect(kinds).toEqual(["action", "events", "expression", "job-needs"]);
});

// actionlint cannot check the inputs of an action pinned to a SHA (it knows popular actions by
// tag), so the inputs of the pinned versions are checked here, from their action.yml.
const ACTION_INPUTS: Record<string, readonly string[]> = {
  "actions/checkout": [
    "repository",
    "ref",
    "token",
    "ssh-key",
    "ssh-known-hosts",
    "ssh-strict",
    "ssh-user",
    "persist-credentials",
    "path",
    "clean",
    "filter",
    "sparse-checkout",
    "sparse-checkout-cone-mode",
    "fetch-depth",
    "fetch-tags",
    "show-progress",
    "lfs",
    "submodules",
    "set-safe-directory",
    "github-server-url",
  ],
  "actions/setup-node": [
    "node-version",
    "node-version-file",
    "architecture",
    "check-latest",
    "registry-url",
    "scope",
    "token",
    "cache",
    "cache-dependency-path",
    "always-auth",
  ],
  "pulumi/actions": [
    "command",
    "stack-name",
    "pulumi-version",
    "pulumi-version-file",
    "work-dir",
    "comment-on-pr",
    "comment-on-pr-number",
    "comment-on-summary",
    "github-token",
    "cloud-url",
    "secrets-provider",
    "parallel",
    "message",
    "config-map",
    "expect-no-changes",
    "diff",
    "replace",
    "exclude",
    "exclude-dependents",
    "target",
    "target-dependents",
    "policyPacks",
    "policyPackConfigs",
    "refresh",
    "upsert",
    "remove",
    "edit-pr-comment",
    "color",
    "exclude-protected",
    "plan",
    "suppress-outputs",
    "suppress-progress",
    "always-include-summary",
    "continue-on-error",
    "log-verbosity",
    "log-flow",
    "debug",
  ],
};

test("every input given to an action is one that action declares", () => {
  for (const file of files) {
    for (const step of steps(workflow(file)).filter((s) => s.uses)) {
      const action = String(step.uses).split("@")[0];
      expect([file, action, action in ACTION_INPUTS]).toEqual([file, action, true]);
      for (const input of Object.keys(step.with ?? {}))
        expect([file, action, input, ACTION_INPUTS[action].includes(input)]).toEqual([file, action, input, true]);
    }
  }
});

test("every action is pinned to a full commit SHA with its version in a comment", () => {
  for (const file of files) {
    for (const line of text(file)
      .split("\n")
      .filter((l) => /^\s*(-\s+)?uses:/.test(l))) {
      expect([file, line.trim()]).toEqual([file, expect.stringMatching(/^(- )?uses: [\w.-]+\/[\w.-]+@[0-9a-f]{40} # v\d+\.\d+\.\d+$/)]);
    }
  }
});

test("the Pulumi CLI is pinned to the version of the installed @pulumi/pulumi SDK", () => {
  const sdk = (JSON.parse(readFileSync(require.resolve("@pulumi/pulumi/package.json"), "utf8")) as { version: string }).version.replace(
    /^v/,
    "",
  );
  const pulumiSteps = files.flatMap((f) => steps(workflow(f))).filter((s) => s.uses?.startsWith("pulumi/actions@"));
  expect(pulumiSteps.length).toBeGreaterThanOrEqual(4);
  for (const step of pulumiSteps) expect(String(step.with?.["pulumi-version"])).toBe(sdk);
});

test("least permissions: contents read by default, pull-requests write only where a job comments", () => {
  const writers: string[] = [];
  for (const file of files) {
    const wf = workflow(file);
    expect([file, wf.permissions]).toEqual([file, { contents: "read" }]);
    expect(text(file)).not.toMatch(/write-all|contents:\s*write|pull_request_target/);
    for (const [name, job] of Object.entries(wf.jobs)) {
      if (job.permissions?.["pull-requests"] === "write") writers.push(`${file}:${name}`);
    }
  }
  expect(writers).toEqual(["pull-request.yml:plan-diff", "pull-request.yml:preview"]);
});

describe("pull-request.yml", () => {
  const wf = workflow("pull-request.yml");

  test("tests, then the offline diff of dev and prod against the base commit as job summary and one sticky comment", () => {
    expect(
      steps({ ...wf, jobs: { tests: wf.jobs.tests } })
        .map((s) => s.run)
        .filter(Boolean),
    ).toEqual(["npm ci --no-audit --no-fund", "npm run test:deps", "npm test"]);
    // Property tests draw from a seed that a re-run keeps and the log prints (test/fastCheckSeed.js).
    expect(wf.jobs.tests.steps?.find((s) => s.run === "npm test")?.env).toEqual({ FC_SEED: "${{ github.run_number }}" });
    const diff = wf.jobs["plan-diff"].steps ?? [];
    const script = diff.map((s) => s.run ?? "").join("\n");
    expect(script).toContain('npm run --silent plan -- --stack "$stack" --diff "$BASE_SHA" --markdown');
    expect(script).toContain("for stack in dev prod");
    expect(script).toContain('>> "$GITHUB_STEP_SUMMARY"');
    // One comment, found again by its marker and edited.
    expect(script).toContain('gh api --method PATCH "repos/${REPO}/issues/comments/${id}"');
    expect(diff.find((s) => s.run?.includes("PATCH"))?.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
  });

  test('a real preview of dev only, in the environment "preview", never for a fork, with the policy pack', () => {
    const job = wf.jobs.preview;
    expect(job.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
    expect(job.environment).toBe("preview");
    const preview = job.steps?.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(preview?.with).toMatchObject({
      command: "preview",
      "stack-name": "dev",
      "comment-on-pr": true,
      policyPacks: "policy",
      policyPackConfigs: "policy/config/dev.json",
    });
    // No matrix or expression can bring prod back into a pull request's code.
    expect(JSON.stringify(job)).not.toMatch(/prod/);
  });
});

describe("deploy.yml and renew.yml", () => {
  const verifier = /npm run verify -- "https:\/\/\$\{domain\}\/" --resolve "\$\{domain\}:443:\$\{address\}"/;

  test("deploy: push to main, dev then the verifier, a preview of prod, prod behind the environment's approval then the verifier", () => {
    const wf = workflow("deploy.yml");
    expect(wf.on).toMatchObject({ push: { branches: ["main"] } });
    expect(wf.jobs["prod-preview"]).toMatchObject({ needs: "dev", environment: "prod-preview" });
    expect(wf.jobs["prod-preview"].steps?.find((s) => s.uses?.startsWith("pulumi/actions@"))?.with).toMatchObject({
      command: "preview",
      "stack-name": "prod",
      policyPacks: "policy",
      policyPackConfigs: "policy/config/prod.json",
      "comment-on-summary": true,
    });
    expect(wf.jobs.prod).toMatchObject({ needs: "prod-preview", environment: "prod" });
    for (const stack of ["dev", "prod"]) {
      const jobSteps = wf.jobs[stack].steps ?? [];
      expect(jobSteps.find((s) => s.uses?.startsWith("pulumi/actions@"))?.with).toMatchObject({
        command: "up",
        "stack-name": stack,
        policyPacks: "policy",
      });
      const verify = jobSteps.at(-1)?.run ?? "";
      expect(verify).toContain(`pulumi stack output loadBalancerAddress --stack ${stack}`);
      expect(verify).toMatch(verifier);
    }
  });

  test("renew: weekly; a targeted preview, checked to change nothing but the certificate, before the same targeted up; then the verifier", () => {
    const wf = workflow("renew.yml");
    expect(wf.on).toMatchObject({ schedule: [{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }] });
    const runs = (wf.jobs.renew.steps ?? []).map((s) => s.run ?? "");
    expect(runs.join("\n")).toContain('select(.type == "acme:index/certificate:Certificate")');
    const preview = runs.findIndex((r) => r.includes("pulumi preview --json"));
    const check = runs.findIndex((r) => r.includes("npm run --silent check-renewal -- renewal-preview.json"));
    const up = runs.findIndex((r) => r.includes("pulumi up --yes"));
    expect([preview >= 0, check > preview, up > check]).toEqual([true, true, true]);
    expect(runs[preview]).toContain("> renewal-preview.json");
    // The up applies exactly what was previewed and checked: the same targets, the same dependents.
    const command = (r: string) => r.replace(/pulumi (preview --json|up --yes)/, "pulumi <command>").replace(" > renewal-preview.json", "");
    expect(command(runs[up])).toBe(command(runs[preview]));
    expect(runs[up]).toContain("--target-dependents");
    expect(runs[up]).toContain("--policy-pack policy");
    const verify = runs.at(-1) ?? "";
    expect(verify).toMatch(verifier);
    expect(verify).toContain("--min-days 21");
  });
});

describe("renew.yml's lookup of the ACME certificates, run by bash the way GitHub runs it", () => {
  const step = (workflow("renew.yml").jobs.renew.steps ?? []).find((s) => s.id === "targets")!;
  /** GitHub's shells for `run:` (docs: "Default shell"): bash -e without `shell:`, with pipefail under `shell: bash`. */
  const bashOptions = (shell?: string): string[] => {
    if (shell === undefined) return ["-e"];
    if (shell === "bash") return ["--noprofile", "--norc", "-eo", "pipefail"];
    throw new Error(`a shell this test does not know: ${shell}`);
  };

  function lookup(pulumiScript: string): { code: number | null; outputs: string; summary: string; targets: string } {
    const dir = mkdtempSync(path.join(tmpdir(), "renew-targets-"));
    try {
      writeFileSync(path.join(dir, "pulumi"), `#!/bin/sh\n${pulumiScript}\n`);
      chmodSync(path.join(dir, "pulumi"), 0o755);
      const script = path.join(dir, "step.sh");
      writeFileSync(script, step.run ?? "");
      for (const file of ["outputs", "summary", "renewal-targets.txt"]) writeFileSync(path.join(dir, file), "");
      const result = spawnSync("bash", [...bashOptions(step.shell), script], {
        cwd: dir,
        encoding: "utf8",
        env: {
          PATH: `${dir}:${process.env.PATH}`,
          STACK: "prod",
          GITHUB_OUTPUT: path.join(dir, "outputs"),
          GITHUB_STEP_SUMMARY: path.join(dir, "summary"),
        },
      });
      const read = (file: string) => readFileSync(path.join(dir, file), "utf8");
      return { code: result.status, outputs: read("outputs"), summary: read("summary"), targets: read("renewal-targets.txt") };
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }

  test("a stack with an ACME certificate: its URN is the target", () => {
    const urn =
      "urn:pulumi:prod::wechat-https-backend::wechat-https-backend:tls:Certificate$acme:index/certificate:Certificate::wechat-cert-acme-cert";
    const state = {
      deployment: {
        resources: [
          { type: "acme:index/certificate:Certificate", urn },
          { type: "pulumi:pulumi:Stack", urn: "s" },
        ],
      },
    };
    const result = lookup(`echo '${JSON.stringify(state)}'`);
    expect([result.code, result.outputs, result.targets]).toEqual([0, "renew=true\n", `${urn}\n`]);
  });

  test("a state that cannot be read fails the step, instead of reporting no ACME certificate and renewing nothing", () => {
    const result = lookup('echo "error: could not read the state" >&2; exit 255');
    expect(result.code).not.toBe(0);
    expect(result.outputs).not.toContain("renew=false");
    expect(result.summary).not.toContain("nothing to renew");
  });
});

describe("the renewal check as renew.yml runs it (npm run check-renewal, the built command)", () => {
  const previews = path.join(PROJECT_DIR, "test", "unit", "renewal", "previews");
  const check = (args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [path.join(PROJECT_DIR, "bin", "run.js"), "tools/commands/checkRenewal", ...args], {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      timeout: 30000,
      env: { ...process.env, GITHUB_ACTIONS: "", ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr };
  };

  test("a due renewal passes (exit 0) and says what it renews", () => {
    const { code, stdout } = check([path.join(previews, "renewal-due.json")]);
    expect(code).toBe(0);
    expect(stdout).toContain('renewal: update alicloud:slb/listener:Listener "wechat-lb-https" (serverCertificateId)');
    expect(stdout).toContain("only the certificate changes");
  });

  test("a listener change waiting on main fails the run (exit 1) with an error annotation and what to do", () => {
    const { code, stdout, stderr } = check([path.join(previews, "listener-change-waiting.json")], { GITHUB_ACTIONS: "true" });
    expect(code).toBe(1);
    expect(stdout).toMatch(
      /^::error title=renewal scope::not a renewal: update alicloud:slb\/listener:Listener "wechat-lb-https" \(serverCertificateId, tlsCipherPolicy\)/m,
    );
    expect(stderr).toMatch(/Deploy main through the deploy workflow/);
  });

  test("an unreadable preview fails (exit 1); no file is bad usage (exit 2)", () => {
    expect(check(["/nonexistent/preview.json"]).code).toBe(1);
    expect(check([]).code).toBe(2);
  });
});

describe("credentials: what each job gets (docs/review.md)", () => {
  const SECRET = /\$\{\{[^}]*secrets\./;
  const holdsSecret = (env?: Record<string, string>) => Object.values(env ?? {}).some((v) => SECRET.test(String(v)));
  /** The GitHub environments a job runs in (a matrix expression resolved through its include list). */
  const environmentsOf = (job: Job): string[] => {
    if (!job.environment) return [];
    const fromMatrix = /^\$\{\{\s*matrix\.(\w+)\s*\}\}$/.exec(job.environment);
    return fromMatrix ? (job.strategy?.matrix?.include ?? []).map((entry) => entry[fromMatrix[1]]) : [job.environment];
  };
  const review = readFileSync(path.join(PROJECT_DIR, "docs", "review.md"), "utf8");
  /** The row of an environment in docs/review.md's table of GitHub environments. */
  const documented = (environment: string) => review.split("\n").find((l) => new RegExp(`^\\|\\s*\`${environment}\`\\s*\\|`).test(l));

  test.each(files)("%s: no secret in the workflow's or a job's env, which every step (npm ci's install scripts too) would see", (file) => {
    const wf = workflow(file);
    expect(holdsSecret(wf.env)).toBe(false);
    for (const [name, job] of Object.entries(wf.jobs)) expect([name, holdsSecret(job.env)]).toEqual([name, false]);
  });

  test.each(files)(
    "%s: secrets only in the env of the steps that call the cloud or the state, never in a script or an action's inputs",
    (file) => {
      for (const step of steps(workflow(file))) {
        expect([step.run, SECRET.test(step.run ?? "")]).toEqual([step.run, false]);
        expect([step.uses, SECRET.test(JSON.stringify(step.with ?? {}))]).toEqual([step.uses, false]);
        // Dependencies' install scripts, the test suite and the renewal check run the code of packages
        // and of the branch: they get nothing.
        if (/npm (ci|test)|npm run (test|--silent check-renewal)/.test(step.run ?? "")) {
          expect([step.run, holdsSecret(step.env)]).toEqual([step.run, false]);
        }
      }
    },
  );

  test.each(files)("%s: every job given secrets runs in a GitHub environment", (file) => {
    for (const [name, job] of Object.entries(workflow(file).jobs)) {
      if (SECRET.test(JSON.stringify(job))) expect([name, environmentsOf(job).length > 0]).toEqual([name, true]);
    }
  });

  test('a pull request\'s code gets only the environment "preview": no prod credentials, no write access', () => {
    const environments = Object.values(workflow("pull-request.yml").jobs).flatMap(environmentsOf);
    expect(environments).toEqual(["preview"]);
    expect(documented("preview")).toMatch(/read-only/);
    expect(documented("preview")).toMatch(/dev's passphrase/);
    expect(documented("preview")).not.toMatch(/prod's passphrase/);
  });

  test.each(["deploy.yml", "renew.yml"])(
    "%s: runs only from main (workflow_dispatch can start it from any branch): every job checks the ref",
    (file) => {
      const wf = workflow(file);
      expect(wf.on).toHaveProperty("workflow_dispatch");
      for (const [name, job] of Object.entries(wf.jobs)) expect([name, job.if]).toEqual([name, "github.ref == 'refs/heads/main'"]);
    },
  );

  test("every environment of deploy and renew is documented as restricted to main", () => {
    const environments = new Set(["deploy.yml", "renew.yml"].flatMap((f) => Object.values(workflow(f).jobs).flatMap(environmentsOf)));
    expect([...environments].sort()).toEqual(["dev", "prod", "prod-preview", "prod-renew"]);
    for (const environment of environments)
      expect([environment, documented(environment)]).toEqual([
        environment,
        expect.stringMatching(/^\|\s*`[\w-]+`\s*\|\s*`main` only\s*\|/),
      ]);
    expect(documented("prod")).toMatch(/required reviewers/);
  });
});

test("the per-stack policy configs name real policies and properties of their config schemas", () => {
  for (const stack of ["dev", "prod"]) {
    const config = JSON.parse(readFileSync(path.join(PROJECT_DIR, "policy", "config", `${stack}.json`), "utf8")) as Record<
      string,
      Record<string, unknown>
    >;
    for (const [policyName, properties] of Object.entries(config)) {
      const policy = ALL_POLICIES.find((p) => p.name === policyName);
      expect([stack, policyName, policy !== undefined]).toEqual([stack, policyName, true]);
      for (const key of Object.keys(properties))
        expect([policyName, key, key in (policy?.configSchema?.properties ?? {})]).toEqual([policyName, key, true]);
    }
  }
  const prod = JSON.parse(readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"));
  expect(prod["prod-stateful-resources-protected"]).toEqual({ environment: "prod" });
  expect(prod["prod-strict-tls-policy"]).toEqual({ environment: "prod" });
});
