// The systemd unit that keeps the app running on 127.0.0.1:<backendPort>, restarted whenever it
// exits: either the app's container image, or the built-in Python app when there is no image yet.
import { APP_CONTAINER_NAME, BUILTIN_APP_PATH } from "./layout";

export interface AppUnitOptions {
  /** Container image; undefined = the built-in app. */
  readonly appImage?: string;
  readonly backendPort: number;
  readonly healthPath: string;
  readonly environment: string;
}

/** The unit file text of wechat-https-backend-app.service. */
export function renderAppUnit(options: AppUnitOptions): string {
  return options.appImage === undefined ? builtinAppUnit(options) : containerAppUnit(options, options.appImage);
}

function builtinAppUnit(options: AppUnitOptions): string {
  return `[Unit]
Description=wechat-https-backend built-in app (${options.environment}), until an app image is deployed
After=network.target

[Service]
Environment=PORT=${options.backendPort} HEALTH_PATH=${options.healthPath} APP_ENV=${options.environment}
ExecStart=/usr/bin/python3 ${BUILTIN_APP_PATH}
# A throwaway unprivileged user: the app needs no rights at all.
DynamicUser=yes
Restart=always
RestartSec=2

[Install]
WantedBy=multi-user.target
`;
}

function containerAppUnit(options: AppUnitOptions, image: string): string {
  const name = APP_CONTAINER_NAME;
  return `[Unit]
Description=wechat-https-backend app container (${options.environment}): ${image}
Requires=docker.service
After=docker.service network-online.target
Wants=network-online.target
# Keep retrying forever (e.g. while the registry is unreachable) instead of giving up after 5 tries.
StartLimitIntervalSec=0

[Service]
# A container left over from a crash would block the name.
ExecStartPre=-/usr/bin/docker rm --force ${name}
# Pull on every start to pick up the image; a failed pull is tolerated so that a restart during a
# registry outage still runs the image already on disk (docker run fails if there is none).
ExecStartPre=-/usr/bin/docker pull ${image}
# Host networking: the app listens on 127.0.0.1:${options.backendPort} directly. A published port
# (-p 127.0.0.1:...) would put docker's userland proxy between nginx and the app.
# Logs go to the journal (docker's default json-file log grows without bound).
ExecStart=/usr/bin/docker run --rm --name ${name} --network host --log-driver journald \\
  --env PORT=${options.backendPort} --env HOST=127.0.0.1 --env APP_ENV=${options.environment} \\
  ${image}
ExecStop=/usr/bin/docker stop --time 10 ${name}
Restart=always
RestartSec=5
# A first pull of a large image can take minutes.
TimeoutStartSec=15min

[Install]
WantedBy=multi-user.target
`;
}
