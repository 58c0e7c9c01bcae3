// Facts the whole project agrees on: ports, ranges, limits and defaults that more than one part
// uses (the config, the components, the instance renderers, the verifier, the policy pack). Each
// says where it comes from. Nothing here imports anything, so every layer may import it.

/** Milliseconds in a day. */
export const DAY_MS = 24 * 60 * 60 * 1000;

/** The port phones use for https:// and wss://; WeChat accepts no other on a domain registered without one. */
export const HTTPS_PORT = 443;

/** The port of http:// URLs; the load balancer redirects it to HTTPS_PORT. */
export const HTTP_PORT = 80;

/** Port nginx listens on inside each instance; the load balancer's listeners forward there. */
export const NGINX_PORT = 80;

/** Where a classic load balancer in a VPC connects to its backends from (CLB docs: 100.64.0.0/10). */
export const CLB_BACKEND_CIDR = "100.64.0.0/10";

/**
 * The smallest HSTS max-age the project accepts in prod: one year, the value WeChat's setup guide
 * uses (SSL Labs asks for at least six months).
 */
export const HSTS_ONE_YEAR_SECONDS = 31536000;

/** The free Alibaba Cloud DNS edition accepts TTLs from 600 to 86400 seconds. */
export const DNS_TTL_MIN_SECONDS = 600;
export const DNS_TTL_MAX_SECONDS = 86400;

/**
 * The CLB TLS policies that allow nothing below TLS 1.2 (the provider's default tls_cipher_policy_1_0
 * and tls_cipher_policy_1_1 do), weakest first. CLB takes exactly five policy names; these are the
 * three a WeChat backend may use.
 */
export const TLS_POLICIES = ["tls_cipher_policy_1_2", "tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"] as const;
export type TlsPolicy = (typeof TLS_POLICIES)[number];

/**
 * The TLS policies with forward-secret suites only. tls_cipher_policy_1_2 still offers RSA key
 * exchange (no forward secrecy) and DES-CBC3-SHA, which the verifier's cipher check fails: prod
 * uses one of these.
 */
export const STRICT_TLS_POLICIES: readonly TlsPolicy[] = ["tls_cipher_policy_1_2_strict", "tls_cipher_policy_1_2_strict_with_1_3"];

/** The policy the project recommends and uses by default: TLS 1.2 and 1.3, forward-secret suites only. */
export const RECOMMENDED_TLS_POLICY: TlsPolicy = "tls_cipher_policy_1_2_strict_with_1_3";

/** Seconds of silence after which a CLB HTTP(S) listener closes a connection: the most it allows (1-60). */
export const LISTENER_IDLE_TIMEOUT_SECONDS = 60;

/** Days a certificate must still be valid by default; acme renews inside this window. */
export const DEFAULT_MIN_DAYS_REMAINING = 30;

/** Port the app listens on inside each instance by default. */
export const DEFAULT_BACKEND_PORT = 3000;

/** The app's health path by default: the load balancer's health check and the verifier request it. */
export const DEFAULT_HEALTH_PATH = "/api/health";

/** The largest request body nginx accepts by default (wx.uploadFile), in nginx size syntax. */
export const DEFAULT_MAX_UPLOAD_SIZE = "20m";

// Shapes of values that end up inside an nginx config, a unit file or a shell script on the
// instances: the renderers check them again, and the stack config refuses anything else up front.

/**
 * Characters no config value that reaches a rendered file may hold: the C0 and C1 controls (\p{Cc},
 * U+0085 NEXT LINE among them) and the Unicode line and paragraph separators U+2028 and U+2029.
 * YAML 1.1, which cloud-init's parser (PyYAML) reads, counts U+0085, U+2028 and U+2029 as line
 * breaks, so any of them inside the user data would start a new line of YAML.
 */
export const CONTROL_OR_LINE_SEPARATOR = /[\p{Cc}\u2028\u2029]/u;

/** An absolute URL path without query, spaces or quoting characters, e.g. "/api/health". */
export const URL_PATH_PATTERN = /^\/[A-Za-z0-9._~/-]*$/;

/** CLB health check URIs are at most 80 characters; the stack's paths keep to that. */
export const MAX_URL_PATH_LENGTH = 80;

/** A container image reference: registry/name[:tag][@sha256:digest], characters safe in a unit file. */
export const IMAGE_PATTERN = /^[a-z0-9][a-z0-9._/-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(@sha256:[a-f0-9]{64})?$/;

/** Docker refuses references longer than this. */
export const MAX_IMAGE_LENGTH = 255;

/** nginx size syntax as client_max_body_size takes it: digits with an optional k/m/g suffix. */
export const NGINX_SIZE_PATTERN = /^[0-9]+[kKmMgG]?$/;

/**
 * The most user data ECS accepts, in bytes before base64 (Alibaba Cloud's "实例自定义数据" page; the
 * provider passes it through unchecked, so more fails RunInstances at `pulumi up`).
 */
export const USER_DATA_MAX_BYTES = 32 * 1024;

/** Older Alibaba Cloud pages give 16 KB: above this the plan warns. */
export const USER_DATA_OLD_LIMIT_BYTES = 16 * 1024;

/** Default of readinessTimeout: cloud-init, package installs, an image pull and the app's start. */
export const DEFAULT_READINESS_TIMEOUT_SECONDS = 600;

/** Bounds of readinessTimeout: less cannot install Docker and pull an image; more hides a broken boot for an hour. */
export const MIN_READINESS_TIMEOUT_SECONDS = 300;
export const MAX_READINESS_TIMEOUT_SECONDS = 3600;

// The app container's environment and identity.

/** An environment variable name the app may be given: upper case, digits and "_", not starting with a digit. */
export const ENV_NAME_PATTERN = /^[A-Z_][A-Z0-9_]*$/;

/** Variables the stack sets in the app's environment itself; appEnv and appSecrets may not use them. */
export const STACK_APP_ENV_NAMES = ["PORT", "HOST", "APP_ENV", "HEALTH_PATH"] as const;

/** The user the app container runs as by default: nobody:nogroup on Debian, Ubuntu and Alpine images. */
export const DEFAULT_APP_USER = "65534:65534";

/** OOS encrypted parameter values are 1-4096 characters (CreateSecretParameter). */
export const MAX_SECRET_VALUE_LENGTH = 4096;

/**
 * The instance edge's certificate chain is kept in this many OOS encrypted parameters, each at most
 * MAX_SECRET_VALUE_LENGTH characters: a chain (a leaf with a 4096-bit key and two intermediates is
 * about 6 KB of PEM) does not fit in one, and the count must be fixed before the chain is known
 * (an ACME certificate is issued during `pulumi up`). A part past the chain's end holds a placeholder
 * without a PEM block, which the instance's helper skips.
 */
export const TLS_CHAIN_PARTS = 3;

/** OOS parameter names are 2-180 characters (CreateSecretParameter). */
export const MAX_SECRET_PARAMETER_NAME_LENGTH = 180;
