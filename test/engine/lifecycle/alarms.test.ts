// Contacts, a contact group, a site monitor and an alarm through the real CLI and provider against
// the emulator: created, read back with no difference, changed in place, destroyed to nothing.
import { activateContact } from "../../../tools/cloudlab/products/cms/contacts";
import type { LabRecord } from "../../../tools/cloudlab/store";
import { expectSuccess, withLabStack } from "../../support/labEngine";
import { PROGRAM_SITE_OPTIONS } from "../siteMonitorOptions";
import { expectNoPerpetualDiff, fixture, only } from "./lifecycle";

test("alarms: up, no perpetual diff, an update in place, relay off, destroy to nothing", async () => {
  await withLabStack({ stack: "lab", projectDir: fixture("alarms") }, async (stack, lab) => {
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "up");
    const state = lab.store.snapshot();
    expect(Object.keys(state).sort()).toEqual(["alidns.domain", "cms.alarm", "cms.contact", "cms.contactGroup", "cms.siteMonitor"]);
    const site = only(state, "cms.siteMonitor");
    expect(site).toMatchObject({ TaskName: "whb_lab_health", TaskType: "HTTP", Interval: "1", Address: "https://api.example.com/healthz" });
    // What the provider sent for the program's optionJson came back as sent, the list wrapped.
    expect(site.OptionJson).toEqual({ ...PROGRAM_SITE_OPTIONS, assertions: { assertions: [] } });
    const alarm = only(state, "cms.alarm");
    expect(alarm).toMatchObject({
      Namespace: "acs_networkmonitor",
      MetricName: "Availability",
      Resources: `[{"taskId":"${String(site.TaskId)}"}]`,
      ContactGroups: "whb-lab-alerts",
      Period: "60",
      EnableState: true,
      Escalations: { Critical: { Statistics: "Availability", ComparisonOperator: "LessThanThreshold", Threshold: "80", Times: 3 } },
      Targets: [
        { Id: "relay-to-robots", Arn: "acs:fc:cn-hangzhou:1234567890123456:functions/whb-lab-monitor", Level: "Critical", JsonParams: "" },
      ],
    });
    expect(only(state, "cms.contactGroup")).toMatchObject({ Name: "whb-lab-alerts", Contacts: { Contact: ["whb-lab-0a1b2c3d4e"] } });
    // The address waits for its owner's activation: CloudMonitor does not list it yet, which the
    // program's ignoreChanges on channelsMail keeps out of every preview.
    expect(only(state, "cms.contact")).toMatchObject({ Channels: { Mail: "ops@example.com" }, ChannelsState: { Mail: "PENDING" } });

    await expectNoPerpetualDiff(stack);
    // Without the program's ignoreChanges, the pending address is a difference on every preview.
    await stack.pulumiOk(["config", "set", "ignoreMail", "false"]);
    const unignored = await stack.pulumi(["preview", "--expect-no-changes", "--diff"]);
    expect(unignored.code).not.toBe(0);
    expect(unignored.stdout).toMatch(/[+~] channelsMail: .*"ops@example.com"/);
    await stack.pulumiOk(["config", "rm", "ignoreMail"]);
    activateContact(lab.store, "whb-lab-0a1b2c3d4e");
    expectSuccess(await stack.pulumi(["refresh", "--yes", "--diff"]), "refresh after the address was activated");
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes", "--diff"]), "a preview after activation (no changes expected)");

    await stack.pulumiOk(["config", "set", "threshold", "70"]);
    await stack.pulumiOk(["config", "set", "groupDescribe", "changed"]);
    await stack.pulumiOk(["config", "set", "address", "https://api.example.com/health2"]);
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "the update");
    const after = lab.store.snapshot();
    expect(only(after, "cms.alarm")).toMatchObject({ RuleId: alarm.RuleId, Escalations: { Critical: { Threshold: "70" } } });
    expect(only(after, "cms.contactGroup").Describe).toBe("changed");
    expect(only(after, "cms.siteMonitor")).toMatchObject({ TaskId: site.TaskId, Address: "https://api.example.com/health2" });
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes"]), "a preview after the update (no changes expected)");

    // Relay off: targets is optional and computed in the provider, so leaving it out is no change at
    // all, and nothing ever calls DeleteMetricRuleTargets: the alarm keeps targeting the function.
    await stack.pulumiOk(["config", "set", "relay", "false"]);
    expectSuccess(await stack.pulumi(["preview", "--expect-no-changes"]), "relay off: a preview");
    expectSuccess(await stack.pulumi(["up", "--yes", "--skip-preview"]), "relay off: up");
    expect((only(lab.store.snapshot(), "cms.alarm").Targets as LabRecord[]).map((t) => t.Id)).toEqual(["relay-to-robots"]);
    const calls = lab.store.requests.filter((r) => r.product === "cms").map((r) => r.action);
    expect(calls).not.toContain("DeleteMetricRuleTargets");

    expectSuccess(await stack.pulumi(["destroy", "--yes", "--skip-preview"]), "destroy");
    expect(Object.keys(lab.store.snapshot())).toEqual(["alidns.domain"]);
  });
});
