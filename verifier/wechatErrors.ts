// What a mini program shows when the endpoint fails a check: WeChat's own error text (never
// translated: it is what developers search for) and how sure we are of it. The phones it happens on
// are described in the message catalogs (devices*), because that part is read, not searched.
//
// Sources (see docs/troubleshooting.md):
// - errno 600001 is "cronet component error"; errMsg carries Chromium's net error (errno table,
//   developers.weixin.qq.com/miniprogram/dev/framework/usability/PublicErrno.html).
// - The ERR_CERT_AUTHORITY_INVALID message is quoted verbatim from developer forum reports; the
//   COMMON_NAME (-200) and DATE (-201) forms follow it with Chromium's codes (net/base/net_error_list.h).
// - The socket's "TLS handshake failed" (errCode 1004) is a forum report; "ssl hand shake error" was
//   found in no post or page read (it comes from the project's issue), so both are marked unconfirmed.
import type { VerifierMessages } from "./messages/en";
import type { WechatView } from "./types";

/** How a WeChat error text is known. */
export type Source = "official" | "community" | "derived" | "unconfirmed";

export interface Symptom {
  /** WeChat's error texts, verbatim; empty when the mini program shows no error. */
  readonly errors: readonly string[];
  readonly source?: Source;
}

const cronet = (code: number, name: string): string =>
  `{"errno":600001,"errMsg":"request:fail errcode:${code} cronet_error_code:${code} error_msg:net::${name}"}`;

export const SYMPTOMS = {
  authorityInvalid: { errors: [cronet(-202, "ERR_CERT_AUTHORITY_INVALID")], source: "community" },
  commonNameInvalid: { errors: [cronet(-200, "ERR_CERT_COMMON_NAME_INVALID")], source: "derived" },
  dateInvalid: { errors: [cronet(-201, "ERR_CERT_DATE_INVALID")], source: "derived" },
  expiresSoon: { errors: [] },
  handshake: {
    errors: ["request:fail ssl hand shake error", "open fail: _code:8,_msg:TLS handshake failed (errCode 1004)"],
    source: "unconfirmed",
  },
  noneLegacyVersions: { errors: [] },
  noneWeakSuites: { errors: [] },
  noneHsts: { errors: [] },
  noneRedirect: { errors: [] },
  healthStatus: { errors: [] },
  healthTimeout: { errors: ['{"errno":5,"errMsg":"request:fail timeout"}'], source: "community" },
  socket: { errors: ["wx.connectSocket fail / SocketTask.onError"], source: "unconfirmed" },
} as const satisfies Record<string, Symptom>;

export type SymptomId = keyof typeof SYMPTOMS;

/** What a failed check carries: which symptom, and the values its device text needs. */
export interface WechatError {
  readonly symptom: SymptomId;
  /** Parameters of the device text, e.g. the date a certificate expires. */
  readonly params?: Readonly<Record<string, string | number>>;
}

/** The device text of a symptom in the catalog's language. */
export function devicesText(m: VerifierMessages, error: WechatError): string {
  const p = error.params ?? {};
  switch (error.symptom) {
    case "authorityInvalid":
      return m.devicesAuthorityInvalid();
    case "commonNameInvalid":
      return m.devicesCommonNameInvalid();
    case "dateInvalid":
      return m.devicesDateInvalid();
    case "expiresSoon":
      return m.devicesExpiresSoon({ date: String(p.date) });
    case "handshake":
      return p.devices === "older" ? m.devicesHandshakeOlder() : p.devices === "ios" ? m.devicesHandshakeIos() : m.devicesHandshakeAll();
    case "noneLegacyVersions":
      return m.devicesNoneLegacyVersions();
    case "noneWeakSuites":
      return m.devicesNoneWeakSuites();
    case "noneHsts":
      return m.devicesNoneHsts();
    case "noneRedirect":
      return m.devicesNoneRedirect();
    case "healthStatus":
      return m.devicesHealthStatus({ status: Number(p.status) });
    case "healthTimeout":
      return m.devicesHealthTimeout();
    case "socket":
      return m.devicesSocket();
  }
}

/** A symptom as the report carries it: WeChat's texts and the phones, in the catalog's language. */
export function wechatView(m: VerifierMessages, error: WechatError): WechatView {
  const symptom: Symptom = SYMPTOMS[error.symptom];
  return { symptom: error.symptom, errors: symptom.errors, source: symptom.source, devices: devicesText(m, error) };
}

export function sourceText(m: VerifierMessages, source: Source | undefined): string {
  switch (source) {
    case "official":
      return m.wechatSourceOfficial();
    case "community":
      return m.wechatSourceCommunity();
    case "derived":
      return m.wechatSourceDerived();
    case "unconfirmed":
      return m.wechatSourceUnconfirmed();
    case undefined:
      return "";
  }
}
