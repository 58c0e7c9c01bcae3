// Contract of the emulator's CloudMonitor with the official @alicloud/cms20190101 client: each action
// the provider calls, answered in the typed model's fields, and the refusals the provider meets.
import Cms, * as $cms from "@alicloud/cms20190101";
import { activateContact } from "../../../tools/cloudlab/products/cms/contacts";
import { sdkConfig, sdkError, useLab } from "../../support/labClients";
import { PROGRAM_SITE_OPTIONS } from "../siteMonitorOptions";

const lab = useLab();
const client = (): Cms => new Cms(sdkConfig(lab(), "cms"));

describe("alarm contacts and contact groups", () => {
  test("PutContact creates a contact whose email shows only once activated, DescribeContactList reads it, DeleteContact removes it", async () => {
    const put = await client().putContact(
      new $cms.PutContactRequest({ contactName: "ops-1", describe: "ops", lang: "zh-cn", channels: { mail: "ops@example.com" } }),
    );
    expect(put.body?.code).toBe("200");
    expect(put.body?.success).toBe(true);

    const pending = await client().describeContactList(new $cms.DescribeContactListRequest({ contactName: "ops-1" }));
    const contact = pending.body?.contacts?.contact?.[0];
    expect(contact?.name).toBe("ops-1");
    expect(contact?.desc).toBe("ops");
    expect(contact?.lang).toBe("zh-cn");
    expect(contact?.channels?.mail).toBe("");
    expect(contact?.channelsState?.mail).toBe("PENDING");

    activateContact(lab().store, "ops-1");
    const active = await client().describeContactList(new $cms.DescribeContactListRequest({ contactName: "ops-1" }));
    expect(active.body?.contacts?.contact?.[0]?.channels?.mail).toBe("ops@example.com");

    const none = await client().describeContactList(new $cms.DescribeContactListRequest({ contactName: "nobody" }));
    expect(none.body?.contacts?.contact).toEqual([]);
    expect(none.body?.total).toBe(0);

    await client().deleteContact(new $cms.DeleteContactRequest({ contactName: "ops-1" }));
    expect(lab().store.get("cms.contact", "ops-1")).toBeUndefined();
    const again = await sdkError(client().deleteContact(new $cms.DeleteContactRequest({ contactName: "ops-1" })));
    expect(again.code).toBe("ContactNotExists");
  });

  test("PutContact refuses a contact with no channel and a language other than en and zh-cn", async () => {
    const noChannel = await sdkError(client().putContact(new $cms.PutContactRequest({ contactName: "x-1", describe: "x" })));
    expect(noChannel.code).toBe("InvalidParameter");
    const lang = await sdkError(
      client().putContact(
        new $cms.PutContactRequest({ contactName: "x-1", describe: "x", lang: "fr", channels: { mail: "a@example.com" } }),
      ),
    );
    expect(lang.code).toBe("InvalidParameter");
  });

  test("PutContactGroup overwrites a group of the same name instead of refusing; DescribeContactGroupList pages the groups", async () => {
    for (const name of ["a-1", "b-1"]) {
      await client().putContact(
        new $cms.PutContactRequest({
          contactName: name,
          describe: name,
          channels: { dingWebHook: "https://oapi.dingtalk.com/robot/send?access_token=x" },
        }),
      );
    }
    await client().putContactGroup(new $cms.PutContactGroupRequest({ contactGroupName: "g-1", contactNames: ["a-1"], describe: "first" }));
    const second = await client().putContactGroup(
      new $cms.PutContactGroupRequest({
        contactGroupName: "g-1",
        contactNames: ["a-1", "b-1"],
        describe: "second",
        enableSubscribed: true,
      }),
    );
    expect(second.body?.code).toBe("200");

    const list = await client().describeContactGroupList(new $cms.DescribeContactGroupListRequest({ pageNumber: 1, pageSize: 20 }));
    const groups = list.body?.contactGroupList?.contactGroup ?? [];
    expect(groups.map((g) => g.name)).toEqual(["g-1"]);
    expect(groups[0]?.contacts?.contact).toEqual(["a-1", "b-1"]);
    expect(groups[0]?.describe).toBe("second");
    expect(groups[0]?.enableSubscribed).toBe(true);
    expect(list.body?.contactGroups?.contactGroup).toEqual(["g-1"]);

    const member = await client().describeContactList(new $cms.DescribeContactListRequest({ contactName: "b-1" }));
    expect(member.body?.contacts?.contact?.[0]?.contactGroups?.contactGroup).toEqual(["g-1"]);

    await client().deleteContactGroup(new $cms.DeleteContactGroupRequest({ contactGroupName: "g-1" }));
    const gone = await sdkError(client().deleteContactGroup(new $cms.DeleteContactGroupRequest({ contactGroupName: "g-1" })));
    expect(gone.code).toBe("ContactGroupNotExists");
  });
});

describe("alarm rules and their targets", () => {
  const rule = (name: string): $cms.PutResourceMetricRuleRequest =>
    new $cms.PutResourceMetricRuleRequest({
      ruleId: "rule-1",
      ruleName: name,
      namespace: "acs_ecs_dashboard",
      metricName: "CPUUtilization",
      resources: '[{"instanceId":"i-bp1a"}]',
      contactGroups: "g-1",
      period: "60",
      silenceTime: 86400,
      effectiveInterval: "00:00-23:59",
      escalations: { critical: { statistics: "Average", comparisonOperator: "GreaterThanThreshold", threshold: "85", times: 5 } },
      labels: [{ key: "stack", value: "dev" }],
    });

  test("PutResourceMetricRule creates and then updates a rule that DescribeMetricRuleList reads in the provider's shapes", async () => {
    await client().putResourceMetricRule(rule("cpu"));
    await client().putResourceMetricRule(rule("cpu high"));
    const list = await client().describeMetricRuleList(new $cms.DescribeMetricRuleListRequest({ ruleIds: "rule-1" }));
    expect(list.body?.code).toBe(200);
    const alarm = list.body?.alarms?.alarm?.[0];
    expect(alarm?.ruleName).toBe("cpu high");
    expect(alarm?.resources).toBe('[{"instanceId":"i-bp1a"}]');
    expect(alarm?.contactGroups).toBe("g-1");
    expect(alarm?.period).toBe("60");
    expect(alarm?.silenceTime).toBe(86400);
    expect(alarm?.enableState).toBe(true);
    expect(alarm?.escalations?.critical).toMatchObject({
      statistics: "Average",
      comparisonOperator: "GreaterThanThreshold",
      threshold: "85",
      times: 5,
    });
    expect(alarm?.labels?.labels).toEqual([expect.objectContaining({ key: "stack", value: "dev" })]);

    const other = await client().describeMetricRuleList(new $cms.DescribeMetricRuleListRequest({ ruleIds: "rule-x" }));
    expect(other.body?.alarms?.alarm).toEqual([]);
  });

  test("DisableMetricRules and EnableMetricRules switch EnableState; an unknown rule is ResourceNotFound", async () => {
    await client().disableMetricRules(new $cms.DisableMetricRulesRequest({ ruleId: ["rule-1"] }));
    expect(lab().store.get("cms.alarm", "rule-1")?.EnableState).toBe(false);
    await client().enableMetricRules(new $cms.EnableMetricRulesRequest({ ruleId: ["rule-1"] }));
    expect(lab().store.get("cms.alarm", "rule-1")?.EnableState).toBe(true);
    const unknown = await sdkError(client().enableMetricRules(new $cms.EnableMetricRulesRequest({ ruleId: ["rule-x"] })));
    expect(unknown.code).toBe("ResourceNotFound");
  });

  test("PutMetricRuleTargets adds or modifies targets by Id and never removes one; only DeleteMetricRuleTargets does", async () => {
    const arn = "acs:fc:cn-hangzhou:1234567890123456:functions/relay";
    await client().putMetricRuleTargets(
      new $cms.PutMetricRuleTargetsRequest({ ruleId: "rule-1", targets: [{ id: "1", arn, level: "Critical" }] }),
    );
    await client().putMetricRuleTargets(
      new $cms.PutMetricRuleTargetsRequest({ ruleId: "rule-1", targets: [{ id: "2", arn, level: "Warn" }] }),
    );
    const both = await client().describeMetricRuleTargets(new $cms.DescribeMetricRuleTargetsRequest({ ruleId: "rule-1" }));
    expect(both.body?.targets?.target?.map((t) => [t.id, t.level])).toEqual([
      ["1", "Critical"],
      ["2", "Warn"],
    ]);

    const missing = await sdkError(client().putMetricRuleTargets(new $cms.PutMetricRuleTargetsRequest({ ruleId: "rule-1", targets: [] })));
    expect(missing.code).toBe("MissingTargets");

    const removed = await client().deleteMetricRuleTargets(
      new $cms.DeleteMetricRuleTargetsRequest({ ruleId: "rule-1", targetIds: ["1", "9"] }),
    );
    expect(removed.body?.failIds?.targetIds?.targetId).toEqual(["9"]);
    const left = await client().describeMetricRuleTargets(new $cms.DescribeMetricRuleTargetsRequest({ ruleId: "rule-1" }));
    expect(left.body?.targets?.target?.map((t) => t.id)).toEqual(["2"]);
  });

  test("DeleteMetricRules deletes the rule; the list is then empty, which the provider reads as gone", async () => {
    await client().deleteMetricRules(new $cms.DeleteMetricRulesRequest({ id: ["rule-1"] }));
    const list = await client().describeMetricRuleList(new $cms.DescribeMetricRuleListRequest({ ruleIds: "rule-1" }));
    expect(list.body?.alarms?.alarm).toEqual([]);
    const targets = await client().describeMetricRuleTargets(new $cms.DescribeMetricRuleTargetsRequest({ ruleId: "rule-1" }));
    expect(targets.body?.targets?.target).toEqual([]);
  });
});

describe("site monitoring tasks", () => {
  const sent = PROGRAM_SITE_OPTIONS;

  test("CreateSiteMonitor answers the task id; DescribeSiteMonitorAttribute answers exactly the options sent, lists wrapped", async () => {
    const created = await client().createSiteMonitor(
      new $cms.CreateSiteMonitorRequest({
        taskName: "whb_dev_health",
        taskType: "HTTP",
        address: "https://api.example.com/healthz",
        interval: "1",
        ispCities: JSON.stringify([{ Isp: "232", City: "641", Type: "IDC" }]),
        optionsJson: JSON.stringify({
          ...sent,
          assertions: [{ operator: "lessThan", type: "response_time", target: "1000" }],
          failure_rate: "0.3",
        }),
      }),
    );
    expect(created.body?.success).toBe("true");
    const id = created.body?.createResultList?.createResultList?.[0]?.taskId as string;
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);

    const read = await client().describeSiteMonitorAttribute(new $cms.DescribeSiteMonitorAttributeRequest({ taskId: id }));
    const task = read.body?.siteMonitors;
    expect(task).toMatchObject({ taskName: "whb_dev_health", taskType: "HTTP", interval: "1", taskState: "1", agentGroup: "PC" });
    expect(task?.ispCities?.ispCity?.[0]).toMatchObject({ isp: "232", city: "641", type: "IDC" });
    expect(task?.optionJson?.timeOut).toBe(10000);
    expect(task?.optionJson?.assertions?.assertions?.[0]).toMatchObject({ operator: "lessThan", type: "response_time", target: "1000" });
    // The raw answer, as the provider's generic map reads it: only what was sent, in the types sent.
    const raw = lab().store.get("cms.siteMonitor", id)?.OptionJson as Record<string, unknown>;
    expect(Object.keys(raw).sort()).toEqual([...Object.keys(sent), "failure_rate"].sort());
    expect(raw.failure_rate).toBe("0.3");
    expect(raw.isBase64Encode).toBe(false);
    expect(raw.port).toBe(0);
  });

  test("a task created without OptionsJson has an empty OptionJson and three probe points", async () => {
    const created = await client().createSiteMonitor(
      new $cms.CreateSiteMonitorRequest({ taskName: "bare_task", taskType: "HTTP", address: "https://api.example.com/" }),
    );
    const id = created.body?.createResultList?.createResultList?.[0]?.taskId as string;
    expect(lab().store.get("cms.siteMonitor", id)?.OptionJson).toEqual({});
    const read = await client().describeSiteMonitorAttribute(new $cms.DescribeSiteMonitorAttributeRequest({ taskId: id }));
    expect(read.body?.siteMonitors?.ispCities?.ispCity).toHaveLength(3);
  });

  test("ModifySiteMonitor replaces the options and renames; DeleteSiteMonitors removes; a gone task answers Forbidden", async () => {
    const created = await client().createSiteMonitor(
      new $cms.CreateSiteMonitorRequest({
        taskName: "task_one",
        taskType: "HTTP",
        address: "https://a.example.com/",
        optionsJson: JSON.stringify(sent),
      }),
    );
    const id = created.body?.createResultList?.createResultList?.[0]?.taskId as string;
    await client().modifySiteMonitor(
      new $cms.ModifySiteMonitorRequest({
        taskId: id,
        taskName: "task_two",
        address: "https://b.example.com/",
        optionsJson: '{"http_method":"head","time_out":3000}',
      }),
    );
    const task = lab().store.get("cms.siteMonitor", id);
    expect(task).toMatchObject({
      TaskName: "task_two",
      Address: "https://b.example.com/",
      OptionJson: { http_method: "head", time_out: 3000 },
    });

    const deleted = await client().deleteSiteMonitors(new $cms.DeleteSiteMonitorsRequest({ taskIds: id }));
    expect(deleted.body?.data?.count).toBe(1);
    const gone = await sdkError(client().describeSiteMonitorAttribute(new $cms.DescribeSiteMonitorAttributeRequest({ taskId: id })));
    expect(gone.code).toBe("Forbidden");
  });

  test("CreateSiteMonitor refuses a task name under 4 characters, an unknown type and an interval CloudMonitor does not offer", async () => {
    const base = { taskName: "good_name", taskType: "HTTP", address: "https://a.example.com/" };
    for (const bad of [{ taskName: "abc" }, { taskType: "GOPHER" }, { interval: "2" }]) {
      const refused = await sdkError(client().createSiteMonitor(new $cms.CreateSiteMonitorRequest({ ...base, ...bad })));
      expect(refused.code).toBe("InvalidParameter");
    }
  });
});
