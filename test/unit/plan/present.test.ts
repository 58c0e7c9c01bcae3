// The text plan keeps long values short at any depth: a function's zip sits inside its `code`
// object and would otherwise fill the screen.
import { formatPlan } from "../../../tools/plan/present";

test("a long string nested in an input is shown as its length and digest", () => {
  const zip = "UEsDB".repeat(1000);
  const text = formatPlan(
    {
      stack: "prod",
      resources: [
        { type: "alicloud:fc/v3Function:V3Function", name: "fn", inputs: { code: { zipFile: zip }, runtime: "nodejs20" }, options: {} },
      ],
      outputs: {},
      lookups: [],
      warnings: [],
      checksNotRun: [],
    },
    "test",
  );
  expect(text).not.toContain(zip);
  expect(text).toMatch(/code: \{"zipFile":"<5000 characters, sha256 [0-9a-f]{12}…>"\}/);
  expect(text).toContain('runtime: "nodejs20"');
});

describe("the text plan in Chinese", () => {
  const doc = {
    stack: "dev",
    environment: "dev",
    resources: [
      { type: "wechat-https-backend:lb:HttpsLoadBalancer", name: "wechat-lb", inputs: {}, options: {} },
      {
        type: "alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer",
        name: "wechat-lb-clb",
        parent: "wechat-https-backend:lb:HttpsLoadBalancer::wechat-lb",
        inputs: { addressType: "internet" },
        options: { protect: true },
      },
    ],
    outputs: { apiBaseUrl: "https://dev.example.com/api" },
    lookups: [{ token: "alicloud:index/getZones:getZones", args: {} }],
    warnings: ["一条警告"],
    checksNotRun: ["一项检查"],
    userData: { bytes: 16384, limitBytes: 32768 },
  };
  const en = formatPlan(doc, "Pulumi.dev.yaml");
  const zh = formatPlan(doc, "Pulumi.dev.yaml", "zh-CN");
  const lineOf = (text: string, marker: string) => text.split("\n").findIndex((line) => line.includes(marker));

  test("has its headings and summary in Chinese, none of the English ones", () => {
    expect(zh).toContain('栈 "dev" 的离线计划（Pulumi.dev.yaml），环境 dev\n');
    for (const heading of ["查询（在 pulumi preview 时向云端发起", "\n栈输出：\n", "\n警告：\n", "\n离线计划无法运行的检查：\n"]) {
      expect(zh).toContain(heading);
    }
    expect(zh).toContain("实例自定义数据（user data）：16384 字节，ECS 最多接受 32768 字节（base64 编码前），占 50%。");
    expect(zh).toContain("将要创建 2 个资源（1 个 provider 资源，1 个组件）。");
    for (const english of [
      "Offline plan",
      "Lookups",
      "Outputs:",
      "Warnings:",
      "Checks the offline plan",
      "resources to create",
      "User data:",
    ]) {
      expect(zh).not.toContain(english);
    }
  });

  test("keeps the resource list as the engine names it, line for line the English plan's", () => {
    const list = (text: string) =>
      text.split("\n").slice(lineOf(text, "+ wechat-https-backend"), lineOf(text, "alicloud:index/getZones") - 2);
    expect(list(zh)).toEqual(list(en));
    expect(list(zh)).toContain("  + alicloud:slb/applicationLoadBalancer:ApplicationLoadBalancer  wechat-lb-clb  [protected]");
  });
});
