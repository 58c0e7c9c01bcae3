// An OOS secret parameter through the real engine and provider against the emulator: up, no
// perpetual diff, a new value and description in place, destroy; the value a secret everywhere
// but in the emulator's store.
import { OOS_SECRET_PARAMETER, secretParameterValue } from "../../../tools/cloudlab/products/oos";
import { withLabStack } from "../../support/labEngine";
import { fixture, held } from "./lifecycle";

const NAME = "wechat-https-backend/lab/APP_SECRET";
const key = (name: string): string => `lab-oos-secret-parameter:${name}`;

test("up, a no-change preview and refresh, a new value in place, destroy; the value never in the request log or the CLI's output", async () => {
  await withLabStack(
    {
      stack: "lab",
      projectDir: fixture("oos-secret-parameter"),
      config: { [key("description")]: "app secret" },
      secrets: { [key("appSecret")]: "first-s3cret" },
    },
    async (stack, lab) => {
      const outputs: string[] = [];
      const run = async (args: string[], input?: string): Promise<void> => {
        const result = await stack.pulumiOk(args, { input });
        outputs.push(result.stdout, result.stderr);
      };
      await run(["up", "--yes", "--skip-preview"]);
      const created = lab.store.get(OOS_SECRET_PARAMETER, NAME);
      expect(created).toMatchObject({ Type: "Secret", Description: "app secret", ParameterVersion: 1, Tags: { stack: "lab" } });
      expect(secretParameterValue(lab.store, NAME)).toBe("first-s3cret");

      await run(["preview", "--expect-no-changes"]);
      await run(["refresh", "--expect-no-changes", "--yes"]);

      await run(["config", "set", "--secret", key("appSecret")], "second-s3cret");
      await run(["config", "set", key("description"), "rotated app secret"]);
      await run(["up", "--yes", "--skip-preview"]);
      expect(lab.store.get(OOS_SECRET_PARAMETER, NAME)).toMatchObject({
        Id: created?.Id,
        Description: "rotated app secret",
        ParameterVersion: 2,
      });
      expect(secretParameterValue(lab.store, NAME)).toBe("second-s3cret");
      await run(["preview", "--expect-no-changes"]);

      const state = await stack.pulumiOk(["stack", "export"]);
      expect(state.stdout).not.toContain("second-s3cret");

      await run(["destroy", "--yes"]);
      expect(held(lab.store, [OOS_SECRET_PARAMETER])).toEqual({});
      const log = JSON.stringify(lab.store.requests);
      for (const secret of ["first-s3cret", "second-s3cret"]) {
        expect(log).not.toContain(secret);
        expect(outputs.join("\n")).not.toContain(secret);
      }
      expect(lab.store.requests.filter((r) => r.product === "oos").map((r) => r.action)).toEqual(
        expect.arrayContaining([
          "CreateSecretParameter",
          "GetSecretParameter",
          "ListTagResources",
          "UpdateSecretParameter",
          "DeleteSecretParameter",
        ]),
      );
      expect(lab.store.requests.filter((r) => r.status !== 200)).toEqual([]);
    },
  );
});
