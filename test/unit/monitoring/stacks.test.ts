// Monitoring in the committed stacks: on in prod (the function, its timer, the site monitor, the
// alarms and the contact group, Logtail on the instances), absent from dev.
import { LOGTAIL_ID_PATH } from "../../../lib/instance/cloudInit";
import { findResource, planOf, resourcesOfType, T } from "../../support/program";

test("prod plans the function, its timer, the site monitor, the alarms and the contact group", async () => {
  const plan = await planOf({ stack: "prod" });
  const fn = findResource(plan.run, T.fcFunction);
  expect(findResource(plan.run, T.fcTrigger).inputs.functionName).toBe(fn.inputs.functionName);
  findResource(plan.run, T.siteMonitor);
  expect(resourcesOfType(plan.run, T.alarm)).toHaveLength(4);
  expect(findResource(plan.run, T.alarmContactGroup).inputs.contacts).toHaveLength(1);
  // The alarms watch this stack's load balancer and instances.
  const lb = findResource(plan.run, T.loadBalancer);
  const unhealthy = findResource(plan.run, T.alarm, "wechat-monitor-unhealthy-backends");
  expect(JSON.parse(String(unhealthy.inputs.metricDimensions))).toEqual([{ instanceId: lb.id }]);
  const cpu = findResource(plan.run, T.alarm, "wechat-monitor-cpu");
  const instances = resourcesOfType(plan.run, T.instance);
  expect(JSON.parse(String(cpu.inputs.metricDimensions))).toEqual(instances.map((i) => ({ instanceId: i.id })));
  // Every instance runs Logtail with the machine group's identifier.
  const group = findResource(plan.run, T.machineGroup);
  for (const instance of instances) {
    const userData = String(instance.inputs.userData);
    const decoded = userData.startsWith("#cloud-config") ? userData : Buffer.from(userData, "base64").toString("utf8");
    expect(decoded).toContain(`path: ${LOGTAIL_ID_PATH}`);
    expect(decoded).toContain(`${(group.inputs.identifyLists as string[])[0]}\n`);
    expect(decoded).toMatch(/logtail-release-cn-hangzhou\.oss-cn-hangzhou-internal\.aliyuncs\.com\/linux64\/logtail\.sh/);
  }
});

test("dev has no monitoring and no Logtail", async () => {
  const plan = await planOf({ stack: "dev" });
  expect(resourcesOfType(plan.run, T.fcFunction)).toHaveLength(0);
  expect(plan.run.resources.filter((r) => r.type.startsWith("alicloud:cms/") || r.type.startsWith("alicloud:log/"))).toEqual([]);
  const userData = String(findResource(plan.run, T.instance).inputs.userData);
  const decoded = userData.startsWith("#cloud-config") ? userData : Buffer.from(userData, "base64").toString("utf8");
  expect(decoded).not.toContain("logtail");
});
