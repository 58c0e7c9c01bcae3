// The keys for what WeChat itself fetches from the backend: the WeChat Pay notify path, the message
// push path and the domain verification files. WeChat Pay refuses a notify_url with a query string,
// a port or no path ("不能携带查询参数", "不建议使用带端口…的通知URL"; pay.weixin.qq.com chapter3_2_5, the
// notification docs and Practices/chapter1_1_5); message push takes http on 80 or https on 443
// (developers.weixin.qq.com/miniprogram/dev/framework/server-ability/message-push.html), and this
// stack gives it https on 443, its own path, no query (WeChat adds its own); a verification file must
// come back exactly as WeChat issued it. Each is checked here, in a message of its own key.
import { URL_PATH_PATTERN } from "../constants";
import type { Problems } from "../problems";
import {
  BUSINESS_DOMAIN_FILE_PATTERN,
  NOTIFY_URL_MAX_LENGTH,
  VERIFY_FILE_CONTENT_MAX_LENGTH,
  callbackUrl,
  isVerifyFileContent,
  isVerifyFileName,
} from "../wechat";
import type { ConfigValues } from "./keys";
import type { ConfigMessages } from "./messages";
import { setCommand } from "./read";

export interface WechatSettings {
  readonly payNotifyPath?: string;
  readonly messagePushPath?: string;
  readonly wechatVerifyFiles: Readonly<Record<string, string>>;
}

interface WechatInput {
  readonly values: ConfigValues;
  /** The stack's domain, "" when it is invalid (then URL lengths are not judged). */
  readonly domain: string;
  readonly healthPath: string;
  readonly problems: Problems;
  readonly m: ConfigMessages;
}

type CallbackKey = "payNotifyPath" | "messagePushPath";

/** Why WeChat (or this stack) cannot take `value` as a callback path; undefined when it can. */
function callbackProblem(input: WechatInput, key: CallbackKey, value: string): string | undefined {
  const { m } = input;
  const said = { key, value, fix: setCommand(key) };
  if (/^[a-z][a-z0-9+.-]*:/i.test(value) || value.startsWith("//")) return m.callbackIsUrl(said);
  if (value.includes("?")) return key === "payNotifyPath" ? m.payNotifyQuery(said) : m.messagePushQuery(said);
  if (value.includes("#")) return m.callbackFragment(said);
  if (!URL_PATH_PATTERN.test(value)) return m.callbackNotPath(said);
  if (value === "/") return key === "payNotifyPath" ? m.payNotifyRoot(said) : m.messagePushRoot(said);
  if (value === input.healthPath) return m.callbackIsHealthPath({ key, path: value });
  return undefined;
}

/** The path, or undefined (not set, or refused with a problem). */
function callbackPath(input: WechatInput, key: CallbackKey): string | undefined {
  const value = input.values[key];
  if (value === "") return undefined;
  const problem = callbackProblem(input, key, value);
  if (problem === undefined) return value;
  input.problems.error(problem);
  return undefined;
}

function checkNotifyUrlLength(input: WechatInput, path: string): void {
  if (input.domain === "") return;
  const url = callbackUrl(input.domain, path);
  if (url.length > NOTIFY_URL_MAX_LENGTH) {
    input.problems.error(input.m.callbackTooLong({ key: "payNotifyPath", url, length: url.length, max: NOTIFY_URL_MAX_LENGTH }));
  }
}

/** Names and contents checked (read.ts has trimmed the contents of the whitespace and BOM a copied file brings along). */
function verifyFiles(input: WechatInput, taken: ReadonlyMap<string, string>): Record<string, string> {
  const key = "wechatVerifyFiles";
  const { problems, m } = input;
  const fix = setCommand(key);
  const files: Record<string, string> = {};
  for (const [name, content] of Object.entries(input.values.wechatVerifyFiles)) {
    if (!isVerifyFileName(name)) {
      problems.error(m.verifyFileName({ key, name, fix }));
      continue;
    }
    if (!isVerifyFileContent(content)) {
      problems.error(m.verifyFileContent({ key, name, max: VERIFY_FILE_CONTENT_MAX_LENGTH, fix }));
      continue;
    }
    const other = taken.get(`/${name}`);
    if (other) {
      problems.error(m.verifyFileShadows({ key, name, other }));
      continue;
    }
    if (BUSINESS_DOMAIN_FILE_PATTERN.test(name) && !/^[0-9a-f]{32}$/i.test(content)) {
      problems.warning(m.verifyFileContentShape({ key, name }));
    }
    files[name] = content;
  }
  return files;
}

export function resolveWechat(input: WechatInput): WechatSettings {
  const payNotifyPath = callbackPath(input, "payNotifyPath");
  const messagePushPath = callbackPath(input, "messagePushPath");
  if (payNotifyPath) checkNotifyUrlLength(input, payNotifyPath);
  if (payNotifyPath && payNotifyPath === messagePushPath) input.problems.warning(input.m.callbacksSamePath({ path: payNotifyPath }));
  const taken = new Map<string, string>([[input.healthPath, "healthPath"]]);
  if (payNotifyPath) taken.set(payNotifyPath, "payNotifyPath");
  if (messagePushPath) taken.set(messagePushPath, "messagePushPath");
  return { payNotifyPath, messagePushPath, wechatVerifyFiles: verifyFiles(input, taken) };
}
