// What every backend instance receives, from the stack's settings: the one place that turns the
// stack config into the cloud-init options, used by the HttpsBackend component and `npm run render`.
import { renderCloudInit, renderReadinessScript, type CloudInitOptions, type LogShipping } from "./cloudInit";
import { renderNginxConfig } from "./nginx";
import { CLB_BACKEND_CIDR, NGINX_PORT } from "../constants";

export interface InstanceSettings {
  readonly environment: string;
  readonly backendPort: number;
  readonly hstsMaxAge: number;
  readonly healthPath: string;
  readonly maxUploadSize: string;
  readonly appImage?: string;
  readonly payNotifyPath?: string;
  readonly messagePushPath?: string;
  readonly wechatVerifyFiles?: Readonly<Record<string, string>>;
  /** Monitoring on: Logtail ships nginx's access log from the instances. */
  readonly monitoring?: { readonly region: string; readonly names: { readonly machineGroupId: string } };
}

function logShipping(settings: InstanceSettings): LogShipping | undefined {
  const monitoring = settings.monitoring;
  return monitoring && { region: monitoring.region, machineGroupId: monitoring.names.machineGroupId };
}

export function cloudInitOptions(settings: InstanceSettings): CloudInitOptions {
  return {
    nginx: {
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
    environment: settings.environment,
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
}

export function renderInstanceFiles(settings: InstanceSettings): InstanceFiles {
  const options = cloudInitOptions(settings);
  return {
    "user-data": renderCloudInit(options),
    "nginx.conf": renderNginxConfig(options.nginx),
    "readiness.sh": renderReadinessScript(options),
  };
}
