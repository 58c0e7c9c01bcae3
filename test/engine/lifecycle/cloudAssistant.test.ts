// A Cloud Assistant command and its invocations on two instances, through the real engine and
// provider against the emulator: up (the provider's waiter sees Running, then Success), no perpetual
// diff, a changed script (command and invocations replaced; the old invocations stopped), destroy.
import { ASSISTANT_KINDS } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { withLabStack } from "../../support/labEngine";
import { seedInstance } from "../labSeeds";
import { actions, fixture } from "./lifecycle";

const key = (name: string): string => `lab-cloud-assistant:${name}`;

test("up, a no-change preview and refresh, a new script, destroy; a throttled InvokeCommand is retried", async () => {
  await withLabStack(
    { stack: "lab", projectDir: fixture("cloud-assistant"), config: { [key("script")]: "curl -fsS http://127.0.0.1/healthz" } },
    async (stack, lab) => {
      const instances = [seedInstance(lab.store), seedInstance(lab.store)];
      await stack.pulumiOk(["config", "set", key("instanceIds"), instances.join(",")]);
      lab.store.inject({
        product: "ecs",
        action: "InvokeCommand",
        code: "Throttling.User",
        message: "Request was denied due to user flow control.",
      });
      await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
      const [command] = lab.store.list(ASSISTANT_KINDS.command);
      expect(Buffer.from(String(command?.CommandContent), "base64").toString("utf8")).toBe("curl -fsS http://127.0.0.1/healthz");
      const first = lab.store.list(ASSISTANT_KINDS.invocation);
      expect(first.map((i) => [i.CommandId, i.InvocationStatus])).toEqual([
        [command?.CommandId, "Success"],
        [command?.CommandId, "Success"],
      ]);
      expect(
        first
          .flatMap((i) => (i.InvokeInstances as { InvokeInstance: { InstanceId: string }[] }).InvokeInstance.map((r) => r.InstanceId))
          .sort(),
      ).toEqual([...instances].sort());
      expect(lab.store.requests.filter((r) => r.code === "Throttling.User")).toHaveLength(1);

      await stack.pulumiOk(["preview", "--expect-no-changes"]);
      await stack.pulumiOk(["refresh", "--expect-no-changes", "--yes"]);

      await stack.pulumiOk(["config", "set", key("script"), "curl -fsS http://127.0.0.1/ready"]);
      const before = lab.store.requests.length;
      await stack.pulumiOk(["up", "--yes", "--skip-preview"]);
      const rollout = lab.store.requests.slice(before).map((r) => r.action);
      expect(rollout.filter((a) => a === "InvokeCommand")).toHaveLength(2);
      expect(rollout.filter((a) => a === "StopInvocation")).toHaveLength(2);
      // Create before delete: the new invocations ran before the old ones were stopped.
      expect(rollout.lastIndexOf("InvokeCommand")).toBeLessThan(rollout.indexOf("StopInvocation"));
      const [replacement] = lab.store.list(ASSISTANT_KINDS.command);
      expect(replacement?.CommandId).not.toBe(command?.CommandId);
      await stack.pulumiOk(["preview", "--expect-no-changes"]);

      await stack.pulumiOk(["destroy", "--yes"]);
      expect(lab.store.list(ASSISTANT_KINDS.command)).toEqual([]);
      // The service keeps finished invocations (four weeks): StopInvocation leaves them as they ended.
      expect(lab.store.list(ASSISTANT_KINDS.invocation).map((i) => i.InvocationStatus)).toEqual([
        "Success",
        "Success",
        "Success",
        "Success",
      ]);
      expect(actions(lab.store, "ecs").filter((a) => a === "StopInvocation")).toHaveLength(4);
      expect(lab.store.requests.filter((r) => r.status !== 200).map((r) => r.code)).toEqual(["Throttling.User"]);
    },
  );
});
