// What the docs say WeChat's rules are, held to WeChat's own pages (network.html, message-push.html):
// statements that were wrong once must not come back, in either language.
import { readFileSync } from "node:fs";
import * as path from "node:path";
import { PROJECT_DIR } from "../../support/paths";

/** A page with its line breaks undone: English lines join with a space, Chinese ones without. */
const read = (file: string, joiner: string) => readFileSync(path.join(PROJECT_DIR, file), "utf8").replace(/\n(?!\n| *[-|#`]) */g, joiner);
const pages = {
  en: { readme: read("README.md", " "), troubleshooting: read("docs/troubleshooting.md", " ") },
  zh: { readme: read("README.zh-CN.md", ""), troubleshooting: read("docs/troubleshooting.zh-CN.md", "") },
};

test("no page presents the default port as WeChat's rule: https may register a port, wss registers none", () => {
  expect(pages.en.readme).not.toMatch(/on the default port/);
  expect(pages.zh.readme).not.toMatch(/使用默认端口/);
  expect(pages.en.troubleshooting).not.toMatch(/no port on a `wss:\/\/` entry/);
  expect(pages.zh.troubleshooting).not.toMatch(/`wss:\/\/` 也不能带端口/);
  expect(pages.en.readme).toContain("a `wss://` domain takes no port, and every port of it is allowed");
  expect(pages.zh.readme).toContain("`wss://` 域名无需配置端口，该域名下所有端口都允许");
  expect(pages.en.troubleshooting).toMatch(/- for `wss:\/\/` \(socket\) a port is never the cause/);
  expect(pages.zh.troubleshooting).toMatch(/- `wss:\/\/`（socket）不会是端口的问题/);
});

test("message push takes http on 80 or https on 443; a query is this project's refusal, not WeChat's", () => {
  expect(pages.en.readme).not.toMatch(/message push takes https on 443/);
  expect(pages.zh.readme).not.toMatch(/消息推送要求 443 端口的 https/);
  for (const { readme, troubleshooting } of [pages.en, pages.zh]) {
    for (const text of [readme, troubleshooting]) expect(text).toMatch(/`http:\/\/`[^\n]*443/);
    expect(readme).toContain("EncodingAESKey");
  }
  expect(pages.en.readme).toMatch(/a query in `messagePushPath` is refused by this project, not by WeChat/);
  expect(pages.zh.readme).toContain("`messagePushPath`带查询参数则是本项目拒绝的，不是微信的规则");
});

test("both troubleshooting pages explain a phone that holds an old domain list", () => {
  expect(pages.en.troubleshooting).toContain("## The console lists the domain, the phone still refuses it");
  expect(pages.zh.troubleshooting).toContain("## 后台已经有这个域名，手机仍然报错");
  for (const text of [pages.en.troubleshooting, pages.zh.troubleshooting]) {
    expect(text).toContain("详情 → 项目配置 → 域名信息");
    expect(text).toContain("最近使用");
  }
});
