// The values a team pastes into the WeChat mini program console (开发管理 → 开发设置 → 服务器域名)
// and into its code. WeChat rejects ":443" when the registered domain has no port, so none carries one.

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
  readonly healthUrl: string;
}

export function wechatConsoleValues(domain: string, apiBasePath: string, healthPath: string): WechatConsoleValues {
  const https = `https://${domain}`;
  return {
    wechatDomains: { request: [https], uploadFile: [https], downloadFile: [https], socket: [`wss://${domain}`] },
    apiBaseUrl: apiBasePath === "/" ? https : `${https}${apiBasePath}`,
    healthUrl: `${https}${healthPath}`,
  };
}
