// First boot of an instance (cloud-init user data) and the readiness gate run before the instance
// joins the load balancer. Target: Alibaba Cloud's Ubuntu 22.04 image, whose apt sources point to
// Alibaba Cloud's internal mirror (reachable from a VPC without internet access).
//
// Boot order (Ubuntu's cloud.cfg): write_files (early) -> packages (final stage) -> deferred
// write_files -> runcmd, which runs the setup script: app unit, `nginx -t`, nginx reload, wait
// until the health path answers 2xx through nginx, then the ready marker.
import { stringify } from "yaml";
import { renderNginxConfig, validateNginxOptions, type NginxOptions } from "./nginx";
import { INSTANCE_TLS_PORT } from "./nginxTls";
import { gzipSync } from "fflate";
import { renderAppUnit } from "./appUnit";
import { APPCTL_SOURCE } from "./appctl";
import { appConfigText, validateContainerRuntime, type AppContainer, type ContainerRuntimeOptions } from "./appRuntime";
import { BUILTIN_APP_SOURCE } from "./builtinApp";
import {
  APP_CONFIG_PATH,
  APP_UNIT_NAME,
  APPCTL_PATH,
  AUTO_UPGRADES_PATH,
  TLS_CONFIG_PATH,
  TLSCTL_PATH,
  BUILTIN_APP_PATH,
  LOG_TAG,
  LOGTAIL_INSTALL_PATH,
  LOGTAIL_INSTALL_UNIT,
  NGINX_CONFIG_PATH,
  READY_MARKER_PATH,
  SETUP_SCRIPT_PATH,
  UPGRADE_SETTINGS_PATH,
} from "./layout";
import { shellQuote, waitForHealthFunction } from "./shell";
import { Problems } from "../problems";
import { IMAGE_PATTERN, MAX_IMAGE_LENGTH } from "../constants";
import { checkWholeSeconds } from "./validate";
import { DEFAULT_READINESS_TIMEOUT_SECONDS, bootHealthSeconds } from "./readiness";
import { instanceMessages } from "./messages";
import { renderTlsConfig, type InstanceTlsParameters } from "./tlsConfig";
import { TLSCTL_SOURCE } from "./tlsctl";

export interface CloudInitOptions {
  readonly nginx: NginxOptions;
  /** Container image of the app (e.g. an ACR VPC address); undefined = the built-in health app. */
  readonly appImage?: string;
  /** The container's user, variables, secret parameter names and registry login; default none. */
  readonly appRuntime?: ContainerRuntimeOptions;
  /** Environment name, "dev"/"prod", for tags/logs. */
  readonly environment: string;
  /**
   * Bound of the readiness script, cloud-init included; default DEFAULT_READINESS_TIMEOUT_SECONDS. The
   * first-boot health wait is derived from it (readiness.ts), as are the command's and `pulumi up`'s timeouts.
   */
  readonly readinessTimeoutSeconds?: number;
  /** Ship nginx's access log to Log Service with Logtail; undefined = no agent. */
  readonly logShipping?: LogShipping;
  /**
   * The instance edge's certificate in OOS (nginx.tls says where nginx reads it): first boot fetches
   * it with tlsctl.py before nginx starts. Default none: TLS ends at the load balancer.
   */
  readonly tls?: InstanceTlsParameters;
}

export interface LogShipping {
  /** Region of the Log Service project: Logtail is fetched from, and reports to, its internal endpoints. */
  readonly region: string;
  /** The machine group's custom identifier (/etc/ilogtail/user_defined_id). */
  readonly machineGroupId: string;
}

/** Where Logtail reads its machine group identifier. */
export const LOGTAIL_ID_PATH = "/etc/ilogtail/user_defined_id";

/**
 * The script that installs Logtail from the region's internal OSS endpoint (no internet needed), the
 * way Alibaba Cloud's own OOS template ACS::ECS::InstallLogtail does. Best effort, and off the
 * readiness path: first boot starts it in the background once the instance is ready (the install can
 * take minutes, and only the access logs wait for it), and a failure is logged, never fatal.
 */
export function renderLogtailInstall(shipping: LogShipping): string {
  const url = `http://logtail-release-${shipping.region}.oss-${shipping.region}-internal.aliyuncs.com/linux64/logtail.sh`;
  const download = `curl -fsS --max-time 60 -o logtail.sh ${shellQuote(url)} && chmod 755 logtail.sh`;
  return `#!/bin/sh
# Installs Logtail for nginx's access log (machine group ${shipping.machineGroupId}); rendered by lib/instance/cloudInit.ts.
set -u
log() {
  echo "${LOG_TAG}: $*"
  logger -t ${LOG_TAG} -- "$*" 2>/dev/null || true
}
log "installing Logtail: nginx's access log to Log Service (machine group ${shipping.machineGroupId})"
if (cd "$(mktemp -d)" && ${download} && timeout 300 ./logtail.sh install ${shipping.region}); then
  log "Logtail installed"
else
  log "Logtail did not install; access logs are not shipped (serving is unaffected)"
fi
`;
}

/** Starts the Logtail install in the background, as a transient unit that outlives cloud-init. */
function startLogtailInstall(): string {
  return `# Off the readiness path: the install may take minutes, and only the access logs wait for it.
systemd-run --unit=${LOGTAIL_INSTALL_UNIT} --collect --quiet /bin/sh ${LOGTAIL_INSTALL_PATH} ||
  log "could not start the Logtail install; access logs are not shipped (serving is unaffected)"
`;
}

/**
 * cloud-init reads user data through the metadata service; with metadata tokens required
 * (httpTokens: required) it needs 23.2.2 or newer to do so (Alibaba Cloud's instance metadata docs).
 */
export const MIN_CLOUD_INIT_VERSION = "23.2.2";

/** The readiness script's reason when the image's cloud-init is older than MIN_CLOUD_INIT_VERSION. */
const CLOUD_INIT_TOO_OLD = `cannot read user data when metadata tokens are required (needs ${MIN_CLOUD_INIT_VERSION} or newer): use a newer image (imageId)`;

export function validateCloudInitOptions(options: CloudInitOptions): void {
  validateNginxOptions(options.nginx, "nginx");
  const problems = new Problems();
  const m = instanceMessages();
  if (options.appImage !== undefined && (!IMAGE_PATTERN.test(options.appImage) || options.appImage.length > MAX_IMAGE_LENGTH)) {
    problems.error(m.appImage({ value: JSON.stringify(options.appImage) }));
  }
  if (!/^[a-z0-9][a-z0-9-]{0,31}$/.test(options.environment)) {
    problems.error(m.environment({ value: JSON.stringify(options.environment) }));
  }
  try {
    validateContainerRuntime(options.appRuntime);
  } catch (err) {
    problems.error((err as Error).message);
  }
  if (options.readinessTimeoutSeconds !== undefined) {
    checkWholeSeconds(problems, "readinessTimeoutSeconds", options.readinessTimeoutSeconds, 1);
  }
  if ((options.tls === undefined) !== (options.nginx.tls === undefined)) problems.error(m.tlsHalfSet());
  const tlsNames = options.tls ? [options.tls.region, options.tls.keyParameter, ...options.tls.chainParameters] : [];
  if (tlsNames.some((name) => !/^[A-Za-z0-9/_-]+$/.test(name))) problems.error(m.tlsParameterName());
  const shipping = options.logShipping;
  if (shipping && (!/^[a-z]{2}(-[a-z0-9]+)+$/.test(shipping.region) || !/^[a-z0-9][a-z0-9-]{0,29}$/.test(shipping.machineGroupId))) {
    problems.error(m.logShipping());
  }
  problems.throwIfErrors(m.invalidCloudInitOptions());
}

/**
 * The URL that proves the whole instance path works: nginx on its port, proxying to the app. At the
 * instance edge that is HTTPS for the stack's domain (dialled on loopback: localHealthCurlOptions),
 * port 80 answering only redirects there.
 */
export function localHealthUrl(nginx: NginxOptions): string {
  if (!nginx.tls) return `http://127.0.0.1:${nginx.listenPort}${nginx.healthPath}`;
  const port = nginx.tls.httpsPort;
  return `https://${nginx.domain}${port === INSTANCE_TLS_PORT ? "" : `:${port}`}${nginx.healthPath}`;
}

/**
 * curl's options for localHealthUrl, quoted for sh: at the instance edge the domain resolves to
 * loopback, and the chain nginx was given is the trust anchor (curl accepts a certificate found in
 * --cacert itself, so a self-signed one passes too). What phones trust is the verifier's business.
 */
export function localHealthCurlOptions(nginx: NginxOptions): string {
  if (!nginx.tls) return "";
  return `--resolve ${shellQuote(`${nginx.domain}:${nginx.tls.httpsPort}:127.0.0.1`)} --cacert ${shellQuote(nginx.tls.certificatePath)}`;
}

/** The first-boot setup script (POSIX sh) that cloud-init runs once, as its last step. */
export function renderSetupScript(options: CloudInitOptions): string {
  const url = shellQuote(localHealthUrl(options.nginx));
  const healthSeconds = bootHealthSeconds(options.readinessTimeoutSeconds ?? DEFAULT_READINESS_TIMEOUT_SECONDS);
  return `#!/bin/sh
# First boot of a wechat-https-backend instance (${options.environment}), run once by cloud-init.
# Rendered by lib/instance/cloudInit.ts. Output: /var/log/cloud-init-output.log and journalctl -t ${LOG_TAG}.
set -eu

log() {
  echo "${LOG_TAG}: $*"
  logger -t ${LOG_TAG} -- "$*" 2>/dev/null || true
}

${waitForHealthFunction(localHealthCurlOptions(options.nginx))}
log "starting the app (${APP_UNIT_NAME})"
systemctl daemon-reload
systemctl enable ${APP_UNIT_NAME}
# --no-block: an image pull can take minutes; the health wait below bounds the whole start.
systemctl start --no-block ${APP_UNIT_NAME}

${options.tls ? fetchCertificateStep(healthSeconds) : ""}log "checking and loading the nginx config"
nginx -t
systemctl enable nginx.service
systemctl reload-or-restart nginx.service

deadline=$(( $(date +%s) + ${healthSeconds} ))
if ! wait_for_health ${url} "$deadline"; then
  log "NOT READY: ${localHealthUrl(options.nginx)} did not answer 2xx within ${healthSeconds}s; see systemctl status ${APP_UNIT_NAME} nginx"
  exit 1
fi
mkdir -p ${dirname(READY_MARKER_PATH)}
date -u +%Y-%m-%dT%H:%M:%SZ > ${READY_MARKER_PATH}
log "ready: ${localHealthUrl(options.nginx)} answers 2xx through nginx (marker ${READY_MARKER_PATH})"
${options.logShipping ? startLogtailInstall() : ""}`;
}

/**
 * The instance edge's first boot: the certificate from OOS before nginx may load a config that reads
 * it. The RAM role is attached only after the instance runs, so the first tries may find none.
 */
function fetchCertificateStep(seconds: number): string {
  return `log "fetching the certificate from OOS (tlsctl.py)"
fetch_deadline=$(( $(date +%s) + ${seconds} ))
until python3 ${TLSCTL_PATH} ${TLS_CONFIG_PATH} fetch >/dev/null; do
  if [ "$(date +%s)" -ge "$fetch_deadline" ]; then
    log "NOT READY: the certificate could not be fetched within ${seconds}s (RAM role attached? journalctl -t ${LOG_TAG})"
    exit 1
  fi
  sleep 5
done
`;
}

function dirname(path: string): string {
  return path.slice(0, path.lastIndexOf("/"));
}

interface WriteFile {
  readonly path: string;
  readonly permissions: string;
  readonly content: string;
  /** gz+b64: gzip then base64 (cloud-init decodes it), to keep the user data small. */
  readonly encoding?: "gz+b64";
  readonly defer?: boolean;
}

/**
 * nginx config as the instance gets it: without its whole-line comments, which are most of its size
 * (user data is limited to 32 KB) and reach reviewers another way: the source, and the complete
 * nginx.conf `npm run render` writes. nginx ignores them, so the config is the same.
 */
export function withoutCommentLines(config: string): string {
  return config
    .split("\n")
    .filter((line) => !line.trimStart().startsWith("#"))
    .join("\n");
}

/**
 * Unattended upgrades: security updates every day, as Ubuntu ships them (the package's own
 * 50unattended-upgrades allows the -security pocket only). No automatic reboot: every instance of a
 * stack would reboot at the same minute; a new kernel arrives with new instances instead.
 */
export const AUTO_UPGRADES = `APT::Periodic::Update-Package-Lists "1";
APT::Periodic::Unattended-Upgrade "1";
`;
export const UPGRADE_SETTINGS = `// wechat-https-backend: never reboot on its own (instances of one stack would reboot together).
Unattended-Upgrade::Automatic-Reboot "false";
`;

/**
 * gzip + base64 that gives the same bytes on every machine: user data that differs between two
 * machines running `pulumi up` would replace every instance. node:zlib is Chromium's zlib, whose
 * deflate output depends on the CPU's features, and it writes the build platform into the header;
 * fflate is plain JavaScript, writes a fixed OS byte, and is given a fixed time (1 ms after the epoch
 * is written as 0, "no time"; fflate would take 0 to mean "now").
 */
export function deterministicGzipBase64(text: string): string {
  return Buffer.from(gzipSync(Buffer.from(text, "utf8"), { level: 9, mtime: 1 })).toString("base64");
}

/** The app container of the instance (what app.json describes), or undefined for the built-in app. */
export function appContainer(options: CloudInitOptions): AppContainer | undefined {
  if (options.appImage === undefined) return undefined;
  const { backendPort, healthPath } = options.nginx;
  return { image: options.appImage, backendPort, healthPath, environment: options.environment, runtime: options.appRuntime };
}

/** The files cloud-init writes, in order. */
function writeFiles(options: CloudInitOptions): WriteFile[] {
  const nginx = options.nginx;
  const files: WriteFile[] = [];
  if (options.appImage === undefined) {
    files.push({ path: BUILTIN_APP_PATH, permissions: "0644", content: BUILTIN_APP_SOURCE });
  }
  const app = {
    backendPort: nginx.backendPort,
    healthPath: nginx.healthPath,
    environment: options.environment,
    runtime: options.appRuntime,
  };
  const container = appContainer(options);
  if (container) {
    // Encoded: app.json carries free text from the stack config (appEnv values), which so never
    // meets the YAML parser, whatever characters a check might let through.
    files.push({
      path: APP_CONFIG_PATH,
      permissions: "0600",
      encoding: "gz+b64",
      content: deterministicGzipBase64(appConfigText(container)),
    });
    files.push({
      path: APPCTL_PATH,
      permissions: "0755",
      encoding: "gz+b64",
      content: deterministicGzipBase64(APPCTL_SOURCE),
    });
  }
  files.push({
    path: `/etc/systemd/system/${APP_UNIT_NAME}`,
    permissions: "0644",
    content: renderAppUnit({ ...app, appImage: options.appImage }),
  });
  if (options.logShipping) {
    files.push({ path: LOGTAIL_ID_PATH, permissions: "0644", content: `${options.logShipping.machineGroupId}\n` });
    files.push({ path: LOGTAIL_INSTALL_PATH, permissions: "0755", content: renderLogtailInstall(options.logShipping) });
  }
  if (options.tls) {
    files.push({ path: TLSCTL_PATH, permissions: "0755", encoding: "gz+b64", content: deterministicGzipBase64(TLSCTL_SOURCE) });
    files.push({ path: TLS_CONFIG_PATH, permissions: "0600", content: renderTlsConfig(options.tls, nginx) });
  }
  files.push({ path: SETUP_SCRIPT_PATH, permissions: "0755", content: renderSetupScript(options) });
  // Deferred until after the packages are installed, so it replaces the nginx package's own file
  // rather than the package finding ours (cloud-init older than 21.4 ignores defer and writes it
  // first; apt then keeps it, as cloud-init runs apt with --force-confold). gzip+base64: a third of
  // its size, the largest part of the user data (ECS takes 32 KB).
  files.push({
    path: NGINX_CONFIG_PATH,
    permissions: "0644",
    encoding: "gz+b64",
    content: deterministicGzipBase64(withoutCommentLines(renderNginxConfig(nginx))),
    defer: true,
  });
  // After the unattended-upgrades package, whose postinst writes its own 20auto-upgrades.
  files.push({ path: AUTO_UPGRADES_PATH, permissions: "0644", content: AUTO_UPGRADES, defer: true });
  files.push({ path: UPGRADE_SETTINGS_PATH, permissions: "0644", content: UPGRADE_SETTINGS, defer: true });
  return files;
}

/** The user data of an instance: "#cloud-config" YAML. */
export function renderCloudInit(options: CloudInitOptions): string {
  validateCloudInitOptions(options);
  return cloudConfig(options);
}

/**
 * The user data without the option checks: what renderCloudInit returns once they passed. Apart so a
 * test can show what a value a check let through would do to the YAML (nothing: see writeFiles).
 */
export function cloudConfig(options: CloudInitOptions): string {
  const packages = ["nginx", "curl", "unattended-upgrades"];
  if (options.appImage !== undefined) packages.push("docker.io");
  const userData = {
    // The image's package lists may be old: refresh them from the (internal) mirror first.
    package_update: true,
    // The image is as old as the first deploy (imageId changes are ignored): bring every package up
    // to date before anything serves. Kernel updates wait for the next new instance.
    package_upgrade: true,
    packages,
    write_files: writeFiles(options),
    runcmd: [SETUP_SCRIPT_PATH],
  };
  // Literal blocks, no line folding: every embedded file comes back byte for byte.
  const yaml = stringify(userData, { blockQuote: "literal", lineWidth: 0 });
  const app = options.appImage ?? "built-in health app";
  return (
    `#cloud-config\n# wechat-https-backend instance (${options.environment}): nginx :${options.nginx.listenPort} ` +
    `-> ${app} on 127.0.0.1:${options.nginx.backendPort}\n${yaml}`
  );
}

/**
 * The readiness gate (POSIX sh) run on each new instance through Cloud Assistant before it joins
 * the load balancer: waits for cloud-init, then for the health path through nginx. Exits 0 when
 * ready, non-zero with a message on failure or after readinessTimeoutSeconds.
 */
export function renderReadinessScript(options: CloudInitOptions): string {
  validateCloudInitOptions(options);
  const timeout = options.readinessTimeoutSeconds ?? DEFAULT_READINESS_TIMEOUT_SECONDS;
  const url = localHealthUrl(options.nginx);
  return `#!/bin/sh
# Readiness gate of a wechat-https-backend instance (${options.environment}), rendered by lib/instance/cloudInit.ts.
# Exit 0 = cloud-init finished and ${url} answers 2xx through nginx.
set -eu
timeout_seconds=${timeout}
health_url=${shellQuote(url)}
started=$(date +%s)
deadline=$((started + timeout_seconds))

${waitForHealthFunction(localHealthCurlOptions(options.nginx))}
fail() {
  echo "readiness: FAILED: $*" >&2
  exit 1
}

command -v cloud-init >/dev/null 2>&1 || fail "cloud-init is not installed on this instance"
# With metadata tokens required (httpTokens: required) an older cloud-init cannot read the user data
# at all, and the instance would only look as if the app never started.
cloud_init_version=$(cloud-init --version 2>&1 | sed -n 's/^[^0-9]*\\([0-9][0-9.]*\\).*/\\1/p' | head -n 1)
if [ -n "$cloud_init_version" ] &&
  [ "$(printf '%s\\n%s\\n' "${MIN_CLOUD_INIT_VERSION}" "$cloud_init_version" | sort -V | head -n 1)" != "${MIN_CLOUD_INIT_VERSION}" ]; then
  fail "cloud-init $cloud_init_version ${CLOUD_INIT_TOO_OLD}"
fi
# Without a status command (cloud-init < 18.2) "status --wait" would exit 2 like a warning does.
cloud-init status --help >/dev/null 2>&1 || fail "this cloud-init has no status command (needs >= 18.2)"
echo "readiness: waiting for cloud-init to finish (at most \${timeout_seconds}s in all)"
status=0
timeout "$timeout_seconds" cloud-init status --wait >/dev/null || status=$?
case $status in
  0) echo "readiness: cloud-init finished" ;;
  2)
    # cloud-init >= 23.4: finished, with recoverable errors such as deprecation warnings.
    echo "readiness: cloud-init finished with warnings:"
    cloud-init status --long || true
    ;;
  124) fail "cloud-init still running after \${timeout_seconds}s" ;;
  *)
    cloud-init status --long >&2 || true
    tail -n 40 /var/log/cloud-init-output.log >&2 || true
    fail "cloud-init reported an error (exit $status); see /var/log/cloud-init-output.log"
    ;;
esac

wait_for_health "$health_url" "$deadline" ||
  fail "$health_url did not answer 2xx within \${timeout_seconds}s of the start"
echo "readiness: READY after $(($(date +%s) - started))s"
`;
}
