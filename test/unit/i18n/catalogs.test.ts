// Every message exists in both languages, with the same parameters, and the Chinese one is Chinese;
// and a run picks its language the way C programs do (LC_ALL, LC_MESSAGES, LANG) or from --lang.
import { CERTIFICATE_CATALOGS } from "../../../lib/certificates/messages";
import { CONFIG_CATALOGS } from "../../../lib/config/messages";
import { MINIPROGRAM_CATALOGS } from "../../../tools/miniprogram/messages";
import { COMMAND_CATALOGS } from "../../../tools/messages";
import { ALERT_CATALOGS } from "../../../monitor/catalogs";
import { CLOUD_CATALOGS } from "../../../lib/cloud/messages";
import { INSTANCE_CATALOGS } from "../../../lib/instance/messages";
import { VERIFIER_CATALOGS } from "../../../verifier/messages";
import { environmentValueFor, joinList, localeFromEnvironment, parseLocale, type Catalog } from "../../../lib/i18n";
import { HAN, renderAll } from "../../support/catalogs";

const PAIRS: [string, Catalog, Catalog][] = [
  ["config", CONFIG_CATALOGS.en, CONFIG_CATALOGS["zh-CN"]],
  ["certificate", CERTIFICATE_CATALOGS.en, CERTIFICATE_CATALOGS["zh-CN"]],
  ["miniprogram", MINIPROGRAM_CATALOGS.en, MINIPROGRAM_CATALOGS["zh-CN"]],
  ["command", COMMAND_CATALOGS.en, COMMAND_CATALOGS["zh-CN"]],
  ["alert", ALERT_CATALOGS.en, ALERT_CATALOGS["zh-CN"]],
  ["cloud lookup", CLOUD_CATALOGS.en, CLOUD_CATALOGS["zh-CN"]],
  ["instance", INSTANCE_CATALOGS.en, INSTANCE_CATALOGS["zh-CN"]],
  ["verifier", VERIFIER_CATALOGS.en, VERIFIER_CATALOGS["zh-CN"]],
];

describe.each(PAIRS)("the %s messages", (_, en, zh) => {
  const english = renderAll(en);
  const chinese = renderAll(zh);

  test("have the same ids in English and Chinese", () => {
    expect(Object.keys(chinese).sort()).toEqual(Object.keys(english).sort());
  });

  /** The parameters a message shows (some only steer the grammar, like a count for "it"/"them"). */
  const shown = (r: { text: string; params: string[] }) => r.params.filter((param) => r.text.includes(`<${param}>`));

  test.each(Object.keys(english))("%s: shows the same parameters in both, Chinese in zh-CN, English in en", (id) => {
    expect(shown(chinese[id])).toEqual(shown(english[id]));
    // A message with words in it has Chinese words in zh-CN (pure formats like "<url> (<status>)" have none).
    if (/\b[a-z]{3,}\b/.test(english[id].text.replace(/<\w+>/g, ""))) expect(chinese[id].text).toMatch(HAN);
    // English messages may quote WeChat's Chinese terms (备案, 业务域名, console menus), but are not
    // Chinese sentences: those have Chinese punctuation.
    expect(english[id].text).not.toMatch(/[，。；：（）]/);
  });
});

describe("the locale of a run", () => {
  test.each([
    [{ LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "zh_TW.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "C.UTF-8", LANG: "zh_CN.UTF-8" }, "en"],
    [{ LC_MESSAGES: "zh_CN.UTF-8", LANG: "en_US.UTF-8" }, "zh-CN"],
    [{ LC_ALL: "", LANG: "zh_CN.UTF-8" }, "zh-CN"],
    [{ LANG: "en_US.UTF-8" }, "en"],
    [{}, "en"],
  ])("%j is %s", (env, locale) => {
    expect(localeFromEnvironment(env)).toBe(locale);
  });

  test("--lang takes en and zh-CN in their usual spellings and nothing else", () => {
    expect(["zh-CN", "zh", "zh_CN.UTF-8", "ZH-cn"].map(parseLocale)).toEqual(["zh-CN", "zh-CN", "zh-CN", "zh-CN"]);
    expect(["en", "en-US", "C"].map(parseLocale)).toEqual(["en", "en", "en"]);
    expect(["fr", "chinese", ""].map(parseLocale)).toEqual([undefined, undefined, undefined]);
  });

  test("the environment value for a locale selects it again", () => {
    for (const locale of ["en", "zh-CN"] as const) expect(localeFromEnvironment({ LC_ALL: environmentValueFor(locale) })).toBe(locale);
  });

  test("lists join the way each language does", () => {
    expect(joinList("en", ["dev", "prod"], "or")).toBe("dev or prod");
    expect(joinList("en", ["a", "b", "c"])).toBe("a, b and c");
    expect(joinList("zh-CN", ["acme", "pem", "cas"], "or")).toBe("acme、pem 或 cas");
  });
});
