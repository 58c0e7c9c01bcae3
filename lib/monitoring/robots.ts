// Group chat robots the alerts go to: which kind a webhook URL is, and how that kind wants a message.
// Shared by the stack config (which refuses a URL it cannot post to, without ever printing it) and
// the monitoring function (which posts). Nothing here may put a URL, key, token or signing secret
// into a message: callers name a robot by its position and kind only.
//
// Formats, from the robots' own documentation:
// - WeCom (企业微信) group robot: POST https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=<key>, JSON
//   {"msgtype":"markdown","markdown":{"content":"..."}}; content at most 4096 bytes of UTF-8; no signing,
//   the key is the only secret (developer.work.weixin.qq.com/document/path/91770).
// - DingTalk custom robot: POST https://oapi.dingtalk.com/robot/send?access_token=<token>, JSON
//   {"msgtype":"markdown","markdown":{"title":"...","text":"..."}}; with 加签 (signing) the URL also
//   carries &timestamp=<ms>&sign=urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))).
// Both answer HTTP 200 with {"errcode":0,...} on success and a non-zero errcode otherwise.
import { createHmac } from "node:crypto";

export type RobotKind = "wecom" | "dingtalk";

/** One robot as the function receives it (inside a secret environment variable). */
export interface Robot {
  readonly kind: RobotKind;
  /** The webhook URL, secret: it alone lets anyone post to the group. */
  readonly url: string;
  /** DingTalk signing secret ("SEC..."), when the robot has 加签 turned on. */
  readonly secret?: string;
}

const HOSTS: Record<string, { kind: RobotKind; path: string; param: string }> = {
  "qyapi.weixin.qq.com": { kind: "wecom", path: "/cgi-bin/webhook/send", param: "key" },
  "oapi.dingtalk.com": { kind: "dingtalk", path: "/robot/send", param: "access_token" },
};

/** DingTalk shows signing secrets as "SEC" followed by letters and digits. */
const DINGTALK_SECRET = /^SEC[A-Za-z0-9]{16,128}$/;

/** Why an `alertWebhooks` entry is refused, as data the config words in the run's language; never the URL or the secret. */
export type RobotProblem =
  | { readonly problem: "notUrl" }
  | { readonly problem: "otherHost"; readonly host: string }
  | { readonly problem: "notHttps"; readonly kind: RobotKind }
  | { readonly problem: "notWebhook"; readonly kind: RobotKind; readonly path: string; readonly param: string }
  | { readonly problem: "brokenEscape" }
  | { readonly problem: "secretNotDingTalk" }
  | { readonly problem: "badSecret" };

/**
 * Parses one `alertWebhooks` entry: a WeCom or DingTalk robot URL; a DingTalk robot with signing
 * carries its secret after "#" (a URL fragment is never sent over the network). Returns the robot,
 * or a problem that names neither the URL nor the secret.
 */
export function parseRobot(entry: string): Robot | RobotProblem {
  let url: URL;
  try {
    url = new URL(entry.trim());
  } catch {
    return { problem: "notUrl" };
  }
  const host = HOSTS[url.hostname.toLowerCase()];
  if (!host) return { problem: "otherHost", host: url.hostname };
  if (url.protocol !== "https:") return { problem: "notHttps", kind: host.kind };
  if (url.pathname !== host.path || !url.searchParams.get(host.param)) {
    return { problem: "notWebhook", kind: host.kind, path: host.path, param: host.param };
  }
  let fragment: string;
  try {
    fragment = decodeURIComponent(url.hash.replace(/^#/, ""));
  } catch {
    return { problem: "brokenEscape" };
  }
  url.hash = "";
  if (fragment === "") return { kind: host.kind, url: url.href };
  if (host.kind !== "dingtalk") return { problem: "secretNotDingTalk" };
  if (!DINGTALK_SECRET.test(fragment)) return { problem: "badSecret" };
  return { kind: "dingtalk", url: url.href, secret: fragment };
}

/** The URL to post to: DingTalk's signed robots need a fresh timestamp and signature on every message. */
export function signedUrl(robot: Robot, now: number): string {
  if (robot.kind !== "dingtalk" || robot.secret === undefined) return robot.url;
  const sign = createHmac("sha256", robot.secret).update(`${now}\n${robot.secret}`).digest("base64");
  const url = new URL(robot.url);
  url.searchParams.set("timestamp", String(now));
  url.searchParams.set("sign", sign);
  return url.href;
}

/** WeCom refuses markdown content over 4096 bytes; DingTalk's limit is larger but unpublished, so both keep to it. */
export const MAX_MESSAGE_BYTES = 4096;

/** Cuts text to at most `maxBytes` of UTF-8 without splitting a character, marking the cut with `marker`. */
export function truncateUtf8(text: string, maxBytes: number, marker = "\n…(cut)"): string {
  if (Buffer.byteLength(text, "utf8") <= maxBytes) return text;
  let budget = maxBytes - Buffer.byteLength(marker, "utf8");
  let out = "";
  for (const char of text) {
    const size = Buffer.byteLength(char, "utf8");
    if (size > budget) break;
    out += char;
    budget -= size;
  }
  return out + marker;
}

/** The JSON body each kind of robot takes for a markdown message with a title. */
export function robotBody(kind: RobotKind, title: string, markdown: string): string {
  const text = truncateUtf8(`### ${title}\n${markdown}`, MAX_MESSAGE_BYTES);
  return kind === "wecom"
    ? JSON.stringify({ msgtype: "markdown", markdown: { content: text } })
    : JSON.stringify({ msgtype: "markdown", markdown: { title, text } });
}

/** Every piece of a robot that must never reach a log line: the URL, its key or token, the signing secret. */
export function robotSecrets(robot: Robot): string[] {
  const url = new URL(robot.url);
  const values = [robot.url, url.search.slice(1), ...url.searchParams.values()];
  if (robot.secret) values.push(robot.secret);
  return values.filter((value) => value.length >= 6);
}
