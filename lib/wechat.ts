// The values a team pastes into the WeChat mini program console (开发管理 → 开发设置 → 服务器域名)
// and into its code, and WeChat's rules for the URLs and files it fetches from the backend.
// WeChat rejects ":443" when the registered domain has no port, so no URL here carries one.

export interface WechatDomains {
  /** request合法域名 */
  readonly request: string[];
  /** uploadFile合法域名 */
  readonly uploadFile: string[];
  /** downloadFile合法域名 */
  readonly downloadFile: string[];
  /** socket合法域名 (wss://) */
  readonly socket: string[];
}

export interface WechatConsoleValues {
  readonly wechatDomains: WechatDomains;
  /** Base URL for wx.request, e.g. https://api.example.com/api */
  readonly apiBaseUrl: string;
  /** The wss:// URL of the domain, for wx.connectSocket (the app's socket route goes after it). */
  readonly socketUrl: string;
  readonly healthUrl: string;
}

export function wechatConsoleValues(domain: string, apiBasePath: string, healthPath: string): WechatConsoleValues {
  const https = `https://${domain}`;
  const wss = `wss://${domain}`;
  return {
    wechatDomains: { request: [https], uploadFile: [https], downloadFile: [https], socket: [wss] },
    apiBaseUrl: apiBasePath === "/" ? https : `${https}${apiBasePath}`,
    socketUrl: wss,
    healthUrl: `${https}${healthPath}`,
  };
}

/** The callback URL WeChat is given for a path on the domain: https on 443, no port (WeChat Pay refuses one). */
export function callbackUrl(domain: string, path: string): string {
  return `https://${domain}${path}`;
}

/**
 * WeChat Pay's notify_url: "string(255)" in the v3 order APIs (older tables say [1,256]); the
 * shorter one is safe under both. pay.weixin.qq.com/doc/v3/partner/4015408022
 */
export const NOTIFY_URL_MAX_LENGTH = 255;

/**
 * The domain verification files WeChat asks a domain to serve at its root:
 * - 业务域名 (web-view): a random 10-character name + .txt holding 32 hex characters, as the
 *   getJumpDomainConfirmFile API returns them (file_name, file_content);
 * - Official Account JS 接口安全域名 / 网页授权域名: MP_verify_<16 characters>.txt.
 * Names are case-sensitive, and the checker wants the bare content back (no HTML, BOM or newline).
 */
export const VERIFY_FILE_NAME_PATTERNS: readonly RegExp[] = [/^[A-Za-z0-9]{10}\.txt$/, /^MP_verify_[A-Za-z0-9]{16}\.txt$/];

/** A 业务域名 file's name; its content is 32 hex characters. */
export const BUSINESS_DOMAIN_FILE_PATTERN = /^[A-Za-z0-9]{10}\.txt$/;

/**
 * What a verification file may hold: letters and digits only (WeChat's contents are hex or
 * alphanumeric), so the content can sit inside an nginx `return` string without any quoting.
 */
export const VERIFY_FILE_CONTENT_PATTERN = /^[A-Za-z0-9]+$/;
export const VERIFY_FILE_CONTENT_MAX_LENGTH = 128;

export function isVerifyFileName(name: string): boolean {
  return VERIFY_FILE_NAME_PATTERNS.some((pattern) => pattern.test(name));
}

export function isVerifyFileContent(content: string): boolean {
  return VERIFY_FILE_CONTENT_PATTERN.test(content) && content.length <= VERIFY_FILE_CONTENT_MAX_LENGTH;
}
