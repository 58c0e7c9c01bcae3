// What the project's commands (plan, render, check-renewal) say about how they are called, in
// Chinese: the same ids and parameters as en.ts. Options, placeholders' syntax and commands stay as written.
import type { CommandMessages } from "./en";

export const zhCN: CommandMessages = {
  planUsage: () =>
    "用法：npm run plan -- --stack <栈名> [--config-file <Pulumi.<栈>.yaml>] [--json] [--lang en|zh-CN]\n" +
    "      npm run plan -- --stack <栈名> --diff <git 引用> [--markdown | --json] [--lang en|zh-CN]\n" +
    "  费用估算的假设：[--hours 730] [--traffic-gb 20] [--requests 1000000] [--lcu 0.1]",
  renderUsage: () => "用法：npm run render -- --stack <栈名> [--config-file <Pulumi.<栈>.yaml>] --out <目录> [--lang en|zh-CN]",
  checkRenewalUsage: () => "用法：npm run check-renewal -- <preview.json | ->   （pulumi preview --json 的输出）",
  badLang: (p) => `--lang ${p.value}：请写 en 或 zh-CN`,
  stackMissing: () => "请指定栈（--stack dev）或栈文件（--config-file 路径）",
  stackOrOutMissing: () => "请指定栈（--stack dev）或栈文件（--config-file 路径），以及 --out <目录>",
  markdownWithoutDiff: () => "--markdown 用于格式化计划差异：请加上 --diff <git 引用>",
  markdownAndJson: () => "--markdown 和 --json 只能选一个",
  oneFile: () => "请给出一个文件：pulumi preview --json 的输出",
  wrote: (p) => `已写入 ${p.file}（${p.bytes} 字节）`,

  planTitle: (p) => `栈 "${p.stack}" 的离线计划（${p.source}）`,
  planTitleEnvironment: (p) => `，环境 ${p.environment}`,
  planNoCloudCalls: () => "不调用任何云 API：只有阿里云才知道的值显示为 (known after apply)，secret 显示为 [secret]。",
  planLookups: () => "查询（在 pulumi preview 时向云端发起；依赖前一个查询结果的查询不列出）：",
  planUserData: (p) => `实例自定义数据（user data）：${p.bytes} 字节，ECS 最多接受 ${p.limit} 字节（base64 编码前），占 ${p.percent}%。`,
  planOutputs: () => "栈输出：",
  planWarnings: () => "警告：",
  planChecksNotRun: () => "离线计划无法运行的检查：",
  planSummary: (p) => `将要创建 ${p.total} 个资源（${p.provider} 个 provider 资源，${p.components} 个组件）。`,

  costTitle: (p) =>
    `每月费用估算（人民币）：只是估算，不是报价（${p.date} 的按量付费目录价，见 tools/costs/priceTable.ts；未计折扣和免费额度）：`,
  costAssumptions: (p) =>
    `  假设：每月 ${p.hours} 小时、公网出流量 ${p.traffic} GB、${p.requests} 次请求、CLB 每小时 ${p.lcu} LCU` +
    "（用 --hours、--traffic-gb、--requests、--lcu 修改）",
  costTotal: () => "合计",
  costFree: (p) => `另有 ${p.count} 个资源本身不收费（VPC、安全组、RAM、OOS 参数、DNS、云助手）。`,
  costUnconfirmed: () => "? ：尚未在阿里云页面上核实的价格；npm run prices -- --check 用 BSS 核对价格表",
  costNotPriced: (p) => `未计价：${p.what}`,
  costOtherEdge: (p) => `同一个栈改用 edge ${p.edge}：每月 ${p.total}。`,
  costOtherEdgeFailed: (p) => `同一个栈改用 edge ${p.edge} 时无法估算：${p.reason}`,
  costBadNumber: (p) => `--${p.flag} "${p.value}"：请给出 0 到 ${p.max} 之间的数，例如 --${p.flag} 10`,
};
