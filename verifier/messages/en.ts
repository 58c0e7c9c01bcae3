// The verifier's report in English: every check's verdict, the summary, what WeChat would show for
// a failed check (wechatErrors.ts holds WeChat's own strings, which are never translated), and the
// command line's own words. zhCN.ts has the same ids in Chinese.
import type { Catalog } from "../../lib/i18n";

const them = (count: number | string): string => (Number(count) > 1 ? "them" : "it");
const plural = (n: number | string, unit: string): string => `${n} ${unit}${Number(n) === 1 ? "" : "s"}`;

export const en = {
  // tls-versions
  versionsAccepted: (p: { versions: string; count: number }) =>
    `${p.versions} accepted: turn ${them(p.count)} off (nginx: ssl_protocols TLSv1.2 TLSv1.3; CLB: a TLS 1.2+ policy); SSL Labs caps the grade at B`,
  versionUnknown: (p: { version: string; reason: string }) => `could not tell whether ${p.version} is refused: ${p.reason}`,
  localOpenSsl: (p: { reason: string }) => `this machine's OpenSSL cannot offer it (${p.reason})`,
  tls12Refused: (p: { why: string }) =>
    `TLS 1.2 refused${p.why ? ` (${p.why})` : ""}: WeChat needs TLS 1.2, and many phones cannot use TLS 1.3 alone`,
  versionAccepted: (p: { version: string }) => `${p.version} accepted`,
  tls13Refused: () => "TLS 1.3 refused (optional)",
  tls13NotTested: (p: { reason: string }) => `TLS 1.3 not tested (${p.reason})`,
  versionsRefused: (p: { versions: string }) => `${p.versions} refused`,
  versionsFailed: (p: { problems: string; seen: string }) => `${p.problems} (seen: ${p.seen})`,

  // cipher-suites
  suiteCoverage: (p: { missing: string }) =>
    "tried every TLS 1.2 suite this machine's OpenSSL can offer" +
    (p.missing ? `, plus ${p.missing} suites (which it cannot) with a hand-built ClientHello` : "") +
    "; PSK and SRP suites need a shared secret and were not tried",
  tls13Suites: (p: { suites: string }) => `; TLS 1.3: ${p.suites}`,
  enumerationIncomplete: (p: { families: string }) => `; enumeration incomplete for ${p.families}`,
  weakSuites: (p: { list: string; count: number; strong: string; tls13: string; incomplete: string }) =>
    `the server accepts ${p.list}: remove ${them(p.count)} (nginx: ssl_ciphers with ECDHE suites only; CLB: a TLS 1.2 policy without RSA key exchange)` +
    `; forward-secret suites accepted: ${p.strong || "none"}${p.tls13}${p.incomplete}`,
  couldNotList: () => "could not list every suite, run again; so far ",
  noTlsAnswer: (p: { reason: string }) =>
    `not verified: the server did not answer a TLS handshake (${p.reason}), so there was nothing to judge; check that this port serves HTTPS`,
  noTls12Suite: (p: { verdict: string; tls13: string; incomplete: string; coverage: string }) =>
    `${p.verdict}no TLS 1.2 suite accepted, so none is weak${p.tls13}${p.incomplete} (${p.coverage})`,
  suitesGood: (p: { verdict: string; count: number; strong: string; tls13: string; incomplete: string; coverage: string }) =>
    `${p.verdict}${p.count} TLS 1.2 suites accepted, all forward secret (ECDHE/DHE): ${p.strong}${p.tls13}${p.incomplete} (${p.coverage})`,
  weakAnonymous: () => "anonymous: no server authentication",
  weakNull: () => "NULL: no encryption",
  weakExport: () => "EXPORT-grade",
  weakNotForwardSecret: () => "not forward secret",

  // certificate-chain, certificate-hostname, certificate-expiry
  noCertificateSent: () => "no certificate to check, the server sent no certificate",
  noCertificateHandshake: (p: { reason: string }) => `no certificate to check, the TLS handshake failed: ${p.reason}`,
  chainGood: (p: { count: number; intermediates: number; anchor: string }) =>
    `the server sends ${plural(p.count, "certificate")}; they lead ${
      Number(p.intermediates) === 0
        ? "directly"
        : `through ${p.intermediates} intermediate${Number(p.intermediates) > 1 ? "s" : ""} it sends`
    } to the trusted root "${p.anchor}"`,
  chainSelfSigned: () =>
    "the certificate is self-signed (it vouches for itself): phones and WeChat reject it; " +
    "use a certificate from a public CA (e.g. Let's Encrypt through ACME, or Alibaba Cloud SSL)",
  chainUntrustedRoot: (p: { root: string }) =>
    `the chain ends at "${p.root}", a root that is not trusted by phones (a private CA?): ` +
    "use a certificate from a public CA, or pass --cacert <root.pem> if this private CA is intended",
  chainIncomplete: (p: { onlyLeaf: string; issuer: string; subject: string; aia: string }) =>
    `${p.onlyLeaf === "yes" ? "the server sends only its own certificate, not" : "the server does not send"} the intermediate certificate ` +
    `"${p.issuer}" that issued ${p.subject ? `"${p.subject}"` : "it"}${p.aia ? ` (desktop browsers fetch it from ${p.aia})` : ""}` +
    `: phones reject this even when desktop browsers fill the gap; upload the full chain (leaf first, then intermediates)` +
    ` (if "${p.issuer}" is a private root, pass --cacert with it)`,
  chainNotCa: (p: { issuer: string; subject: string }) =>
    `"${p.issuer}" signed "${p.subject}" but is not a CA certificate: upload the full chain (leaf first, then intermediates)`,
  chainExpiredIntermediate: (p: { issuer: string; date: string }) =>
    `the intermediate "${p.issuer}" expired on ${p.date}: upload the full chain (leaf first, then intermediates) with the CA's current intermediate`,
  chainTooLong: (p: { max: number }) => `no trusted root within ${p.max} certificates`,
  hostCovered: (p: { host: string; through: string }) => `the certificate covers ${p.host}${p.through ? ` (through ${p.through})` : ""}`,
  hostNotCovered: (p: { names: string; host: string }) =>
    `the certificate is for ${p.names}, not ${p.host}: issue one that lists ${p.host} ` +
    "(a wildcard *.example.com covers one label only, and not example.com itself)",
  hostNoNames: (p: { commonName: string; host: string }) =>
    `the certificate lists no subject alternative names${p.commonName ? ` (only the common name ${p.commonName}, which phones ignore)` : ""}: ` +
    `issue one with ${p.host} as a DNS name`,
  notYetValid: (p: { date: string }) =>
    `the certificate is not valid yet: it starts on ${p.date} (check the server clock or the issue date)`,
  expired: (p: { date: string; days: number }) =>
    `the certificate expired on ${p.date} (${plural(p.days, "day")} ago): renew it and upload the new one`,
  expiresSoon: (p: { date: string; days: number; min: number }) =>
    `the certificate expires on ${p.date}, in ${plural(p.days, "day")}, fewer than the ${p.min}-day minimum: renew it now`,
  validUntil: (p: { date: string; days: number; min: number }) => `valid until ${p.date}, ${plural(p.days, "day")} left (minimum ${p.min})`,

  // hsts
  hstsNoAnswer: (p: { reason: string }) => `no HTTPS answer to read the header from: ${p.reason}`,
  hstsFix: (p: { maxAge: number }) =>
    `add \`add_header Strict-Transport-Security "max-age=${p.maxAge}" always;\` to the nginx server block that serves the HTTPS ` +
    "requests (behind a load balancer that ends TLS, as in this stack, the block it forwards to: the instances' port 80; hstsMaxAge sets it)",
  hstsMissing: (p: { where: string; fix: string }) => `no Strict-Transport-Security header on ${p.where}: ${p.fix}`,
  hstsPartial: (p: { where: string }) => `; missing on ${p.where}: nginx's add_header needs \`always\` to cover error answers`,
  hstsNoMaxAge: (p: { value: string; fix: string }) => `Strict-Transport-Security "${p.value}" has no valid max-age: ${p.fix}`,
  hstsTooShort: (p: { maxAge: number; age: string; min: number; minAge: string; partial: string }) =>
    `HSTS max-age=${p.maxAge} (${p.age}) is shorter than the ${p.min}-second (${p.minAge}) minimum: raise it${p.partial}`,
  hstsGood: (p: { maxAge: number; age: string; extras: string; path: string; partial: string }) =>
    `Strict-Transport-Security max-age=${p.maxAge} (${p.age})${p.extras ? `, ${p.extras}` : ""} on ${p.path}${p.partial}`,
  durationYears: (p: { n: number }) => plural(p.n, "year"),
  durationDays: (p: { n: number }) => plural(p.n, "day"),
  durationHours: (p: { n: number }) => plural(p.n, "hour"),
  durationMinutes: (p: { n: number }) => plural(p.n, "minute"),
  durationSeconds: (p: { n: number }) => plural(p.n, "second"),

  // http-redirect
  redirectFix: () => "in the port-80 server block: return 301 https://$server_name$request_uri;",
  redirectPlainAnswer: (p: { status: number; fix: string }) =>
    `it answers ${p.status} over plain HTTP instead of redirecting to HTTPS: ${p.fix}`,
  redirectNotRedirect: (p: { status: number; fix: string }) => `it answers ${p.status} instead of a redirect to HTTPS: ${p.fix}`,
  redirectNoLocation: (p: { status: number; fix: string }) => `it answers ${p.status} without a Location header: ${p.fix}`,
  redirectBadLocation: (p: { location: string }) => `it redirects to "${p.location}", which is not a valid URL`,
  redirectTemporary: (p: { status: number }) =>
    `${p.status} is a temporary redirect: use 301 (or 308) so clients and search engines remember it`,
  redirectNotHttps: (p: { protocol: string }) => `it redirects to ${p.protocol}// instead of https://`,
  redirectOtherHost: (p: { host: string; expected: string }) => `it redirects to another host (${p.host}) instead of ${p.expected}`,
  redirectNoPort: () => "no port (WeChat rejects even :443 in a registered URL)",
  redirectPort: (p: { port: string }) => `port ${p.port}`,
  redirectOtherPort: (p: { port: string; host: string; expected: string }) =>
    `it redirects to port ${p.port} (${p.host}) where the HTTPS URL has ${p.expected}`,
  redirectDropsPath: (p: { asked: string; sent: string }) =>
    `it drops the path (asked ${p.asked}, sent to ${p.sent}): redirect to $request_uri`,
  redirectDropsQuery: (p: { asked: string; sent: string }) =>
    `it drops the query (asked ${p.asked || "none"}, sent to ${p.sent || "none"}): redirect to $request_uri`,
  redirectNoAnswer: (p: { url: string; reason: string }) =>
    `${p.url} did not answer (${p.reason}): listen on port 80 and redirect to HTTPS`,
  redirectProblems: (p: { url: string; status: number; location: string; problems: string }) =>
    `${p.url} (${p.status}${p.location ? ` -> ${p.location}` : ""}): ${p.problems}`,
  redirectGood: (p: { url: string; status: number; location: string }) =>
    `${p.url} answers ${p.status} to ${p.location}, path and query kept`,

  // health
  healthProxyFailed: () =>
    "the proxy in front of the app could not get an answer from it (is the app running and listening where nginx expects?)",
  healthUnavailable: () => "the service is unavailable (no healthy backend behind the load balancer, or the app reports itself down)",
  healthAppFailed: () => "the app failed while answering; see its logs",
  healthNotFound: () => "nothing answers on this path: add the route, or point --health-path at the app's health endpoint",
  healthRedirects: () => "the health endpoint should answer directly, not redirect",
  healthExpected2xx: () => "expected a 2xx answer",
  healthNoAnswer: (p: { path: string; reason: string }) => `GET ${p.path} got no answer: ${p.reason}`,
  healthGood: (p: { path: string; status: number; ms: number }) => `GET ${p.path} answered ${p.status} in ${p.ms} ms`,
  healthBad: (p: { path: string; status: number; location: string; why: string }) =>
    `GET ${p.path} answered ${p.status}${p.location ? ` to ${p.location}` : ""}: ${p.why}`,

  // websocket
  websocketAccepted: (p: { url: string }) => `${p.url} accepted the WebSocket upgrade: wss:// reaches the backend`,
  websocketRefusedStatus: (p: { status: string }) => `the server answered the upgrade with ${p.status}`,
  websocketRequired: (p: { url: string; reason: string }) =>
    `no WebSocket endpoint answered the upgrade on ${p.url} (${p.reason}): nginx must pass the Upgrade and Connection headers ` +
    'to the app (proxy_http_version 1.1; proxy_set_header Upgrade $http_upgrade; proxy_set_header Connection "upgrade"), ' +
    "or point --websocket-path at the socket route",
  websocketOptional: (p: { path: string; reason: string }) =>
    `no WebSocket endpoint answered the upgrade on ${p.path} (${p.reason}): fine unless the mini program uses wx.connectSocket`,

  // the command line
  usage: (p: {
    minDays: number;
    hstsMin: number;
    healthPath: string;
    timeoutMs: number;
    deadlineSeconds: number;
    timeoutMin: number;
    timeoutMax: number;
    deadlineMax: number;
    waitMax: number;
  }) => `usage: wechat-https-verify <https-url> [options]     (or: npm run verify -- <https-url> [options])

Proves that a live HTTPS endpoint meets WeChat mini program rules: TLS 1.2+ only, forward-secret
suites, a trusted and complete certificate chain for the host, not expiring soon, HSTS, an HTTP to
HTTPS redirect, a healthy app behind it, and whether wss:// reaches it. Each failed check says what
the mini program would show (WeChat's error text) and on which phones.

options:
  --http-url <url>              where to test the HTTP to HTTPS redirect (default http://<host>/, port 80)
  --resolve <host:port:addr>    connect to addr for host:port, like curl (repeatable, one per port,
                                e.g. api.example.com:443:203.0.113.10 and api.example.com:80:203.0.113.10;
                                IPv6 as [2001:db8::1])
  --cacert <file>               extra trusted root(s), PEM, added to the system roots (repeatable; - reads stdin)
  --min-days <n>                the certificate must stay valid n more days (default ${p.minDays})
  --hsts-min <seconds>          minimum HSTS max-age (default ${p.hstsMin})
  --health-path <path>          the app's health endpoint (default ${p.healthPath})
  --websocket-path <path>       where to try the WebSocket upgrade (default: the health path)
  --require-websocket           fail, instead of noting it, when no WebSocket endpoint answers
  --timeout <ms>                time limit of each probe, ${p.timeoutMin}-${p.timeoutMax} (default ${p.timeoutMs})
  --deadline <seconds>          time limit of one whole verification: checks still running fail
                                (default ${p.deadlineSeconds}, at most ${p.deadlineMax})
  --wait <seconds>              keep trying until every check passes or this much time has passed,
                                e.g. right after a deploy (default 0: one attempt, at most ${p.waitMax})
  --json                        print {"url","ok","checks":[{"id","ok","detail","wechat"}]} instead of text
  --lang <en|zh-CN>             language of the report (default: from LC_ALL / LC_MESSAGES / LANG)
  -h, --help                    show this text

exit codes: 0 every check passed, 1 at least one failed, 2 bad usage or endpoint unreachable
`,
  badLang: (p: { value: string }) => `--lang ${p.value}: give en or zh-CN`,
  unreachable: (p: { origin: string; reason: string }) => `${p.origin} is unreachable: ${p.reason}`,
  attemptFailing: (p: { attempt: number; ids: string; seconds: number }) =>
    `attempt ${p.attempt} failing: ${p.ids}; trying again in ${p.seconds} s`,
  attemptError: (p: { attempt: number; reason: string; seconds: number }) =>
    `attempt ${p.attempt} ${p.reason}; trying again in ${p.seconds} s`,

  // usage errors (exit code 2): each names the option and what to give instead
  badOption: (p: { reason: string }) => `${p.reason}; run with --help for the options`,
  urlMissing: () => "give the https:// URL to verify, e.g. wechat-https-verify https://api.example.com/",
  urlsTooMany: (p: { count: number; urls: string }) => `give exactly one URL (got ${p.count}: ${p.urls}); options go as --name value`,
  theUrl: () => "the URL",
  urlInvalid: (p: { option: string; text: string; protocol: string }) =>
    `${p.option} "${p.text}" is not a URL; give a full URL such as ${p.protocol}//api.example.com/`,
  urlScheme: (p: { option: string; text: string; protocol: string; got: string }) =>
    `${p.option} "${p.text}" must start with ${p.protocol}// (got ${p.got}//)`,
  notANumber: (p: { option: string; value: string; example: string }) =>
    `${p.option} "${p.value}" is not a number; e.g. ${p.option} ${p.example}`,
  notNonNegative: (p: { option: string; value: string }) => `${p.option} must be a number of 0 or more (got ${p.value})`,
  notWholeNonNegative: (p: { option: string; value: string }) => `${p.option} must be a whole number of 0 or more (got ${p.value})`,
  pathNoSlash: (p: { option: string; path: string }) => `${p.option} "${p.path}" must start with "/", e.g. ${p.option} /api/health`,
  resolveHint: () => "expected host:port:address, e.g. --resolve api.example.com:443:203.0.113.10 (IPv6 as [2001:db8::1])",
  resolveBad: (p: { entry: string; hint: string }) => `--resolve "${p.entry}": ${p.hint}`,
  resolvePort: (p: { entry: string; port: string }) => `--resolve "${p.entry}": port ${p.port} is out of range 1-65535`,
  resolveNotIp: (p: { entry: string; address: string; hint: string }) =>
    `--resolve "${p.entry}": "${p.address}" is not an IP address; ${p.hint}`,
  timeoutTooShort: (p: { value: number; min: number }) =>
    `--timeout ${p.value} is too short to complete a TLS handshake; use at least ${p.min} (milliseconds)`,
  timeoutTooLong: (p: { value: number; max: number }) =>
    `--timeout ${p.value} is longer than any probe should wait (at most ${p.max} milliseconds, two minutes); e.g. --timeout 5000`,
  deadlineRange: (p: { value: number; min: number; max: number; example: number }) =>
    `--deadline ${p.value} must be ${p.min} to ${p.max} seconds (the time limit of one whole verification); e.g. --deadline ${p.example}`,
  waitRange: (p: { value: number; min: number; max: number }) => `--wait ${p.value} must be ${p.min} to ${p.max} seconds; e.g. --wait 300`,
  cacertUnreadable: (p: { file: string; reason: string }) =>
    `--cacert ${p.file}: cannot read it (${p.reason}); give the path of a PEM file`,
  cacertNotFile: (p: { file: string }) => `--cacert ${p.file}: not a regular file; give the path of a PEM file`,
  cacertTooLarge: (p: { file: string; max: number }) =>
    `--cacert ${p.file}: larger than ${p.max} bytes, which no set of root certificates is; give the path of a PEM file`,
  cacertDamaged: (p: { source: string; position: number; reason: string }) =>
    `--cacert ${p.source}: PEM block ${p.position} ${p.reason}; copy the root certificate again`,
  cacertNoCertificate: (p: { source: string }) =>
    `--cacert ${p.source}: no PEM certificate found (expected -----BEGIN CERTIFICATE----- blocks)`,
  cacertNotX509: (p: { source: string; n: number }) => `--cacert ${p.source}: certificate #${p.n} cannot be parsed as X.509`,

  // why a probe got no verdict (OpenSSL's and the system's own reasons are quoted as they come)
  noAnswer: (p: { ms: number }) => `no answer within ${p.ms} ms`,
  noTcpAnswer: (p: { ms: number }) => `no TCP answer within ${p.ms} ms`,
  serverClosed: () => "the server closed the connection",
  dnsFailed: (p: { host: string; port: number }) =>
    `the name ${p.host} does not resolve (DNS); check the record, or test an address with --resolve ${p.host}:${p.port}:<address>`,
  connectionRefused: (p: { where: string }) => `nothing listens on ${p.where} (connection refused)`,
  noRoute: (p: { where: string }) => `no route to ${p.where}`,
  cannotConnect: (p: { where: string; reason: string }) => `cannot connect to ${p.where}: ${p.reason}`,
  dialedAt: (p: { endpoint: string; address: string }) => `${p.endpoint} (at ${p.address})`,

  // the report
  checkCrashed: (p: { reason: string }) => `the check itself failed: ${p.reason}`,
  checkPastDeadline: (p: { seconds: number }) =>
    `the check did not finish within the ${p.seconds} s deadline of the whole verification (--deadline): the endpoint answers too slowly`,
  pass: () => "PASS",
  fail: () => "FAIL",
  note: () => "note: ",
  allPassed: (p: { count: number; url: string; took: string }) => `all ${p.count} checks passed for ${p.url} (${p.took})`,
  someFailed: (p: { failed: number; count: number; url: string; ids: string; took: string }) =>
    `${p.failed} of ${p.count} checks failed for ${p.url}: ${p.ids} (${p.took})`,
  wechatShows: (p: { errors: string }) => `in the mini program: ${p.errors}`,
  wechatWhere: (p: { devices: string }) => `where: ${p.devices}`,
  wechatSourceCommunity: () => "(as developers report it; WeChat does not document this text)",
  wechatSourceDerived: () => "(the form of the reported ERR_CERT_AUTHORITY_INVALID message, with Chromium's code for this error)",
  wechatSourceOfficial: () => "(WeChat's documented error code)",
  wechatSourceUnconfirmed: () => "(the exact text is not documented; unconfirmed)",

  // what each WeChat symptom means on which phones (wechatErrors.ts)
  devicesAuthorityInvalid: () =>
    "every phone that lacks the missing certificate: Android shows this errMsg (cronet), iOS fails too and is stricter (App Transport Security); " +
    "desktop browsers and the developer tools may still connect, so test on a phone with debug mode off",
  devicesCommonNameInvalid: () =>
    "every phone (Android with this errMsg, iOS with its own); the developer tools too unless domain checks are off",
  devicesDateInvalid: () => "every phone (Android with this errMsg, iOS with its own), and phones with a wrong clock first",
  devicesExpiresSoon: (p: { date: string }) =>
    `no error yet; from ${p.date} every phone fails every request with ERR_CERT_DATE_INVALID (errno 600001)`,
  devicesHandshakeAll: () => "every phone and the developer tools (with domain checks on); wx.connectSocket fails the same way",
  devicesHandshakeOlder: () => "phones without TLS 1.3 (older Android and iOS versions); newer phones connect, so the failure looks random",
  devicesHandshakeIos: () => "iOS (App Transport Security accepts forward-secret suites only); Android may still connect with a weak suite",
  devicesNoneLegacyVersions: () =>
    "no error: phones use TLS 1.2 or 1.3 anyway; the old versions only lower the SSL Labs grade and expose older clients",
  devicesNoneWeakSuites: () =>
    "no error while a forward-secret suite is also accepted (phones prefer those); the weak suites lower the SSL Labs grade",
  devicesNoneHsts: () => "no error: WeChat does not check HSTS; browsers opening the domain (web-view, H5) lose the HTTPS pinning",
  devicesNoneRedirect: () =>
    "no error: mini programs call https:// only (an http:// URL is refused before it is sent); browsers and old links stay on plain HTTP",
  devicesHealthStatus: (p: { status: number }) =>
    `no error text: on every phone wx.request succeeds with res.statusCode ${p.status} (any HTTP status ` +
    `goes to success), so the mini program's code must treat it as a failure`,
  devicesHealthTimeout: () => "every phone, after the request timeout (60 s by default)",
  devicesSocket: () => "every phone using wx.connectSocket; wx.request is not affected",
} as const satisfies Catalog;

export type VerifierMessages = typeof en;
