// The systemd unit that keeps the app running on 127.0.0.1:<backendPort>, restarted whenever it
// exits: either the app's container image (appRuntime.ts), or the built-in Python app when there is
// no image yet.
import { renderContainerUnit, type ContainerRuntimeOptions } from "./appRuntime";
import { BUILTIN_APP_PATH } from "./layout";

export interface AppUnitOptions {
  /** Container image; undefined = the built-in app. */
  readonly appImage?: string;
  readonly backendPort: number;
  readonly healthPath: string;
  readonly environment: string;
  /** The container's user, variables and registry login (ignored by the built-in app). */
  readonly runtime?: ContainerRuntimeOptions;
}

/** The unit file text of wechat-https-backend-app.service. */
export function renderAppUnit(options: AppUnitOptions): string {
  return options.appImage === undefined ? builtinAppUnit(options) : renderContainerUnit({ ...options, image: options.appImage });
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
