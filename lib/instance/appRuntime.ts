// What the app container gets on an instance: app.json (read by appctl.py: the plain variables, the
// names of the secret parameters, the image and how to log in for the pull) and the unit that runs
// it. Secret values never appear here: only the names of the OOS parameters that hold them.
import { CONTROL_OR_LINE_SEPARATOR, DEFAULT_APP_USER, ENV_NAME_PATTERN, STACK_APP_ENV_NAMES } from "../constants";
import { Problems } from "../problems";
import { APP_CONFIG_PATH, APP_CONTAINER_NAME, APP_ENV_FILE, APP_RUN_DIR, APPCTL_PATH } from "./layout";
import { instanceMessages } from "./messages";

/** How appctl.py logs in before the pull. */
export type RegistryLogin =
  | { readonly kind: "acr"; readonly host: string; readonly instanceId: string }
  | { readonly kind: "password"; readonly host: string; readonly username: string; readonly passwordParameter: string };

export interface ContainerRuntimeOptions {
  /** docker run --user; default DEFAULT_APP_USER (nobody). */
  readonly user?: string;
  /** Plain variables (appEnv); default none. */
  readonly env?: Readonly<Record<string, string>>;
  /** Secret variables: variable name → OOS parameter name; default none. */
  readonly secretParameters?: Readonly<Record<string, string>>;
  /** Registry login for the pull; default anonymous. */
  readonly registry?: RegistryLogin;
  /** Region of the parameters and the registry; required with secrets or a registry login. */
  readonly region?: string;
}

/** Where appctl.py finds things; the defaults are the instance's, tests point them at fakes. */
export interface AppctlPlacement {
  readonly envFile: string;
  readonly runDir: string;
  readonly metadataUrl: string;
  readonly oosEndpoints: readonly string[];
  readonly crEndpoints: readonly string[];
}

/**
 * The ECS metadata service, and the OOS and ACR API endpoints: the VPC one first (cr-vpc is
 * documented; oos-vpc follows the SDKs' "<product>-vpc.<region>" rule that Cloud Assistant's own
 * OOS client uses in a VPC), then the public one for instances that do have a way out.
 */
export function instancePlacement(region: string): AppctlPlacement {
  return {
    envFile: APP_ENV_FILE,
    runDir: APP_RUN_DIR,
    metadataUrl: "http://100.100.100.200",
    oosEndpoints: [`https://oos-vpc.${region}.aliyuncs.com`, `https://oos.${region}.aliyuncs.com`],
    crEndpoints: [`https://cr-vpc.${region}.aliyuncs.com`, `https://cr.${region}.aliyuncs.com`],
  };
}

/** The share of the instance's memory the container may use; the rest is nginx's and the system's. */
export const APP_MEMORY_FRACTION = 0.75;
/** Processes and threads the container may run (a fork bomb stops there). */
export const APP_PIDS_LIMIT = 4096;

export interface AppContainer {
  readonly image: string;
  readonly backendPort: number;
  readonly healthPath: string;
  readonly environment: string;
  readonly runtime?: ContainerRuntimeOptions;
}

/** The container's plain environment: the stack's own variables, then appEnv. */
export function plainEnvironment(app: AppContainer): Record<string, string> {
  return {
    PORT: String(app.backendPort),
    // Inside its own network namespace; the port is published on the host's 127.0.0.1 only.
    HOST: "0.0.0.0",
    APP_ENV: app.environment,
    HEALTH_PATH: app.healthPath,
    ...(app.runtime?.env ?? {}),
  };
}

export function validateContainerRuntime(runtime: ContainerRuntimeOptions | undefined): void {
  if (!runtime) return;
  const problems = new Problems();
  const m = instanceMessages();
  const names = [...Object.keys(runtime.env ?? {}), ...Object.keys(runtime.secretParameters ?? {})];
  for (const name of names) {
    if (!ENV_NAME_PATTERN.test(name) || (STACK_APP_ENV_NAMES as readonly string[]).includes(name)) {
      problems.error(m.appVariableName({ name: JSON.stringify(name) }));
    }
  }
  if (new Set(names).size !== names.length) problems.error(m.variablePlainAndSecret());
  for (const [name, value] of Object.entries(runtime.env ?? {})) {
    if (CONTROL_OR_LINE_SEPARATOR.test(value)) problems.error(m.appVariableControlCharacter({ name }));
  }
  const settings = [
    runtime.user,
    runtime.region,
    ...Object.values(runtime.secretParameters ?? {}),
    ...Object.values(runtime.registry ?? {}),
  ];
  if (settings.some((text) => typeof text === "string" && CONTROL_OR_LINE_SEPARATOR.test(text))) {
    problems.error(m.appSettingControlCharacter());
  }
  const needsRegion = Object.keys(runtime.secretParameters ?? {}).length > 0 || runtime.registry !== undefined;
  if (needsRegion && !/^[a-z]{2}(-[a-z0-9]+)+$/.test(runtime.region ?? "")) problems.error(m.regionNeeded());
  // uid 0, or gid 0: the root group owns files root's own processes trust.
  if (runtime.user !== undefined && /^(0+|root)(:|$)|:(0+|root)$/.test(runtime.user)) problems.error(m.appAsRoot());
  problems.throwIfErrors(m.invalidAppContainer());
}

/** app.json, as appctl.py reads it. */
export function renderAppConfig(app: AppContainer, placement?: AppctlPlacement): string {
  validateContainerRuntime(app.runtime);
  return appConfigText(app, placement);
}

/** app.json without the checks: renderAppConfig, or the user data after validateCloudInitOptions. */
export function appConfigText(app: AppContainer, placement?: AppctlPlacement): string {
  const runtime = app.runtime ?? {};
  const where = placement ?? instancePlacement(runtime.region ?? "cn-hangzhou");
  const config = {
    image: app.image,
    containerName: APP_CONTAINER_NAME,
    user: runtime.user ?? DEFAULT_APP_USER,
    port: app.backendPort,
    region: runtime.region ?? "",
    env: plainEnvironment(app),
    secrets: runtime.secretParameters ?? {},
    registry: runtime.registry ?? null,
    memoryFraction: APP_MEMORY_FRACTION,
    pidsLimit: APP_PIDS_LIMIT,
    ...where,
  };
  // One line: a machine file, and every byte counts against the user data limit.
  return `${JSON.stringify(config)}\n`;
}

/** The unit that runs the app container through appctl.py. */
export function renderContainerUnit(app: AppContainer): string {
  const name = APP_CONTAINER_NAME;
  const appctl = `/usr/bin/python3 ${APPCTL_PATH} ${APP_CONFIG_PATH}`;
  return `[Unit]
Description=wechat-https-backend app container (${app.environment}): ${app.image}
Requires=docker.service
After=docker.service network-online.target
Wants=network-online.target
# Keep retrying forever (registry or OOS unreachable, RAM role not attached yet) instead of giving up after 5 tries.
StartLimitIntervalSec=0

[Service]
# A container left over from a crash would block the name.
ExecStartPre=-/usr/bin/docker rm --force ${name}
# The environment file (plain variables and the secrets, read from OOS on every start) and, on the
# first start only, the image: later starts never pull, so only a new instance takes a new image.
ExecStartPre=${appctl} prepare
# docker run as nobody, without capabilities or new privileges, with memory and pids limits,
# published on 127.0.0.1:${app.backendPort} only, the environment from the 0600 file.
ExecStart=${appctl} run
ExecStop=/usr/bin/docker stop --time 10 ${name}
Restart=always
RestartSec=5
# A first pull of a large image can take minutes.
TimeoutStartSec=15min

[Install]
WantedBy=multi-user.target
`;
}
