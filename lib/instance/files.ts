// What every backend instance receives, from the stack's settings: the one place that turns the
// stack config into the cloud-init options, used by the HttpsBackend component and `npm run render`.
import { appContainer, renderCloudInit, renderReadinessScript, type CloudInitOptions, type LogShipping } from "./cloudInit";
import { renderNginxConfig } from "./nginx";
import { renderRestartScript } from "./appRestart";
import { renderAppConfig, type ContainerRuntimeOptions } from "./appRuntime";
import { CLB_BACKEND_CIDR, NGINX_PORT } from "../constants";
import { appSecretParameterName, registryPasswordParameterName, tlsChainParameterNames, tlsKeyParameterName } from "../cloud/appRole";
import type { Edge } from "../config/keys";
import type { AppSettings } from "../config/settings";
import { TLS_CERTIFICATE_PATH, TLS_KEY_PATH } from "./layout";
import { INSTANCE_TLS_PORT, type NginxTls } from "./nginxTls";
import { renderTlsReloadScript } from "./tlsReload";

export interface InstanceSettings {
  readonly environment: string;
  /** What faces the internet; default loadBalancer. With instance, nginx ends TLS (its certificate from OOS). */
  readonly edge?: Edge;
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

/** Where nginx reads the instance edge's certificate, and the port it serves HTTPS on. */
export const INSTANCE_NGINX_TLS: NginxTls = { certificatePath: TLS_CERTIFICATE_PATH, keyPath: TLS_KEY_PATH, httpsPort: INSTANCE_TLS_PORT };

export function cloudInitOptions(settings: InstanceSettings): CloudInitOptions {
  const instanceEdge = settings.edge === "instance";
  const stack = settings.stack ?? "";
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
      ...(instanceEdge ? { tls: INSTANCE_NGINX_TLS } : {}),
    },
    appImage: settings.appImage,
    appRuntime: containerRuntime(settings),
    environment: settings.environment,
    readinessTimeoutSeconds: settings.readinessTimeoutSeconds,
    logShipping: logShipping(settings),
    ...(instanceEdge
      ? { tls: { region: settings.region ?? "", chainParameters: tlsChainParameterNames(stack), keyParameter: tlsKeyParameterName(stack) } }
      : {}),
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
  /** The instance edge's certificate reload Cloud Assistant runs on every change of the certificate. */
  readonly "tls-reload.sh"?: string;
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
    ...(options.tls ? { "tls-reload.sh": renderTlsReloadScript(options) } : {}),
  };
}
