// The ICP filing (备案) in the stack config: icpLicense must be written as the MIIT record writes a
// filing number, and the refusal says so in both languages.
import fc from "fast-check";
import { resolveStackConfig, type ConfigInput } from "../../../lib/config/stackConfig";
import { fullKeys, problemsOf } from "../../support/config";

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
