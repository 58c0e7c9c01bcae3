// The nginx config of every instance: the part of the HTTPS path the load balancer cannot do.
// The CLB ends TLS and forwards plain HTTP to port 80; nginx adds HSTS (CLB cannot add headers),
// upgrades WebSockets for wss://, allows wx.uploadFile-sized bodies, tells the app the real client
// address and scheme, and keeps connections to the app open. It trusts nothing else the client
// sends: only the stack's domain is served, every forwarding header the app could believe is set
// or cleared here, only WebSocket upgrades pass, and slow clients are cut off.
//
// The output is a complete main config (/etc/nginx/nginx.conf), runnable with `nginx -c`, written
// for nginx >= 1.18 (Ubuntu 22.04's package). Tests run it for real, on the newest nginx and on
// 1.18, in test/integration/nginx/.
import { Problems } from "../problems";
import {
  checkCidr,
  checkFilePath,
  checkHostName,
  checkIpAddress,
  checkPort,
  checkUploadSize,
  checkUrlPath,
  checkVerifyFile,
  checkWholeSeconds,
} from "./validate";
import {
  CLB_BACKEND_CIDR,
  DEFAULT_BACKEND_PORT,
  DEFAULT_HEALTH_PATH,
  DEFAULT_MAX_UPLOAD_SIZE,
  HSTS_ONE_YEAR_SECONDS,
  NGINX_PORT,
} from "../constants";
import { instanceMessages } from "./messages";
import { nginxSizeBytes } from "../uploadSize";
import { redirectServer, tlsDirectives, tlsListen, type NginxTls } from "./nginxTls";

export type { NginxTls } from "./nginxTls";

/** Where nginx keeps its pid file, logs and temporary files. */
export interface NginxPaths {
  /** pid file; Ubuntu's nginx.service expects /run/nginx.pid. */
  readonly pidFile: string;
  /** Error log file. */
  readonly errorLog: string;
  /** Access log file (one JSON object per line). */
  readonly accessLog: string;
  /** Directory for buffered request bodies (uploads) and responses; nginx creates its subdirectories. */
  readonly tempDir: string;
}

export interface NginxOptions {
  /** The stack's domain, e.g. "api.example.com": the only Host nginx serves (besides the health check); no default. */
  readonly domain: string;
  /** Port nginx listens on for the load balancer's listeners; default 80. */
  readonly listenPort: number;
  /** Port the app listens on, on 127.0.0.1; default 3000. */
  readonly backendPort: number;
  /** Strict-Transport-Security max-age in seconds; default 31536000. */
  readonly hstsMaxAge: number;
  /** Health path proxied to the app, e.g. "/api/health". */
  readonly healthPath: string;
  /** nginx client_max_body_size, e.g. "20m" (wx.uploadFile). */
  readonly maxUploadSize: string;
  /**
   * Range the load balancer connects from; X-Forwarded-For trusted only from it. "100.64.0.0/10".
   * Not used with `tls`: nothing stands in front of nginx then, so no address is trusted.
   */
  readonly loadBalancerCidr: string;
  /**
   * nginx ends TLS itself (edge instance): HTTPS on tls.httpsPort, and listenPort answers only the
   * redirect to HTTPS. Default none: TLS ends at the load balancer, which forwards plain HTTP to listenPort.
   */
  readonly tls?: NginxTls;
  /** Add includeSubDomains to HSTS; default false (see HSTS below for why). */
  readonly hstsIncludeSubdomains?: boolean;
  /** Seconds nginx waits for the app to answer a plain request; default 60 (WeChat's request timeout). */
  readonly requestTimeoutSeconds?: number;
  /** Seconds an upgraded WebSocket may stay silent from the app's side; default 3600. */
  readonly websocketTimeoutSeconds?: number;
  /** Seconds a client has to send its whole request header (a total, not per read); default 10. */
  readonly clientHeaderTimeoutSeconds?: number;
  /** Seconds a client may pause while sending a request body (nginx times each read); default 15. */
  readonly clientBodyTimeoutSeconds?: number;
  /** Address to listen on; default all IPv4 addresses. Tests use "127.0.0.1". */
  readonly listenAddress?: string;
  /** pid, log and temp paths; default Ubuntu's (DEFAULT_NGINX_PATHS). Tests use a temp directory. */
  readonly paths?: NginxPaths;
  /** Paths WeChat posts callbacks to (pay notify, message push); default none. */
  readonly callbackPaths?: readonly string[];
  /** WeChat domain verification files served at the root, file name to content; default none. */
  readonly verifyFiles?: Readonly<Record<string, string>>;
}

/** The paths of Ubuntu's nginx package, used on the instances. */
export const DEFAULT_NGINX_PATHS: NginxPaths = {
  pidFile: "/run/nginx.pid",
  errorLog: "/var/log/nginx/error.log",
  accessLog: "/var/log/nginx/access.log",
  tempDir: "/var/lib/nginx",
};

/** The defaults of every field but the domain, which has none; the stack config reuses them. */
export const DEFAULT_NGINX_OPTIONS: Omit<NginxOptions, "domain"> = {
  listenPort: NGINX_PORT,
  backendPort: DEFAULT_BACKEND_PORT,
  hstsMaxAge: HSTS_ONE_YEAR_SECONDS,
  healthPath: DEFAULT_HEALTH_PATH,
  maxUploadSize: DEFAULT_MAX_UPLOAD_SIZE,
  loadBalancerCidr: CLB_BACKEND_CIDR,
  hstsIncludeSubdomains: false,
  requestTimeoutSeconds: 60,
  websocketTimeoutSeconds: 3600,
  clientHeaderTimeoutSeconds: 10,
  clientBodyTimeoutSeconds: 15,
};

/**
 * Idle connections to the app each worker keeps. It must cover the requests one worker has in flight
 * (256 concurrent clients over 2 workers = 128), or the surplus connections are closed after every
 * request and keep-alive stops paying off under load. Idle sockets cost the app next to nothing.
 */
export const UPSTREAM_KEEPALIVE_CONNECTIONS = 256;

/**
 * Seconds an idle connection to the app stays open. Below Node's default server keepAliveTimeout
 * (5 s), so nginx never reuses a socket the app is closing at that moment (which would fail a POST
 * with 502: nginx retries only idempotent requests). Apps should keep idle connections >= 5 s.
 */
export const UPSTREAM_KEEPALIVE_SECONDS = 4;

/** Throws one error naming every invalid field; renderNginxConfig calls it. */
export function validateNginxOptions(options: NginxOptions, field = "nginx"): void {
  const problems = new Problems();
  checkHostName(problems, `${field}.domain`, options.domain);
  checkPort(problems, `${field}.listenPort`, options.listenPort);
  checkPort(problems, `${field}.backendPort`, options.backendPort);
  checkWholeSeconds(problems, `${field}.hstsMaxAge`, options.hstsMaxAge, 0);
  checkUrlPath(problems, `${field}.healthPath`, options.healthPath);
  checkUploadSize(problems, `${field}.maxUploadSize`, options.maxUploadSize);
  checkCidr(problems, `${field}.loadBalancerCidr`, options.loadBalancerCidr);
  if (options.requestTimeoutSeconds !== undefined) {
    checkWholeSeconds(problems, `${field}.requestTimeoutSeconds`, options.requestTimeoutSeconds, 1);
  }
  for (const key of ["websocketTimeoutSeconds", "clientHeaderTimeoutSeconds", "clientBodyTimeoutSeconds"] as const) {
    const value = options[key];
    if (value !== undefined) checkWholeSeconds(problems, `${field}.${key}`, value, 1);
  }
  if (options.listenAddress !== undefined) checkIpAddress(problems, `${field}.listenAddress`, options.listenAddress);
  if (options.paths) {
    for (const [name, value] of Object.entries(options.paths)) {
      checkFilePath(problems, `${field}.paths.${name}`, value as string);
    }
  }
  for (const [i, path] of (options.callbackPaths ?? []).entries()) checkUrlPath(problems, `${field}.callbackPaths[${i}]`, path);
  for (const [name, content] of Object.entries(options.verifyFiles ?? {})) {
    checkVerifyFile(problems, `${field}.verifyFiles`, name, content);
  }
  if (options.listenPort === options.backendPort) {
    problems.error(instanceMessages().listenPortIsBackendPort({ field }));
  }
  if (options.tls) {
    checkFilePath(problems, `${field}.tls.certificatePath`, options.tls.certificatePath);
    checkFilePath(problems, `${field}.tls.keyPath`, options.tls.keyPath);
    checkPort(problems, `${field}.tls.httpsPort`, options.tls.httpsPort);
    if (options.tls.publicHttpsPort !== undefined) checkPort(problems, `${field}.tls.publicHttpsPort`, options.tls.publicHttpsPort);
    if ([options.listenPort, options.backendPort].includes(options.tls.httpsPort)) {
      problems.error(instanceMessages().httpsPortTaken({ field }));
    }
  }
  problems.throwIfErrors(instanceMessages().invalidNginxOptions());
}

/** HSTS value. includeSubDomains is off by default: see the comment in the rendered config. */
export function hstsHeaderValue(options: NginxOptions): string {
  return `max-age=${options.hstsMaxAge}${options.hstsIncludeSubdomains ? "; includeSubDomains" : ""}`;
}

/**
 * The smallest body a WeChat callback location accepts. WeChat documents no size for its callbacks:
 * pay notifications are a few KB of JSON, message pushes a few KB of XML or JSON (about 3x in the
 * compatible encryption mode). 1 MB is far above either, so a small maxUploadSize never refuses them.
 */
export const CALLBACK_MIN_BODY_SIZE = "1m";

/** The body limit of the callback locations: the server's, but never below CALLBACK_MIN_BODY_SIZE. */
export function callbackBodySize(maxUploadSize: string): string {
  return nginxSizeBytes(maxUploadSize) >= nginxSizeBytes(CALLBACK_MIN_BODY_SIZE) ? maxUploadSize : CALLBACK_MIN_BODY_SIZE;
}

/**
 * Exact-match locations for WeChat's callbacks and verification files, in the domain's server (the
 * Host WeChat sends). Callbacks go to the app like any API path; only their body limit is their own
 * (CALLBACK_MIN_BODY_SIZE). A verification file is answered with exactly the content WeChat issued,
 * as text/plain, with no newline, BOM or HTML around it: its checker compares the body. Contents are
 * letters and digits (validateNginxOptions), so they sit in the quoted string as they are.
 */
function wechatLocations(options: NginxOptions): string {
  const blocks: string[] = [];
  const callbacks = options.callbackPaths ?? [];
  if (callbacks.length > 0) {
    blocks.push("        # WeChat's callbacks: a body limit of their own.");
    for (const path of callbacks) {
      blocks.push(
        `        location = ${path} {`,
        `            client_max_body_size ${callbackBodySize(options.maxUploadSize)};`,
        "            proxy_pass http://app;",
        "        }",
      );
    }
  }
  const files = Object.entries(options.verifyFiles ?? {});
  if (files.length > 0) {
    blocks.push("        # WeChat's domain verification files, byte for byte.");
    for (const [name, content] of files) {
      blocks.push(
        `        location = /${name} {`,
        "            default_type text/plain;",
        `            return 200 "${content}";`,
        "        }",
      );
    }
  }
  return blocks.length > 0 ? `${blocks.join("\n")}\n\n` : "";
}

/** Where a server listens: `port`, or `address:port` (`[address]:port` for IPv6). */
function listenOn(options: NginxOptions, port: number): string {
  const address = options.listenAddress;
  if (address === undefined) return `${port}`;
  return address.includes(":") ? `[${address}]:${port}` : `${address}:${port}`;
}

function listenDirective(options: NginxOptions): string {
  return listenOn(options, options.listenPort);
}

/** The `listen` of the two servers that serve the domain: plain HTTP behind a load balancer, or TLS. */
function serverListen(options: NginxOptions, defaultServer: boolean): string {
  if (options.tls) return tlsListen(listenOn(options, options.tls.httpsPort), defaultServer);
  return `${listenDirective(options)}${defaultServer ? " default_server" : ""}`;
}

/**
 * The real client address and scheme. Behind the load balancer: X-Forwarded-For and
 * X-Forwarded-Proto, believed from its range only. At the instance edge nothing is in front of nginx:
 * the connection's own address and scheme, and no header is believed from anyone.
 */
function clientAddressDirectives(options: NginxOptions): string {
  if (options.tls) {
    return `    # Nothing stands in front of nginx (edge instance): the connection's address is the client's, and no
    # X-Forwarded-For or X-Forwarded-Proto is believed from anyone.
    geo $realip_remote_addr $from_load_balancer {
        default 0;
    }
`;
  }
  const lb = options.loadBalancerCidr;
  return `    # The real client address. The CLB appends the client's address to X-Forwarded-For; nginx takes
    # the last entry, and only when the connection comes from the load balancer's range. From anywhere
    # else X-Forwarded-For is ignored, so a client cannot pick the address the app sees.
    set_real_ip_from ${lb};
    real_ip_header X-Forwarded-For;

    # Whether this connection came from the load balancer (realip has already replaced
    # $remote_addr, so look at the address that really connected).
    geo $realip_remote_addr $from_load_balancer {
        default 0;
        ${lb} 1;
    }
`;
}

/** The path a request takes to this nginx, for the config's header. */
function pathComment(options: NginxOptions): string {
  const app = `app 127.0.0.1:${options.backendPort}`;
  return options.tls
    ? `# Path: phone --TLS--> this nginx :${options.tls.httpsPort} (edge instance; :${options.listenPort} redirects) --> ${app}`
    : `# Path: phone --TLS--> CLB (HTTPS listener) --HTTP--> this nginx :${options.listenPort} --> ${app}`;
}

/**
 * Request headers an app, its framework or a library in front of it may believe about the client,
 * the host, the scheme, the method or a client certificate, which no client may set: nginx clears
 * them (proxy_set_header to ""). nginx removes headers by name only (neither proxy_set_header nor
 * the headers-more module takes a pattern for request headers), so this lists the X-Forwarded-*,
 * Forwarded and client-address headers of the common proxies, CDNs, clouds and frameworks: Express
 * ("trust proxy"), Spring's ForwardedHeaderFilter, Rack and Rails, Symfony, Django, ASP.NET Core's
 * ForwardedHeaders (X-Original-*), Envoy (X-Forwarded-Client-Cert), Traefik, oauth2-proxy (the
 * X-Forwarded-User family), ingress-nginx (X-Original-Forwarded-For), Cloudflare, Fastly, Akamai,
 * Azure, App Engine and Alibaba Cloud's CDN. nginx sets its own values for the ones the app should
 * read (Host, X-Forwarded-Host, X-Real-IP, X-Forwarded-For, X-Forwarded-Proto; README: "Security").
 * Header names with underscores never pass (underscores_in_headers off).
 */
export const CLEARED_REQUEST_HEADERS: readonly string[] = [
  // RFC 7239, and X-Forwarded-* beyond the ones nginx sets.
  "Forwarded",
  "X-Forwarded",
  "Forwarded-For",
  "X-Forwarded-By",
  "X-Forwarded-Port",
  "X-Forwarded-Server",
  "X-Forwarded-Scheme",
  "X-Forwarded-Protocol",
  "X-Forwarded-Ssl",
  "X-Forwarded-Https",
  "X-Forwarded-Prefix",
  "X-Forwarded-Path",
  "X-Forwarded-Uri",
  "X-Forwarded-Url",
  "X-Forwarded-Method",
  "X-Forwarded-Client-Ip",
  "X-Forwarded-Client-Cert",
  "X-Forwarded-Tls-Client-Cert",
  "X-Forwarded-Tls-Client-Cert-Info",
  "X-Forwarded-User",
  "X-Forwarded-Email",
  "X-Forwarded-Groups",
  "X-Forwarded-Preferred-Username",
  "X-Forwarded-Access-Token",
  // What a proxy saw before it rewrote the request.
  "X-Original-Forwarded-For",
  "X-Original-For",
  "X-Original-Proto",
  "X-Original-Host",
  "X-Original-URL",
  "X-Original-URI",
  "X-Original-Method",
  "X-Original-Remote-Addr",
  "X-Rewrite-URL",
  // Host and scheme.
  "X-Host",
  "X-HTTP-Host-Override",
  "X-Scheme",
  "X-Url-Scheme",
  "X-Https",
  "Front-End-Https",
  "X-ARR-SSL",
  // Method overrides (a GET that the app runs as a DELETE).
  "X-HTTP-Method-Override",
  "X-HTTP-Method",
  "X-Method-Override",
  // The client's address.
  "True-Client-IP",
  "X-Client-IP",
  "X-Real-Client-IP",
  "X-Client-Real-IP",
  "X-Cluster-Client-IP",
  "Client-IP",
  "CF-Connecting-IP",
  "CF-Connecting-IPv6",
  "Fastly-Client-IP",
  "X-Originating-IP",
  "X-Remote-IP",
  "X-Remote-Addr",
  "X-ProxyUser-Ip",
  "WL-Proxy-Client-IP",
  "Proxy-Client-IP",
  "X-Envoy-External-Address",
  "X-Envoy-Internal",
  "X-Azure-ClientIP",
  "X-Azure-SocketIP",
  "X-Appengine-User-IP",
  "Ali-CDN-Real-IP",
  "Cdn-Src-Ip",
  // Client certificates a TLS-terminating proxy vouches for (TLS ends at the load balancer, which sends none).
  "X-Client-Cert",
  "X-Client-Verify",
  "X-SSL-Cert",
  "X-SSL-Client-Cert",
  "X-SSL-Client-Verify",
  "X-SSL-Client-DN",
  "SSL-Client-Cert",
  "X-ARR-ClientCert",
  // httpoxy: CGI-style apps read it as HTTP_PROXY.
  "Proxy",
];

/**
 * Where the default server keeps the error pages of requests nginx refuses before they have a URI.
 * Internal: asked for directly, they are misdirected like any other path of that server.
 */
export const ERROR_PAGE_PREFIX = "/.nginx-error/";

/** The other statuses nginx answers by itself ($nginx_error in the config), as the same short JSON as every refusal. */
const NGINX_OWN_ERRORS = "405 408 411 416 500 501";

/** A JSON error body nginx itself answers with, like the app does; `status` may be "$status" (502, 503 or 504). */
function jsonError(code: number, error: string, extra = "", status: string = String(code)): string {
  return `default_type application/json;
            return ${code} '{"error":"${error}","status":${status}${extra},"request_id":"$request_id"}\\n';`;
}

/** A complete nginx main config for an instance (or, with test paths and ports, for a test run). */
export function renderNginxConfig(options: NginxOptions): string {
  validateNginxOptions(options);
  const paths = options.paths ?? DEFAULT_NGINX_PATHS;
  const requestTimeout = options.requestTimeoutSeconds ?? DEFAULT_NGINX_OPTIONS.requestTimeoutSeconds;
  const websocketTimeout = options.websocketTimeoutSeconds ?? DEFAULT_NGINX_OPTIONS.websocketTimeoutSeconds;
  const headerTimeout = options.clientHeaderTimeoutSeconds ?? DEFAULT_NGINX_OPTIONS.clientHeaderTimeoutSeconds;
  const bodyTimeout = options.clientBodyTimeoutSeconds ?? DEFAULT_NGINX_OPTIONS.clientBodyTimeoutSeconds;
  const domain = options.domain;
  const accessLog = `${paths.accessLog} json buffer=64k flush=1s`;
  // The health location appears in both servers. Only the health check exactly as the CLB sends it
  // stays out of the access log: any other spelling nginx resolves to the same path
  // (/x/../api/health, /api%2fhealth, //api//health, a query string) is logged ($log_request).
  const healthLocation = `location = ${options.healthPath} {
            access_log ${accessLog} if=$log_request;
            proxy_pass http://app;
        }`;

  return `# nginx on a wechat-https-backend instance, rendered by lib/instance/nginx.ts: edit that, not this
# file (instances are replaced, not patched).
${pathComment(options)}
# Serves ${domain} only.

# Ubuntu's account for nginx workers. Ignored (with a warning) when nginx is not started as root.
user www-data;
# One worker per core: nginx is event driven, more workers only add context switches.
worker_processes auto;
# Every proxied client holds two connections (client side + app side); leave room for both.
worker_rlimit_nofile 8192;
pid ${paths.pidFile};
error_log ${paths.errorLog} warn;

events {
    # 4096 connections per worker: about 2000 proxied clients per worker, far above the 256+ target.
    worker_connections 4096;
}

http {
    server_tokens off;
    default_type application/octet-stream;
    # Header names with underscores (X_Forwarded_For) and invalid ones are dropped (stated: relied on below).
    underscores_in_headers off;
    ignore_invalid_headers on;

    # All temporary files in one directory (uploads over client_body_buffer_size land here).
    # fastcgi/uwsgi/scgi are unused, but nginx creates their directories at start-up anyway.
    client_body_temp_path ${paths.tempDir}/body;
    proxy_temp_path ${paths.tempDir}/proxy;
    fastcgi_temp_path ${paths.tempDir}/fastcgi;
    uwsgi_temp_path ${paths.tempDir}/uwsgi;
    scgi_temp_path ${paths.tempDir}/scgi;

    # One JSON object per line, so logs can be shipped and queried without a custom parser.
    # client = the real client (after realip), peer = the address that connected (the load balancer).
    log_format json escape=json '{"time":"$time_iso8601","client":"$remote_addr","peer":"$realip_remote_addr",'
        '"method":"$request_method","uri":"$request_uri","status":$status,"bytes":$body_bytes_sent,'
        '"request_time":$request_time,"upstream_status":"$upstream_status",'
        '"upstream_time":"$upstream_response_time","proto":"$forwarded_proto","host":"$host",'
        '"user_agent":"$http_user_agent","request_id":"$request_id"}';
    # Buffered: one write per 64 KB or per second instead of one per request.
    access_log ${accessLog};

    # Only the health check as the CLB sends it goes unlogged: GET or HEAD of the exact raw target (not the
    # normalised path), no upgrade. A POST or a WebSocket to the same path is logged like any request.
    map "$request_method $upgrade_kind $request_uri" $log_request {
        "GET none ${options.healthPath}" 0;
        "HEAD none ${options.healthPath}" 0;
        default 1;
    }

    # Idle connections from the load balancer: held longer (75 s) than a CLB listener's idle timeout
    # (at most 60 s), so nginx is not the side that closes a connection the CLB may be reusing.
    # keepalive_requests is set because nginx 1.18 (Ubuntu 22.04) defaults to 100.
    keepalive_timeout 75s;
    keepalive_requests 1000;
    reset_timedout_connection on;

    # Slow clients: a whole header within ${headerTimeout} s (one timer, not per read); a body may pause ${bodyTimeout} s
    # between reads and reaches the app only once complete (proxy_request_buffering). README: "Slow clients".
    client_header_timeout ${headerTimeout}s;
    client_body_timeout ${bodyTimeout}s;

${clientAddressDirectives(options)}
    # The scheme the phone used. The CLB sends X-Forwarded-Proto (listener option retriveSlbProto);
    # it is believed only from the load balancer's range and only as "http" or "https". Otherwise
    # the scheme of the connection to nginx.
    map "$from_load_balancer:$http_x_forwarded_proto" $forwarded_proto {
        "~^1:(?<lb_proto>https?)$" $lb_proto;
        default $scheme;
    }

    # Upgrades: WebSocket only; any other (h2c, ...) gets 400, so no app can switch protocols past nginx.
    map $http_upgrade $upgrade_kind {
        default refused;
        "" none;
        "~*^websocket$" websocket;
    }
    # Connection and Upgrade reach the app only for a WebSocket; otherwise empty (not sent), which keeps
    # the app connection reusable.
    map $upgrade_kind $connection_upgrade {
        websocket upgrade;
        default "";
    }
    map $upgrade_kind $upgrade_header {
        websocket websocket;
        default "";
    }
    # A request line nginx parsed but should not pass on: HTTP/0.9 ("GET /" alone: no Host, no
    # headers, an answer without a status line), which no client of this backend sends and which
    # would reach the app through the health path; and a target with a space in it, which nginx 1.18
    # (the instances') passes to the app and 1.21.1 and later refuse.
    map "$server_protocol $request" $malformed_request_line {
        "~^HTTP/1\\.[01] [^ ]+ [^ ]+ HTTP/1\\.[01]$" 0;
${
  options.tls
    ? `        # HTTP/2 from the phones themselves (edge instance): nginx parsed its frames into a request.
        "~^HTTP/2\\.0 [^ ]+ [^ ]+ HTTP/2\\.0$" 0;
`
    : ""
}        default 1;
    }
    # Framing that nginx 1.18 (the instances') accepts and newer nginx refuses itself, each a
    # way for nginx and a proxy in front of it to disagree on where a request ends (request
    # smuggling): Content-Length together with Transfer-Encoding (1.18 goes by the chunks), and
    # Transfer-Encoding in HTTP/1.0. And a request that arrived in the same read as the one before
    # it ($pipe "p"): the load balancer does not pipeline, so such bytes are what something in front
    # took for part of the previous request. Not visible here: a header line nginx 1.18 drops as
    # invalid ("Transfer-Encoding : chunked", an obs-fold continuation) never reaches the app, and
    # what follows it on the connection is refused as pipelined or malformed (README: "Security").
    map "$pipe $server_protocol cl=$http_content_length te=$http_transfer_encoding" $framing_refusal {
        "~^p " pipelining_not_allowed;
        "~^\\. HTTP/1\\.0 cl=[^ ]* te=." transfer_encoding_in_http_1_0;
        "~ cl=[^ ]+ te=." content_length_and_transfer_encoding;
        default "";
    }
    # Requests refused with a 400 before they reach the app, and why: a malformed request line,
    # ambiguous framing or pipelining, an upgrade other than WebSocket.
    map "$malformed_request_line:$framing_refusal:$upgrade_kind" $refusal {
        "~^1:" bad_request;
        "~^0:(?<framing>[a-z0-9_]+):" $framing;
        "~:refused$" upgrade_not_allowed;
        default "";
    }
    map $refusal $bad_request_error {
        "" bad_request;
        default $refusal;
    }
    # The other errors nginx itself answers before the app is asked, named in its JSON body instead
    # of nginx's HTML page: a TRACE (405), a Transfer-Encoding other than chunked (501), a body that
    # stops arriving (408), a body over the default server's limit (413), an unsatisfiable range (416).
    map $status $nginx_error {
        405 method_not_allowed;
        408 request_timeout;
        411 length_required;
        413 payload_too_large;
        416 range_not_satisfiable;
        501 not_implemented;
        default internal_error;
    }

    upstream app {
        server 127.0.0.1:${options.backendPort};
        # Reused connections to the app: no TCP handshake per request (see lib/instance/nginx.ts for the numbers).
        keepalive ${UPSTREAM_KEEPALIVE_CONNECTIONS};
        keepalive_requests 10000;
        keepalive_timeout ${UPSTREAM_KEEPALIVE_SECONDS}s;
    }

    # HSTS on every response, errors included ("always"). The CLB cannot add headers, so nginx does.
    # No add_header may appear in a server or location below: one there would drop this one (nginx
    # does not merge add_header across levels). includeSubDomains is off by default: the backend may
    # sit on a zone apex whose other subdomains still serve plain HTTP, and WeChat never needs it.
    add_header Strict-Transport-Security "${hstsHeaderValue(options)}" always;
    # nginx is the single source of HSTS: an app's own header would make a second, conflicting one.
    proxy_hide_header Strict-Transport-Security;

    # Headers for the app. Set here only: a proxy_set_header in a server or location would drop all
    # of these. HTTP/1.1 with an empty Connection header is what makes upstream keep-alive work.
    proxy_http_version 1.1;
    proxy_request_buffering on;
    proxy_set_header Connection $connection_upgrade;
    proxy_set_header Upgrade $upgrade_header;
    # The stack's domain, never a Host (or absolute request line) the client chose.
    proxy_set_header Host ${domain};
    proxy_set_header X-Forwarded-Host ${domain};
    # One trusted address, not the client-supplied chain: the app can use it as it is.
    proxy_set_header X-Real-IP $remote_addr;
    proxy_set_header X-Forwarded-For $remote_addr;
    proxy_set_header X-Forwarded-Proto $forwarded_proto;
    proxy_set_header X-Request-Id $request_id;
    # Forwarding headers nginx does not vouch for: sent empty, that is, not at all (CLEARED_REQUEST_HEADERS).
${CLEARED_REQUEST_HEADERS.map((header) => `    proxy_set_header ${header} "";`).join("\n")}

    # Plain requests: WeChat gives up after 60 s by default, so waiting longer helps nobody.
    proxy_connect_timeout 5s;
    proxy_send_timeout ${requestTimeout}s;
    proxy_read_timeout ${requestTimeout}s;

    # Any other Host (also from an absolute request line), or none: 421. Only the health path is
    # answered: the CLB's check sends the instance's address as Host, the readiness check 127.0.0.1.
${
  options.tls
    ? `${tlsDirectives(options.tls)}
${redirectServer(listenDirective(options), domain, options.tls)}
`
    : ""
}    server {
        listen ${serverListen(options, true)};
        server_name "";

        # What nginx refuses while reading the request line (unparsable, too long, HTTP/2 or later
        # in plain text) or the header, it refuses here, before any Host is known. Such a request
        # may have no URI yet, and nginx cannot send one without a URI to a named location ("empty
        # URI in redirect to named location": an HTML 500), so these pages are internal URIs. The
        # statuses are nginx's, as JSON; a header too large is 431 (RFC 6585), nginx's own 494 being
        # sent as a bare 400. The refusals below sit in the locations, not in the server: an internal
        # redirect runs the server's rewrites again, and they would refuse the error page itself.
        error_page 400 ${ERROR_PAGE_PREFIX}400;
        error_page 414 ${ERROR_PAGE_PREFIX}414;
        error_page 494 =431 ${ERROR_PAGE_PREFIX}431;
        error_page 505 ${ERROR_PAGE_PREFIX}505;
        # And nginx's other errors; 413 too, as this server keeps nginx's default body limit (1m).
        error_page 413 ${NGINX_OWN_ERRORS} ${ERROR_PAGE_PREFIX}error;
        # Every other path of this server is misdirected, the internal pages asked for directly too.
        error_page 404 =421 @misdirected;
        error_page 421 @misdirected;
        error_page 502 503 504 @app_unavailable;

        location = ${options.healthPath} {
            if ($refusal) {
                return 400;
            }
            # A health check never upgrades: a WebSocket is the domain's only.
            if ($upgrade_kind = websocket) {
                return 421;
            }
            access_log ${accessLog} if=$log_request;
            proxy_pass http://app;
        }

        location / {
            if ($refusal) {
                return 400;
            }
            return 421;
        }

        location @misdirected {
            ${jsonError(421, "misdirected_request", `,"served":"${domain}"`)}
        }

        location = ${ERROR_PAGE_PREFIX}400 {
            internal;
            ${jsonError(400, "$bad_request_error")}
        }

        location = ${ERROR_PAGE_PREFIX}414 {
            internal;
            ${jsonError(414, "uri_too_long")}
        }

        location = ${ERROR_PAGE_PREFIX}431 {
            internal;
            ${jsonError(431, "header_too_large")}
        }

        location = ${ERROR_PAGE_PREFIX}505 {
            internal;
            ${jsonError(505, "http_version_not_supported")}
        }

        location = ${ERROR_PAGE_PREFIX}error {
            internal;
            ${jsonError(500, "$nginx_error", "", "$status")}
        }

        location @app_unavailable {
            ${jsonError(502, "app_unavailable", "", "$status")}
        }
    }

    server {
        listen ${serverListen(options, false)};
        server_name ${domain};

        # wx.uploadFile sends the whole file as one multipart body.
        client_max_body_size ${options.maxUploadSize};
        client_body_buffer_size 128k;

        # Errors nginx itself produces answer in JSON like the app, not with nginx's HTML pages.
        # 418 never leaves nginx: it routes WebSocket upgrades to @websocket (see location /).
        # recursive_error_pages lets a failed upgrade (app down) still get the JSON 502.
        # A header too large after the Host that chose this server lands here too: 431, as above.
        error_page 400 @bad_request;
        error_page 413 @payload_too_large;
        error_page 494 =431 @header_too_large;
        error_page 502 503 504 @app_unavailable;
        error_page ${NGINX_OWN_ERRORS} @nginx_error;
        error_page 418 = @websocket;
        recursive_error_pages on;

        if ($refusal) {
            return 400;
        }

        # The health check reaches the app itself: an instance whose app is down leaves the rotation.
        ${healthLocation}

${wechatLocations(options)}        location / {
            # Upgrades need their own timeouts, which only a separate location can have.
            if ($upgrade_kind = websocket) {
                return 418;
            }
            proxy_pass http://app;
        }

        location @websocket {
            # nginx lets a socket be quiet for long. The load balancer may close quiet connections
            # sooner (listener timeouts of at most a few minutes), so the app or the mini program
            # should still send a heartbeat every 20-30 s.
            proxy_send_timeout ${websocketTimeout}s;
            proxy_read_timeout ${websocketTimeout}s;
            proxy_pass http://app;
        }

        location @app_unavailable {
            ${jsonError(502, "app_unavailable", "", "$status")}
        }

        location @payload_too_large {
            ${jsonError(413, "payload_too_large", `,"limit":"${options.maxUploadSize}"`)}
        }

        location @bad_request {
            ${jsonError(400, "$bad_request_error")}
        }

        location @header_too_large {
            ${jsonError(431, "header_too_large")}
        }

        location @nginx_error {
            ${jsonError(500, "$nginx_error", "", "$status")}
        }
    }
}
`;
}
