// Where things live on an instance. One place, so the cloud-init output, the readiness script and
// the docs agree.

/** systemd unit that runs the app (the container, or the built-in app). */
export const APP_UNIT_NAME = "wechat-https-backend-app.service";
/** Name of the app's container, when there is an app image. */
export const APP_CONTAINER_NAME = "wechat-https-backend-app";
/** The built-in app (no app image). */
export const BUILTIN_APP_PATH = "/opt/wechat-https-backend/builtin_app.py";
/** First-boot setup script cloud-init runs once (runcmd). */
export const SETUP_SCRIPT_PATH = "/usr/local/sbin/wechat-https-backend-setup";
/** Written when the health path first answered 2xx through nginx after boot. */
export const READY_MARKER_PATH = "/var/lib/wechat-https-backend/ready";
/** nginx's main config (Ubuntu's path). */
export const NGINX_CONFIG_PATH = "/etc/nginx/nginx.conf";
/** syslog tag of the setup script's lines (journalctl -t wechat-https-backend). */
export const LOG_TAG = "wechat-https-backend";
/** Root-only directory of the app's configuration (app.json: plain variables, secret names, image). */
export const APP_CONFIG_PATH = "/etc/wechat-https-backend/app.json";
/** The helper that prepares and runs the app container (appctl.ts). */
export const APPCTL_PATH = "/usr/local/lib/wechat-https-backend/appctl.py";
/** tmpfs directory of the container's environment file and the pull's throw-away docker login. */
export const APP_RUN_DIR = "/run/wechat-https-backend";
/** The container's environment (0600, on tmpfs: secrets never reach the disk). */
export const APP_ENV_FILE = `${APP_RUN_DIR}/app.env`;
/** The Logtail installer first boot starts in the background when monitoring ships access logs. */
export const LOGTAIL_INSTALL_PATH = "/usr/local/lib/wechat-https-backend/install-logtail.sh";
/** The transient systemd unit that runs it (journalctl -u wechat-https-backend-logtail-install). */
export const LOGTAIL_INSTALL_UNIT = "wechat-https-backend-logtail-install";
/** Turns on unattended security upgrades (APT::Periodic). */
export const AUTO_UPGRADES_PATH = "/etc/apt/apt.conf.d/20auto-upgrades";
/** The project's unattended-upgrades settings, read after the package's own 50unattended-upgrades. */
export const UPGRADE_SETTINGS_PATH = "/etc/apt/apt.conf.d/52wechat-https-backend-upgrades";
/** The instance edge's certificate helper (tlsctl.ts): fetches the chain and key from OOS. */
export const TLSCTL_PATH = "/usr/local/lib/wechat-https-backend/tlsctl.py";
/** Root-only settings of tlsctl.py: the names of the certificate's parameters, never their values. */
export const TLS_CONFIG_PATH = "/etc/wechat-https-backend/tls.json";
/** Root-only (0700) directory of the certificate nginx serves at the instance edge. */
export const TLS_DIR = "/etc/wechat-https-backend/tls";
/** The full chain, leaf first (0600). */
export const TLS_CERTIFICATE_PATH = `${TLS_DIR}/fullchain.pem`;
/** The private key (0600, root: nginx's master reads it before its workers drop to www-data). */
export const TLS_KEY_PATH = `${TLS_DIR}/privkey.pem`;
