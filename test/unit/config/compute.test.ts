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
    [{ "wechat-https-backend:readinessTimeout": "60" }, /readinessTimeout: 60 is outside 300-3600/],
    [{ "wechat-https-backend:imageId": "ubuntu 22.04" }, /imageId: "ubuntu 22.04" is not an ECS image id/],
  ])("%j is refused naming the key and the fix", (values, message) => {
    expect(refused(values).join("\n")).toMatch(message);
  });
});
