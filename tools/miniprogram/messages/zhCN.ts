// What `npm run miniprogram` says, and the header of the env.js it writes, in Chinese.
import type { MiniprogramMessages } from "./en";

export const zhCN: MiniprogramMessages = {
  headerGenerated: () => "由 `npm run miniprogram`（wechat-https-backend）生成；请勿手工修改：修改栈配置后重新运行。",
  headerSource: (p) => `${p.environment}：栈 "${p.stack}"（${p.file}）`,
  headerCommit: (p) => `提交 ${p.commit}`,
  headerCommitDirty: (p) => `提交 ${p.commit}，其中 ${p.files} 有未提交的修改`,
  headerNoCommit: () => "不在 git 仓库中（无提交可标注）",
  headerPick: () =>
    "在 app.js 中（require 只接受相对于当前文件的路径）按运行的版本选择环境（wx.getAccountInfoSync().miniProgram.envVersion，基础库 2.10.0 起）：",
  headerTrial: () => '只有正式版（release）用 production：体验版（envVersion 为 "trial"）和开发版都用 development。',
  headerReview: () =>
    '提交审核时微信默认审核开发版（envVersion 为 "develop"），所以 development 必须是已在后台登记、可访问的 HTTPS 域名，不能是 localhost 或 mock。',
  headerDomains: () => "两个域名都要在 开发管理 → 开发设置 → 服务器域名 中登记：",
  headerMock: () => "两个环境的 enableMock 都是 false：开发版里的 mock 就是审核人员看到的内容。请在本地代码中开启 mock，不要改这里。",
  usage: () =>
    "用法：npm run miniprogram -- --out <目录> [--stack development=<栈名或 Pulumi.<栈>.yaml>] [--stack production=<...>] [--lang en|zh-CN]",
  outMissing: () =>
    "请用 --out <目录> 指定小程序项目（config/env.js 写在它的代码目录中，即 project.config.json 的 miniprogramRoot）或代码目录本身",
  badStackOption: (p) =>
    `--stack ${p.value}：请写 development=<栈> 或 production=<栈>（栈名或 Pulumi.<栈>.yaml 文件；默认 development=dev、production=prod）`,
  badLang: (p) => `--lang ${p.value}：请写 en 或 zh-CN`,
  wrote: (p) => `已写入 ${p.file}（${p.bytes} 字节）`,
  wroteIntoRoot: (p) => `  写在代码目录 "${p.root}" 中，即 ${p.projectFile} 的 miniprogramRoot：在 app.js 中用 ./config/env.js 引用它`,
  projectFileUnreadable: (p) =>
    `${p.file} 不是有效的 JSON，读不出代码包在哪里（miniprogramRoot）：请修好这个文件，或者让 --out 指向有 app.json 的目录`,
  miniprogramRootNotPath: (p) => `${p.file} 中的 miniprogramRoot 不是路径：开发者工具要求写相对于项目的代码目录，例如 "miniprogram/"`,
  miniprogramRootOutside: (p) =>
    `${p.file} 中的 miniprogramRoot "${p.root}" 不是项目内的目录（开发者工具要求相对路径，例如 "miniprogram/"）：请改正它，或者让 --out 指向有 app.json 的目录`,
  miniprogramRootMissing: (p) =>
    `${p.file} 中的 miniprogramRoot "${p.root}" 在这里不是目录，config/env.js 会落在代码包之外：请检查 --out 和 project.config.json，或者让 --out 指向有 app.json 的目录`,
  stackWarning: (p) => `警告：栈 "${p.stack}"：${p.warning}`,
  reviewUnreachable: (p) =>
    `警告：development（栈 "${p.stack}"）使用${p.certificate}，手机不信任：微信审核人员运行的开发版会连到它，所有请求都会失败；提交审核前请给该栈配置受信任的证书`,
  selfSignedCertificate: () => "自签名证书",
  stagingCertificate: () => " Let's Encrypt staging 证书",
};
