// The GitHub workflows: linted by actionlint (which must also catch a broken one), every action
// pinned to a commit, the Pulumi CLI pinned to the SDK's version, least permissions, no secrets
// for forks, and the review/deploy/renew rules of docs/review.md.
import { readdirSync, readFileSync } from "node:fs";
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
  uses?: string;
  run?: string;
  if?: string;
  with?: Record<string, unknown>;
  env?: Record<string, string>;
}
interface Job {
  needs?: string | string[];
  if?: string;
  environment?: string;
  permissions?: Record<string, string>;
  steps?: Step[];
}
interface Workflow {
  on: Record<string, unknown>;
  permissions?: Record<string, string> | string;
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
    const diff = wf.jobs["plan-diff"].steps ?? [];
    const script = diff.map((s) => s.run ?? "").join("\n");
    expect(script).toContain('npm run --silent plan -- --stack "$stack" --diff "$BASE_SHA" --markdown');
    expect(script).toContain("for stack in dev prod");
    expect(script).toContain('>> "$GITHUB_STEP_SUMMARY"');
    // One comment, found again by its marker and edited.
    expect(script).toContain('gh api --method PATCH "repos/${REPO}/issues/comments/${id}"');
    expect(diff.find((s) => s.run?.includes("PATCH"))?.if).toBe("github.event.pull_request.head.repo.full_name == github.repository");
  });

  test("a real preview only with the repository's secrets and never for a fork, with the policy pack", () => {
    expect(wf.jobs.preview.if).toBe("needs.cloud-access.outputs.enabled == 'true'");
    const check = wf.jobs["cloud-access"].steps?.[0];
    expect(check?.env?.SAME_REPOSITORY).toBe("${{ github.event.pull_request.head.repo.full_name == github.repository }}");
    const preview = wf.jobs.preview.steps?.find((s) => s.uses?.startsWith("pulumi/actions@"));
    expect(preview?.with).toMatchObject({
      command: "preview",
      "comment-on-pr": true,
      policyPacks: "policy",
      policyPackConfigs: "policy/config/${{ matrix.stack }}.json",
    });
  });
});

describe("deploy.yml and renew.yml", () => {
  const verifier = /npm run verify -- "https:\/\/\$\{domain\}\/" --resolve "\$\{domain\}:443:\$\{address\}"/;

  test("deploy: push to main, dev then the verifier, prod behind the environment's approval then the verifier", () => {
    const wf = workflow("deploy.yml");
    expect(wf.on).toMatchObject({ push: { branches: ["main"] } });
    expect(wf.jobs.prod).toMatchObject({ needs: "dev", environment: "prod" });
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

  test("renew: weekly, an up of the ACME certificate chain, then the verifier demanding 21 days", () => {
    const wf = workflow("renew.yml");
    expect(wf.on).toMatchObject({ schedule: [{ cron: expect.stringMatching(/^\S+ \S+ \* \* \d$/) }] });
    const script = (wf.jobs.renew.steps ?? []).map((s) => s.run ?? "").join("\n");
    expect(script).toContain('select(.type == "acme:index/certificate:Certificate")');
    expect(script).toContain("--target-dependents");
    expect(script).toContain("--policy-pack policy");
    expect(script).toMatch(verifier);
    expect(script).toContain("--min-days 21");
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
  expect(
    JSON.parse(readFileSync(path.join(PROJECT_DIR, "policy", "config", "prod.json"), "utf8"))["prod-stateful-resources-protected"],
  ).toEqual({ environment: "prod" });
});
