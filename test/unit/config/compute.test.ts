// The keys that pin what the instances run on, and the readiness timeout.
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import { problemsOf } from "../../support/config";

const base = {
  "alicloud:region": "cn-hangzhou",
  "wechat-https-backend:domain": "dev.example.com",
  "wechat-https-backend:certificateSource": "selfSigned",
};

function refused(values: Record<string, string>): string[] {
  return problemsOf({ stack: "dev", values: { ...base, ...values } });
}

describe("zoneIds, imageId, instanceType, readinessTimeout", () => {
  test("unset: looked up, the readiness timeout 600 s", () => {
    const { settings } = resolveStackConfig({ stack: "dev", values: base });
    expect(settings).toMatchObject({ readinessTimeoutSeconds: 600 });
    expect(settings.zoneIds).toBeUndefined();
    expect(settings.imageId).toBeUndefined();
  });

  test("set: taken as given", () => {
    const { settings } = resolveStackConfig({
      stack: "dev",
      values: {
        ...base,
        "wechat-https-backend:zoneIds": '["cn-hangzhou-j"]',
        "wechat-https-backend:imageId": "m-bp1abcdefghijklmn",
        "wechat-https-backend:instanceType": "ecs.c7.large",
        "wechat-https-backend:readinessTimeout": "900",
      },
    });
    expect(settings).toMatchObject({
      zoneIds: ["cn-hangzhou-j"],
      imageId: "m-bp1abcdefghijklmn",
      instanceType: "ecs.c7.large",
      readinessTimeoutSeconds: 900,
    });
  });

  test.each([
    [{ "wechat-https-backend:zoneIds": '["cn-shanghai-b"]' }, /zoneIds: "cn-shanghai-b" is not a zone of alicloud:region cn-hangzhou/],
    [{ "wechat-https-backend:zoneIds": '["h"]' }, /zoneIds: "h" is not a zone id such as cn-hangzhou-h/],
    [
      { "wechat-https-backend:zoneIds": '["cn-hangzhou-h","cn-hangzhou-i"]' },
      /zoneIds lists 2 zone\(s\) but zoneCount is 1: .*pulumi stack output zoneIds/,
    ],
    [
      {
        "wechat-https-backend:zoneIds": '["cn-hangzhou-h","cn-hangzhou-h"]',
        "wechat-https-backend:instanceCount": "2",
        "wechat-https-backend:zoneCount": "2",
      },
      /lists a zone twice/,
    ],
    [
      {
        "wechat-https-backend:zoneIds": '["cn-hangzhou-h","cn-hangzhou-xh"]',
        "wechat-https-backend:instanceCount": "2",
        "wechat-https-backend:zoneCount": "2",
      },
      /zoneIds: cn-hangzhou-h, cn-hangzhou-xh end in the same character, which picks each zone's vSwitch range; list zones/,
    ],
    [{ "wechat-https-backend:readinessTimeout": "60" }, /readinessTimeout: 60 is outside 300-3600/],
    [{ "wechat-https-backend:imageId": "ubuntu 22.04" }, /imageId: "ubuntu 22.04" is not an ECS image id/],
  ])("%j is refused naming the key and the fix", (values, message) => {
    expect(refused(values).join("\n")).toMatch(message);
  });
});

test("zoneIds problems in a zh run are Chinese and name zoneIds, as in English", () => {
  const values = { ...base, "wechat-https-backend:zoneIds": '["cn-hangzhou-j", "cn-shanghai-b", "cn-hangzhou-j"]' };
  const zh = problemsOf({ stack: "dev", values, locale: "zh-CN" }).filter((p) => p.startsWith("zoneIds"));
  const en = problemsOf({ stack: "dev", values, locale: "en" }).filter((p) => p.startsWith("zoneIds"));
  expect(en).toHaveLength(3);
  expect(zh).toHaveLength(en.length);
  expect(zh[0]).toBe('zoneIds："cn-shanghai-b" 不是 alicloud:region cn-hangzhou 的可用区；请列出 cn-hangzhou 的可用区，例如 cn-hangzhou-h');
  for (const problem of zh) expect(problem).toMatch(/[\u4e00-\u9fff]/);
});
