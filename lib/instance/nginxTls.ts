// The instance edge's TLS in nginx: with `edge: instance` no load balancer stands in front, so nginx
// itself ends TLS on 443 and answers port 80 with the redirect a CLB's forward listener gives. As
// strict as the CLB's tls_cipher_policy_1_2_strict_with_1_3: only TLS 1.2 and 1.3, and of that
// policy's TLS 1.2 suites only the forward-secret AEAD ones (ECDHE with AES-GCM). The policy's page
// (help.aliyun.com/document_detail/90740.html, "TLS安全策略") lists for it ECDHE-RSA-AES128/256-GCM,
// ECDHE-ECDSA-AES128-GCM and, cut off in the copy read, ECDHE-ECDSA-AES256-GCM (unconfirmed), plus
// CBC suites (ECDHE-*-AES*-SHA, -SHA256, -SHA384) left out here, and TLS 1.3's AES-GCM, CHACHA20 and
// CCM suites. TLS 1.3 suites are OpenSSL's defaults (AES-256-GCM, CHACHA20-POLY1305, AES-128-GCM, all
// in the policy): nginx 1.18 has no ssl_conf_command to narrow them (added in 1.19.4).
//
// Not here, deliberately: OCSP stapling. Let's Encrypt, the default CA, stopped putting OCSP URLs in
// its certificates and shut its responders down in 2025 (letsencrypt.org/2024/12/05/ending-ocsp/), so
// stapling would staple nothing, and its behaviour cannot be tested offline against a CA that has none.
// Session tickets are off (no ticket key to rotate, and forward secrecy holds for resumed sessions);
// the session cache resumes instead.

/** The TLS 1.2 suites nginx offers, OpenSSL names, strongest key exchange first. */
export const INSTANCE_EDGE_CIPHERS: readonly string[] = [
  "ECDHE-ECDSA-AES128-GCM-SHA256",
  "ECDHE-RSA-AES128-GCM-SHA256",
  "ECDHE-ECDSA-AES256-GCM-SHA384",
  "ECDHE-RSA-AES256-GCM-SHA384",
];

/** TLS versions nginx accepts: what WeChat needs (1.2) and what the strict CLB policy adds (1.3). */
export const INSTANCE_EDGE_PROTOCOLS = "TLSv1.2 TLSv1.3";

export interface NginxTls {
  /** The full chain, leaf first, PEM (the instance: fetched from OOS by tlsctl). */
  readonly certificatePath: string;
  /** The unencrypted private key, PEM, 0600 root. */
  readonly keyPath: string;
  /** Port nginx listens on for HTTPS; 443 on the instance. */
  readonly httpsPort: number;
  /** The HTTPS port phones use, in the redirect's Location; default httpsPort (tests listen elsewhere). */
  readonly publicHttpsPort?: number;
}

/** The instance's paths and port. */
export const INSTANCE_TLS_PORT = 443;

/** The http-level directives every TLS server of the config shares. */
export function tlsDirectives(tls: NginxTls): string {
  return `    # TLS (edge instance: nothing in front of nginx). As strict as the CLB's
    # tls_cipher_policy_1_2_strict_with_1_3: TLS 1.2 and 1.3, forward-secret AEAD suites only.
    ssl_certificate ${tls.certificatePath};
    ssl_certificate_key ${tls.keyPath};
    ssl_protocols ${INSTANCE_EDGE_PROTOCOLS};
    ssl_ciphers ${INSTANCE_EDGE_CIPHERS.join(":")};
    # Every suite offered is strong: the client's order wins (one without AES hardware picks what it runs fast).
    ssl_prefer_server_ciphers off;
    ssl_ecdh_curve X25519:prime256v1:secp384r1;
    # Resumption from a shared cache, not tickets: no ticket key that would have to be rotated.
    ssl_session_cache shared:TLS:10m;
    ssl_session_timeout 1d;
    ssl_session_tickets off;
`;
}

/**
 * `listen` of a TLS server (`address:port` or a port): HTTP/2 as the CLB's listener has it, in the
 * form both 1.18 and 1.22 take (1.25.1 deprecates it for `http2 on`, with a warning only).
 */
export function tlsListen(where: string, defaultServer: boolean): string {
  return `${where} ssl http2${defaultServer ? " default_server" : ""}`;
}

/**
 * Port 80 on the instance edge: every request, whatever its Host, gets a permanent redirect to the
 * same path on https://<domain>, as the CLB's forward listener answers (301, the path and query kept).
 * Never the client's Host: a redirect to a name the client chose is an open redirect.
 */
export function redirectServer(listen: string, domain: string, tls: NginxTls): string {
  const port = tls.publicHttpsPort ?? tls.httpsPort;
  const authority = port === INSTANCE_TLS_PORT ? domain : `${domain}:${port}`;
  return `    # Port 80: a permanent redirect to HTTPS on the domain, the path and query kept (a CLB's forward listener does the same).
    server {
        listen ${listen} default_server;
        server_name "";
        location / {
            return 301 https://${authority}$request_uri;
        }
    }
`;
}
