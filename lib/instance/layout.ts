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
