// What every backend instance receives, from the stack's settings: the one place that turns the
// stack config into the cloud-init options, used by the HttpsBackend component and `npm run render`.
import { appContainer, renderCloudInit, renderReadinessScript, type CloudInitOptions, type LogShipping } from "./cloudInit";
import { renderNginxConfig } from "./nginx";
import { renderRestartScript } from "./appRestart";
import { renderAppConfig, type ContainerRuntimeOptions } from "./appRuntime";
import { CLB_BACKEND_CIDR, NGINX_PORT } from "../constants";
import { appSecretParameterName, registryPasswordParameterName } from "../cloud/appRole";
import type { AppSettings } from "../config/settings";

export interface InstanceSettings {
  readonly environment: string;
  /** The stack's domain: the only Host nginx serves. */
  readonly domain: string;
  readonly backendPort: number;
  readonly hstsMaxAge: number;
  readonly healthPath: string;
  readonly maxUploadSize: string;
  readonly appImage?: string;
  /** Seconds a new instance may take to become ready; default 600. */
  readonly readinessTimeoutSeconds?: number;
  readonly payNotifyPath?: string;
  readonly messagePushPath?: string;
  readonly wechatVerifyFiles?: Readonly<Record<string, string>>;
  /** Monitoring on: Logtail ships nginx's access log from the instances. */
  readonly monitoring?: { readonly region: string; readonly names: { readonly machineGroupId: string } };
  /** The app container's variables, secrets and registry login; default none. */
  readonly app?: AppSettings;
  /** Stack name: it names the stack's secret parameters. Needed with app secrets or a registry password. */
  readonly stack?: string;
  /** Region of the secret parameters and the registry. */
  readonly region?: string;
}

function logShipping(settings: InstanceSettings): LogShipping | undefined {
  const monitoring = settings.monitoring;
  return monitoring && { region: monitoring.region, machineGroupId: monitoring.names.machineGroupId };
}

/** What the container gets: secret parameter names (never values), the registry login. */
export function containerRuntime(settings: InstanceSettings): ContainerRuntimeOptions | undefined {
  const app = settings.app;
  if (!app) return undefined;
  const stack = settings.stack ?? "";
  const registry = app.registry;
  return {
    user: app.user,
    env: app.env,
    secretParameters: Object.fromEntries(Object.keys(app.secrets).map((name) => [name, appSecretParameterName(stack, name)])),
    registry:
      registry?.kind === "acr"
        ? { kind: "acr", host: registry.host, instanceId: registry.instanceId }
        : registry?.kind === "password"
          ? { kind: "password", host: registry.host, username: registry.username, passwordParameter: registryPasswordParameterName(stack) }
          : undefined,
    region: settings.region,
  };
}

export function cloudInitOptions(settings: InstanceSettings): CloudInitOptions {
  return {
    nginx: {
      domain: settings.domain,
      listenPort: NGINX_PORT,
      backendPort: settings.backendPort,
      hstsMaxAge: settings.hstsMaxAge,
      healthPath: settings.healthPath,
      maxUploadSize: settings.maxUploadSize,
      loadBalancerCidr: CLB_BACKEND_CIDR,
      callbackPaths: [...new Set([settings.payNotifyPath, settings.messagePushPath].filter((path): path is string => !!path))],
      verifyFiles: settings.wechatVerifyFiles,
    },
    appImage: settings.appImage,
    appRuntime: containerRuntime(settings),
    environment: settings.environment,
    readinessTimeoutSeconds: settings.readinessTimeoutSeconds,
    logShipping: logShipping(settings),
  };
}

export interface InstanceFiles {
  /** The cloud-init user data, as the instance receives it (before base64). */
  readonly "user-data": string;
  /** The nginx main config inside it, runnable with `nginx -c`. */
  readonly "nginx.conf": string;
  /** The readiness check Cloud Assistant runs before the instance joins the load balancer. */
  readonly "readiness.sh": string;
  /** The restart Cloud Assistant runs after the app's secrets changed; only when the app has secrets. */
  readonly "app-restart.sh"?: string;
  /** The app container's settings appctl.py reads (with an app image): encoded in the user data, readable here. */
  readonly "app.json"?: string;
}

export function renderInstanceFiles(settings: InstanceSettings): InstanceFiles {
  const options = cloudInitOptions(settings);
  const container = appContainer(options);
  return {
    "user-data": renderCloudInit(options),
    "nginx.conf": renderNginxConfig(options.nginx),
    "readiness.sh": renderReadinessScript(options),
    ...(settings.appImage !== undefined && Object.keys(settings.app?.secrets ?? {}).length > 0
      ? { "app-restart.sh": renderRestartScript(options) }
      : {}),
    ...(container ? { "app.json": renderAppConfig(container) } : {}),
  };
}
