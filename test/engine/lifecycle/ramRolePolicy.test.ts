// A RAM role with a policy attached and given to an instance, through the real engine and provider
// against the emulator: up, no perpetual diff, in-place updates, destroy.
import { RAM_KINDS } from "../../../tools/cloudlab/products/ram";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { withLabStack } from "../../support/labEngine";
import { seedInstance } from "../labSeeds";
import { actions, fixture, held } from "./lifecycle";

const RAM = Object.values(RAM_KINDS);
const key = (name: string): string => `lab-ram-role-policy:${name}`;

test("up, a no-change preview and refresh, an update of the description and the policy scope in place, destroy", async () => {
  await withLabStack(
    {
      stack: "lab",
      projectDir: fixture("ram-role-policy"),
      config: { [key("roleDescription")]: "first", [key("parameterScope")]: "acs:oos:*:*:secretparameter/lab/*" },
    },
    async (stack, lab) => {
      const instance = seedInstance(lab.store);
      await stack.pulumiOk(["config", "set", key("instanceId"), instance]);
      await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
      const role = lab.store.get(RAM_KINDS.role, "lab-app");
      expect(role).toMatchObject({ Description: "first", Tags: { stack: "lab" } });
      expect(lab.store.get(RAM_KINDS.rolePolicy, "lab-app:Custom:lab-app")).toBeDefined();
      expect(lab.store.get(KINDS.instance, instance)?.RamRoleName).toBe("lab-app");
      const scope = (): unknown =>
        JSON.parse(
          String(
            lab.store.get(RAM_KINDS.policyVersion, `lab-app:${String(lab.store.get(RAM_KINDS.policy, "lab-app")?.DefaultVersion)}`)
              ?.PolicyDocument,
          ),
        );
      expect(scope()).toMatchObject({ Statement: [{ Resource: ["acs:oos:*:*:secretparameter/lab/*"] }] });

      await stack.pulumiOk(["preview", "--expect-no-changes"]);
      await stack.pulumiOk(["refresh", "--expect-no-changes", "--yes"]);

      await stack.pulumiOk(["config", "set", key("roleDescription"), "second"]);
      await stack.pulumiOk(["config", "set", key("parameterScope"), "acs:oos:*:*:secretparameter/lab/app/*"]);
      const before = lab.store.requests.length;
      await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
      const updates = lab.store.requests.slice(before).map((r) => r.action);
      expect(updates).toEqual(expect.arrayContaining(["UpdateRole", "CreatePolicyVersion"]));
      expect(updates).not.toEqual(expect.arrayContaining(["DeleteRole", "DeletePolicy", "DetachPolicyFromRole"]));
      expect(lab.store.get(RAM_KINDS.role, "lab-app")).toMatchObject({ RoleId: role?.RoleId, Description: "second" });
      expect(lab.store.get(RAM_KINDS.policy, "lab-app")?.DefaultVersion).toBe("v2");
      expect(scope()).toMatchObject({ Statement: [{ Resource: ["acs:oos:*:*:secretparameter/lab/app/*"] }] });
      await stack.pulumiOk(["preview", "--expect-no-changes"]);

      await stack.pulumiOk(["destroy", "--yes"]);
      expect(held(lab.store, RAM)).toEqual({});
      expect(lab.store.get(KINDS.instance, instance)?.RamRoleName).toBe("");
      // The attachment and the role on the instance go before the role and the policy.
      const ram = actions(lab.store, "ram");
      expect(ram.indexOf("DetachPolicyFromRole")).toBeLessThan(ram.indexOf("DeleteRole"));
      expect(ram.indexOf("DetachPolicyFromRole")).toBeLessThan(ram.indexOf("DeletePolicy"));
      expect(lab.store.requests.filter((r) => r.status !== 200)).toEqual([]);
    },
  );
});
