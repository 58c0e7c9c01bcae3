// The ICP filing (备案) in the stack config: icpLicense must be written as the MIIT record writes a
// filing number, and the refusal says so in both languages.
import fc from "fast-check";
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { CONFIG_CATALOGS } from "../../../lib/config/messages";
import { resolveStackConfig, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, problemsOf } from "../../support/config";
import { PROJECT_DIR } from "../../support/paths";

const devBase = { domain: "api.shop-demo.cn", certificateSource: "selfSigned" };

function input(values: Record<string, string>, locale: "en" | "zh-CN" = "en"): ConfigInput {
  return { stack: "dev", locale, values: { "alicloud:region": "cn-hangzhou", ...fullKeys({ ...devBase, ...values }) } };
}

const icpProblems = (license: string, locale: "en" | "zh-CN" = "en") =>
  problemsOf(input({ icpLicense: license }, locale)).filter((p) => p.startsWith("icpLicense"));

/** The icpLicense problems of a config, none when it is accepted. */
function icpProblemsIfAny(license: string): string[] {
  try {
    resolveStackConfig(input({ icpLicense: license }));
    return [];
  } catch {
    return icpProblems(license);
  }
}

describe("icpLicense: the format of a 备案号", () => {
  test.each(["京ICP备12345678号-1", "粤ICP备2023012345号", "蜀ICP备05070012号-12", "沪ICP备1234号-1"])("%s is accepted", (license) => {
    expect(() => resolveStackConfig(input({ icpLicense: license }))).not.toThrow();
  });

  test.each([
    ["粤ICP备12345678", "no 号"],
    ["ICP备12345678号-1", "no province"],
    ["京ICP证030173号", "an ICP 经营许可证 number, not the filing"],
    ["京ICP备12345678号-", "a dash without the website's number"],
    ["京 ICP 备 12345678 号", "spaces inside"],
    ["京ICP备1234567X号", "a letter among the digits"],
    ["京ICP备12345678号-1X", "a letter after the website's number"],
    ["icp12345678", "only the letters ICP"],
  ])("%s is refused (%s), naming the key, the format and the fix", (license) => {
    const [problem, ...rest] = icpProblems(license);
    expect(rest).toEqual([]);
    expect(problem).toContain(`icpLicense: "${license}" is not an ICP filing number (备案号): province abbreviation + ICP备 + digits + 号`);
    expect(problem).toMatch(/pulumi config set icpLicense '京ICP备12345678号-1'$/);
  });

  test("any province abbreviation with digits, 号 and an optional website number is a filing number; anything else around it is not", () => {
    const province = fc.constantFrom(..."京津沪渝冀晋蒙辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕秦甘陇青宁新");
    const digits = fc.stringMatching(/^\d{1,12}$/);
    const site = fc.option(fc.integer({ min: 1, max: 99 }), { nil: undefined });
    fc.assert(
      fc.property(province, digits, site, fc.constantFrom("", "x", " 号", "-"), (p, d, s, tail) => {
        const license = `${p}ICP备${d}号${s === undefined ? "" : `-${s}`}${tail}`;
        const problems = icpProblemsIfAny(license);
        // Each tail breaks the format.
        expect(problems).toHaveLength(tail === "" ? 0 : 1);
      }),
      { numRuns: 60 },
    );
  });

  test("in Chinese, the format is named after a space, as Chinese typography sets a Latin word (不是 ICP 备案号)", () => {
    const [problem] = icpProblems("粤ICP备12345678", "zh-CN");
    expect(problem).toContain('icpLicense："粤ICP备12345678" 不是 ICP 备案号（省份简称 + ICP备 + 数字 + 号');
    // Shapes that start with a Chinese word stay unspaced.
    const [email] = problemsOf(input({ certificateSource: "acme", acmeEmail: "ops" }, "zh-CN")).filter((p) => p.startsWith("acmeEmail"));
    expect(email).toContain('acmeEmail："ops" 不是邮箱地址；');
  });
});

describe("what can carry the filing: the stack says so before anything is created", () => {
  const warningsOf = (values: Record<string, string>, region = "cn-hangzhou", locale: "en" | "zh-CN" = "en", stack = "dev") =>
    resolveStackConfig({ stack, locale, values: { "alicloud:region": region, ...fullKeys({ ...devBase, ...values }) } }).warnings;
  const carrier = (warnings: string[]) => warnings.filter((w) => w.includes("备案服务码"));
  /** The warning states each fact and ends with the command that records the filing. */
  const expectFacts = (warning: string, facts: string[]) => {
    for (const fact of facts) expect(warning).toContain(fact);
    expect(warning).toContain("pulumi config set icpLicense '京ICP备12345678号-1'");
  };

  test("without a filing number, a warning names what Alibaba Cloud files on, why this stack is none of it, and the way out", () => {
    const [warning, ...more] = carrier(warningsOf({}));
    expect(more).toEqual([]);
    // Eligible products and terms (help doc 36891), why the CLB and the instances are not, and the fix.
    expectFacts(warning, [
      "subscription (包年包月) ECS instance with public bandwidth",
      "3 months or more",
      "Simple Application Server",
      "Chinese mainland region",
      "a CLB is not eligible",
      "pay-as-you-go (按量付费) without a public IP",
      "接入备案",
    ]);
    // In dev it replaces the bare "not set" warning, which says less.
    expect(warningsOf({}).filter((w) => w.startsWith("icpLicense is not set"))).toEqual([]);
  });

  test("the example number counts as no filing; a real one ends the warning", () => {
    expect(carrier(warningsOf({ icpLicense: "京ICP备00000000号-1" }))).toHaveLength(1);
    expect(carrier(warningsOf({ icpLicense: "浙ICP备2023012345号-2" }))).toEqual([]);
  });

  test("in Chinese, with the same facts and the same command", () => {
    const [warning] = carrier(warningsOf({}, "cn-shanghai", "zh-CN"));
    expectFacts(warning, [
      "包年包月",
      "公网带宽",
      "3 个月",
      "轻量应用服务器",
      "负载均衡 CLB 不在可备案产品之列",
      "按量付费且没有公网 IP",
      "接入备案",
    ]);
  });

  test.each(["ap-southeast-1", "cn-hongkong", "eu-central-1"])(
    "%s is outside the mainland: the warning says a WeChat backend cannot be filed there, and names a mainland region",
    (region) => {
      const warnings = warningsOf({}, region);
      expect(carrier(warnings)).toEqual([]);
      expect(warnings).toContainEqual(
        expect.stringMatching(new RegExp(`^alicloud:region ${region} is outside the Chinese mainland: .*接入准确性核查.*cn-hangzhou$`)),
      );
      expect(warningsOf({}, region, "zh-CN")).toContainEqual(
        expect.stringMatching(
          new RegExp(`^alicloud:region ${region} 不在中国内地：微信只接受已 ICP 备案的域名.*接入准确性核查.*cn-hangzhou$`),
        ),
      );
      // Even with a filing number: the filed domain would not resolve to the mainland.
      expect(warningsOf({ icpLicense: "京ICP备12345678号-1" }, region).some((w) => w.includes("outside the Chinese mainland"))).toBe(true);
    },
  );

  test("mainland regions, the finance ones included, are not warned about", () => {
    for (const region of ["cn-hangzhou", "cn-beijing", "cn-shanghai-finance-1"]) {
      expect(warningsOf({ icpLicense: "京ICP备12345678号-1" }, region).filter((w) => w.includes("mainland"))).toEqual([]);
    }
  });
});

test("the README sections the filing messages point to exist, in each language", () => {
  const heading = (file: string, title: string) => readFileSync(path.join(PROJECT_DIR, file), "utf8").split("\n").includes(`## ${title}`);
  const en = CONFIG_CATALOGS.en.icpNoCarrier({ fix: "<fix>" });
  const zh = CONFIG_CATALOGS["zh-CN"].icpNoCarrier({ fix: "<fix>" });
  const enTitle = /README: "([^"]+)"/.exec(en)?.[1] ?? "";
  const zhTitle = /README\.zh-CN\.md“([^”]+)”/.exec(zh)?.[1] ?? "";
  expect(heading("README.md", enTitle)).toBe(true);
  expect(heading("README.zh-CN.md", zhTitle)).toBe(true);
  expect(CONFIG_CATALOGS.en.icpNotSet({ fix: "<fix>" })).toContain(`"${enTitle}"`);
  expect(CONFIG_CATALOGS["zh-CN"].icpNotSet({ fix: "<fix>" })).toContain(`“${zhTitle}”`);
});

describe("no filing yet, at the instance edge", () => {
  test("the warning names the EIP (publicAddress) as the website's address, not a load balancer, in both languages", () => {
    const en = resolveStackConfig(input({ edge: "instance" })).warnings.find((w) => w.startsWith("no ICP filing"));
    expect(en).toMatch(
      /this stack's instance cannot start one.*pay-as-you-go.*pulumi stack output publicAddress.*pulumi config set icpLicense/,
    );
    expect(en).not.toMatch(/a CLB is not eligible/);
    const zh = resolveStackConfig(input({ edge: "instance" }, "zh-CN")).warnings.find((w) => w.startsWith("icpLicense 中没有记录"));
    expect(zh).toMatch(/publicAddress/);
    expect(resolveStackConfig(input({})).warnings.find((w) => w.startsWith("no ICP filing"))).toMatch(/a CLB is not eligible/);
  });
});
