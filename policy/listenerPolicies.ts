// The load balancer's listeners: HTTPS on 443 under a TLS 1.2+ policy (forward-secret only in prod),
// and HTTP on 80 only to redirect to it. Nothing else: a TCP or UDP listener passes traffic through
// without TLS termination, HSTS or the redirect, and any other port is one WeChat never calls.
//
// Established rule sets this follows: KICS alb_listening_on_http and slb_policy_with_insecure_tls_version,
// checkov CKV_ALI_33 (TLS cipher policies are secure).
import type { ResourceValidationPolicy, StackValidationPolicy } from "@pulumi/policy";
import { PROD_ONLY_CONFIG_SCHEMA, appliesToProd } from "./environment";
import { NOT_KNOWN, peekNumber, peekString } from "./props";
import { TYPES } from "./resourceTypes";
import { HTTPS_PORT, HTTP_PORT, RECOMMENDED_TLS_POLICY, STRICT_TLS_POLICIES, TLS_POLICIES } from "./shared/constants";

const SET_TLS_POLICY = `set tlsCipherPolicy to ${RECOMMENDED_TLS_POLICY} (stack config: pulumi config set tlsPolicy ${RECOMMENDED_TLS_POLICY})`;

export const httpsListenerTls12: ResourceValidationPolicy = {
  name: "https-listener-tls-1-2",
  description: "HTTPS listeners use a TLS 1.2+ policy; WeChat refuses older TLS, and the provider's default policy allows TLS 1.0.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener || peekString(args.props, "protocol") !== "https") return;
    const policy = peekString(args.props, "tlsCipherPolicy");
    if (policy === NOT_KNOWN) return;
    if (policy === undefined || policy === "") {
      reportViolation(
        `HTTPS listener "${args.name}" has no tlsCipherPolicy, so CLB applies its default tls_cipher_policy_1_0 ` +
          `and accepts TLS 1.0 and 1.1; WeChat needs TLS 1.2 or newer: ${SET_TLS_POLICY}`,
      );
    } else if (!(TLS_POLICIES as readonly string[]).includes(policy)) {
      reportViolation(
        `HTTPS listener "${args.name}" uses tlsCipherPolicy "${policy}", which is not one of the TLS 1.2+ ` +
          `policies (${TLS_POLICIES.join(", ")}): ${SET_TLS_POLICY}`,
      );
    }
  },
};

export const prodStrictTlsPolicy: StackValidationPolicy = {
  name: "prod-strict-tls-policy",
  description:
    `Prod: HTTPS listeners offer forward-secret suites only (${STRICT_TLS_POLICIES.join(" or ")}); tls_cipher_policy_1_2 still ` +
    "offers RSA key exchange and 3DES, which the verifier fails. checkov CKV_ALI_33, KICS slb_policy_with_insecure_tls_version.",
  enforcementLevel: "mandatory",
  configSchema: PROD_ONLY_CONFIG_SCHEMA,
  validateStack: (args, reportViolation) => {
    if (!appliesToProd(args, "not a prod stack: dev may use tls_cipher_policy_1_2")) return;
    for (const listener of args.resources) {
      if (listener.type !== TYPES.listener || peekString(listener.props, "protocol") !== "https") continue;
      const policy = peekString(listener.props, "tlsCipherPolicy");
      // Unset and non-TLS-1.2 policies are https-listener-tls-1-2's to report.
      if (typeof policy !== "string" || !(TLS_POLICIES as readonly string[]).includes(policy)) continue;
      if (!(STRICT_TLS_POLICIES as readonly string[]).includes(policy)) {
        reportViolation(
          `prod: HTTPS listener "${listener.name}" uses tlsCipherPolicy "${policy}", which still offers cipher ` +
            `suites without forward secrecy (RSA key exchange, 3DES): ${SET_TLS_POLICY}`,
          listener.urn,
        );
      }
    }
  },
};

export const httpsListenerHttp2: ResourceValidationPolicy = {
  name: "https-listener-http2",
  description: "HTTPS listeners keep HTTP/2 on (the provider's default), so a mini program's requests share one TLS connection.",
  enforcementLevel: "advisory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener || peekString(args.props, "protocol") !== "https") return;
    const http2 = peekString(args.props, "enableHttp2");
    if (typeof http2 === "string" && http2 !== "on") {
      reportViolation(
        `HTTPS listener "${args.name}" has enableHttp2 "${http2}": set enableHttp2 to "on" so a mini program's requests share one TLS connection`,
      );
    }
  },
};

export const onlyHttpsAndRedirectListeners: ResourceValidationPolicy = {
  name: "only-https-and-redirect-listeners",
  description:
    `The load balancer has an HTTPS listener on ${HTTPS_PORT} and an HTTP listener on ${HTTP_PORT} that ` +
    `redirects to it, and no other listener: no TCP or UDP listener, no other port. KICS alb_listening_on_http.`,
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener) return;
    const protocol = peekString(args.props, "protocol");
    const port = peekNumber(args.props, "frontendPort");
    if (protocol === NOT_KNOWN || port === NOT_KNOWN) return;
    const where = `"${args.name}" (${protocol ?? "no protocol"} on port ${port ?? "(unset)"})`;
    if (protocol === "tcp" || protocol === "udp") {
      reportViolation(
        `listener ${where} passes ${protocol.toUpperCase()} through without TLS termination, HSTS or the HTTPS ` +
          `redirect: remove it; phones reach the backend through the HTTPS listener on ${HTTPS_PORT} only`,
      );
    } else if (protocol === "https" && port !== HTTPS_PORT) {
      reportViolation(`HTTPS listener ${where}: WeChat calls https:// on port ${HTTPS_PORT} only; set frontendPort to ${HTTPS_PORT}`);
    } else if (protocol === "http" && port !== HTTP_PORT) {
      reportViolation(
        `HTTP listener ${where}: the only HTTP listener is the redirect on port ${HTTP_PORT}; remove it (WeChat calls https:// on ${HTTPS_PORT} only)`,
      );
    } else if (protocol !== "http" && protocol !== "https") {
      reportViolation(
        `listener ${where}: only an HTTPS listener on ${HTTPS_PORT} and the HTTP redirect on ${HTTP_PORT} may exist; remove it`,
      );
    }
  },
};

export const httpListenerRedirectsToHttps: ResourceValidationPolicy = {
  name: "http-listener-redirects-to-https",
  description: "Every HTTP listener only redirects to the HTTPS listener on 443; no listener serves plain HTTP.",
  enforcementLevel: "mandatory",
  validateResource: (args, reportViolation) => {
    if (args.type !== TYPES.listener || peekString(args.props, "protocol") !== "http") return;
    const port = peekNumber(args.props, "frontendPort");
    const forward = peekString(args.props, "listenerForward");
    const forwardPort = peekNumber(args.props, "forwardPort");
    if (forward === NOT_KNOWN || forwardPort === NOT_KNOWN) return;
    if (forward !== "on") {
      reportViolation(
        `HTTP listener "${args.name}" on port ${port === NOT_KNOWN || port === undefined ? "(unknown)" : port} ` +
          `serves plain HTTP: set listenerForward "on" and forwardPort 443 so it only redirects to the HTTPS ` +
          `listener (WeChat calls https:// only)`,
      );
    } else if (forwardPort !== HTTPS_PORT) {
      reportViolation(
        `HTTP listener "${args.name}" redirects to port ${forwardPort ?? "(unset)"}: set forwardPort to 443, the HTTPS listener WeChat calls`,
      );
    }
  },
};
