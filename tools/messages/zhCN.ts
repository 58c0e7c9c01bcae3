// What the project's commands (plan, render, check-renewal) say about how they are called, in
// Chinese: the same ids and parameters as en.ts. Options, placeholders' syntax and commands stay as written.
import type { CommandMessages } from "./en";

export const zhCN: CommandMessages = {
  planUsage: () =>
    "用法：npm run plan -- --stack <栈名> [--config-file <Pulumi.<栈>.yaml>] [--json] [--lang en|zh-CN]\n" +
    "      npm run plan -- --stack <栈名> --diff <git 引用> [--markdown | --json] [--lang en|zh-CN]",
  renderUsage: () => "用法：npm run render -- --stack <栈名> [--config-file <Pulumi.<栈>.yaml>] --out <目录> [--lang en|zh-CN]",
  checkRenewalUsage: () => "用法：npm run check-renewal -- <preview.json | ->   （pulumi preview --json 的输出）",
  badLang: (p) => `--lang ${p.value}：请写 en 或 zh-CN`,
  stackMissing: () => "请指定栈（--stack dev）或栈文件（--config-file 路径）",
  stackOrOutMissing: () => "请指定栈（--stack dev）或栈文件（--config-file 路径），以及 --out <目录>",
  markdownWithoutDiff: () => "--markdown 用于格式化计划差异：请加上 --diff <git 引用>",
  markdownAndJson: () => "--markdown 和 --json 只能选一个",
  oneFile: () => "请给出一个文件：pulumi preview --json 的输出",
  wrote: (p) => `已写入 ${p.file}（${p.bytes} 字节）`,
};
