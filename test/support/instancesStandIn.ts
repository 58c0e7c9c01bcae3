// What the stack's instances run, on loopback: the real nginx with the stack's own rendered config
// (trusting 127.0.0.0/8 as the load balancer's range, since the emulator's data plane connects from
// there) in front of a test app answering the health path. The emulator's load balancers forward to
// it, so the deploy check in `pulumi up` meets the headers the instances send (HSTS among them).
//
// At the instance edge nginx ends TLS itself, and the emulator's EIPs pass their 443 and 80 to it.
// It starts with a placeholder certificate and does what the instance does when Cloud Assistant runs
// tls-reload.sh (the invocation the program creates on every change of the certificate): it reads
// the chain and the key from the emulator's OOS parameters, writes them where nginx reads them and
// makes nginx reload. So what the deploy check and a test meet at the EIP is what the stack put in
// OOS, loaded when the stack asked for it.
import { readFileSync, writeFileSync } from "node:fs";
import type { Backend } from "../../tools/cloudlab/dataPlane";
import { ASSISTANT_KINDS } from "../../tools/cloudlab/products/ecs/assistantKinds";
import { secretParameterValue } from "../../tools/cloudlab/products/oos";
import type { LabStore } from "../../tools/cloudlab/store";
import { cloudInitOptions, renderInstanceFiles } from "../../lib/instance/files";
import { UNUSED_CHAIN_PART } from "../../lib/cloud/appRole";
import { resolveStackConfig } from "../../lib/config/stackConfig";
import { loadStack } from "../../tools/plan/stackFiles";
import { startTestApp } from "./apps";
import { startProjectNginx, startTlsNginx, type RunningTlsNginx } from "./nginx";
import { PROJECT_DIR } from "./paths";
import { issue } from "./pki";

export interface InstancesStandIn {
  readonly backend: Backend;
  /** Follows the emulator's Cloud Assistant: each certificate reload loads what OOS holds (the instance edge only). */
  follow(store: LabStore): void;
  /** The certificate reloads done so far, each the chain nginx was given (the instance edge only). */
  readonly reloads: readonly string[];
  /** Reloads that could not be done, with why (a test expects none). */
  readonly problems: readonly string[];
  stop(): Promise<void>;
}

export async function startInstancesStandIn(stack: string, configFile: string): Promise<InstancesStandIn> {
  const { config } = loadStack(PROJECT_DIR, { stack, configFile });
  const { settings } = resolveStackConfig({ values: config.values, stack });
  const options = cloudInitOptions(settings);
  const app = await startTestApp(options.nginx.healthPath);
  if (options.tls) {
    const placeholder = await issue({ dnsNames: ["placeholder.invalid"], notAfterDays: 2 });
    const nginxOptions = { ...options.nginx, backendPort: app.port };
    const nginx = await startTlsNginx(nginxOptions, { chainPem: placeholder.certPem, keyPem: placeholder.keyPem }, undefined, 443);
    const parameters = options.tls;
    const reloadScript = renderInstanceFiles(settings)["tls-reload.sh"];
    const reloads: string[] = [];
    const problems: string[] = [];
    return {
      backend: { host: "127.0.0.1", port: nginx.httpPort, edge: { httpsPort: nginx.httpsPort, httpPort: nginx.httpPort } },
      follow: (store) =>
        store.watch((change) => {
          if (change?.kind !== ASSISTANT_KINDS.invocation || change.op !== "create") return;
          const command = store.get(ASSISTANT_KINDS.command, String(change.record.CommandId));
          if (Buffer.from(String(command?.CommandContent ?? ""), "base64").toString("utf8") !== reloadScript) return;
          try {
            reloads.push(reloadFromOos(store, nginx, parameters.chainParameters, parameters.keyParameter));
          } catch (err) {
            problems.push((err as Error).message);
          }
        }),
      reloads,
      problems,
      stop: async () => {
        await nginx.nginx.stop();
        await app.close();
      },
    };
  }
  const nginx = await startProjectNginx({ ...options.nginx, backendPort: app.port, loadBalancerCidr: "127.0.0.0/8" });
  return {
    backend: { host: "127.0.0.1", port: nginx.port },
    follow: () => undefined,
    reloads: [],
    problems: [],
    stop: async () => {
      await nginx.stop();
      await app.close();
    },
  };
}

/** tlsctl.py's fetch and tls-reload.sh's reload, on the stand-in: returns the chain loaded. */
function reloadFromOos(store: LabStore, nginx: RunningTlsNginx, chainParameters: readonly string[], keyParameter: string): string {
  const parts = chainParameters.map((name) => secretParameterValue(store, name));
  const key = secretParameterValue(store, keyParameter);
  if (parts.some((part) => part === undefined) || key === undefined) {
    throw new Error(`the certificate reload ran before its OOS parameters existed (${[...chainParameters, keyParameter].join(", ")})`);
  }
  const chain = parts.filter((part) => part !== UNUSED_CHAIN_PART).join("");
  writeFileSync(nginx.certificatePath, chain);
  writeFileSync(nginx.keyPath, key, { mode: 0o600 });
  // `nginx -s reload` is SIGHUP to the master process.
  process.kill(Number(readFileSync(nginx.nginx.paths.pidFile, "utf8").trim()), "SIGHUP");
  return chain;
}
