// Every check, in report order. Each judges one concern and never throws on a bad server.
import { CheckContext } from "../context";
import { CheckId, CheckResult } from "../types";
import { checkCertificateChain, checkCertificateExpiry, checkCertificateHostname } from "./certificate";
import { checkCipherSuites } from "./cipherSuites";
import { checkHealth } from "./health";
import { checkHsts } from "./hsts";
import { checkHttpRedirect } from "./httpRedirect";
import { checkTlsVersions } from "./tlsVersions";
import { checkWebSocket } from "./websocket";

export const CHECKS: readonly { readonly id: CheckId; readonly run: (ctx: CheckContext) => Promise<CheckResult> }[] = [
  { id: "tls-versions", run: checkTlsVersions },
  { id: "cipher-suites", run: checkCipherSuites },
  { id: "certificate-chain", run: checkCertificateChain },
  { id: "certificate-hostname", run: checkCertificateHostname },
  { id: "certificate-expiry", run: checkCertificateExpiry },
  { id: "hsts", run: checkHsts },
  { id: "http-redirect", run: checkHttpRedirect },
  { id: "health", run: checkHealth },
  { id: "websocket", run: checkWebSocket },
];
