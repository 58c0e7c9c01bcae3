// `npm run render` for every committed stack: exactly what an instance receives, and a config the
// real nginx accepts.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { parse } from "yaml";
import { withoutCommentLines } from "../../../lib/instance/cloudInit";
import { nginxBinary } from "../../../tools/localNginx";
import { nginx118Binary } from "../../support/nginx";
import { findResource, planOf, PROJECT_DIR, T } from "../../support/program";
import { writtenFile } from "../../support/userData";

const stacks = readdirSync(PROJECT_DIR)
  .map((file) => /^Pulumi\.(.+)\.yaml$/.exec(file)?.[1])
  .filter((stack): stack is string => stack !== undefined);

function render(stack: string): { dir: string; stdout: string; code: number | null } {
  const dir = mkdtempSync(path.join(tmpdir(), `render-${stack}-`));
  const result = spawnSync(
    process.execPath,
    [path.join(PROJECT_DIR, "bin", "run.js"), "tools/commands/render", "--stack", stack, "--out", dir],
    {
      cwd: PROJECT_DIR,
      encoding: "utf8",
      timeout: 30000,
    },
  );
  return { dir, stdout: result.stdout, code: result.status };
}

test("the committed stacks are dev and prod", () => {
  expect(stacks.sort()).toEqual(["dev", "prod"]);
});

describe.each(stacks)("npm run render -- --stack %s", (stack) => {
  let dir: string;
  beforeAll(() => {
    const result = render(stack);
    expect(result.code).toBe(0);
    dir = result.dir;
  });

  test("writes user-data, nginx.conf and readiness.sh", () => {
    expect(readdirSync(dir).sort()).toEqual(["nginx.conf", "readiness.sh", "user-data"]);
  });

  function instanceNginxConf(): string | undefined {
    const userData = readFileSync(path.join(dir, "user-data"), "utf8");
    expect(userData.startsWith("#cloud-config\n")).toBe(true);
    return writtenFile(userData, "/etc/nginx/nginx.conf")?.content;
  }

  test("nginx.conf, without its comment lines (user data is limited to 32 KB), is the file cloud-init writes", () => {
    const rendered = readFileSync(path.join(dir, "nginx.conf"), "utf8");
    expect(instanceNginxConf()).toBe(withoutCommentLines(rendered));
    expect(rendered).toMatch(/^\s*# /m);
    expect(instanceNginxConf()).not.toMatch(/^\s*#/m);
  });

  test.each([
    ["this machine's nginx", nginxBinary],
    ["nginx 1.18, the instances' version", nginx118Binary],
  ])("nginx -t accepts it as rendered and as the instance gets it (%s)", (_label, binary) => {
    const stripped = path.join(dir, "nginx.instance.conf");
    writeFileSync(stripped, instanceNginxConf() ?? "");
    for (const file of [path.join(dir, "nginx.conf"), stripped]) {
      const result = spawnSync(binary(), ["-t", "-c", file], { encoding: "utf8" });
      expect(result.stderr).toContain("test is successful");
      expect(result.status).toBe(0);
    }
    rmSync(stripped);
  });

  test("nginx serves the stack's domain only", () => {
    const domain = (parse(readFileSync(path.join(PROJECT_DIR, `Pulumi.${stack}.yaml`), "utf8")) as { config: Record<string, string> })
      .config["wechat-https-backend:domain"];
    expect(readFileSync(path.join(dir, "nginx.conf"), "utf8")).toMatch(
      new RegExp(`^\\s+server_name ${domain.replace(/\./g, "\\.")};$`, "m"),
    );
  });

  test("the instances of the program get exactly this user data", async () => {
    const plan = await planOf({ stack });
    const instance = findResource(plan.run, T.instance, "wechat-app-0");
    expect(Buffer.from(String(instance.inputs.userData), "base64").toString("utf8")).toBe(
      readFileSync(path.join(dir, "user-data"), "utf8"),
    );
  });
});
