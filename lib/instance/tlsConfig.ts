// The instance edge's certificate settings on the instance: where tlsctl.py finds the names of its
// OOS parameters (tls.json: names and paths, never a value) and where it writes what nginx serves.
import { instancePlacement } from "./appRuntime";
import type { NginxOptions } from "./nginx";

/** Where the certificate is kept in OOS: the chain in parts (OOS takes at most 4096 characters a value), the key in one. */
export interface InstanceTlsParameters {
  readonly region: string;
  readonly chainParameters: readonly string[];
  readonly keyParameter: string;
}

/** Where tlsctl.py talks to; the instance's by default, tests point it at fakes. */
export interface TlsctlPlacement {
  readonly metadataUrl: string;
  readonly oosEndpoints: readonly string[];
}

/** tls.json, as tlsctl.py reads it. */
export function renderTlsConfig(tls: InstanceTlsParameters, nginx: NginxOptions, placement?: TlsctlPlacement): string {
  const nginxTls = nginx.tls;
  if (!nginxTls) throw new Error("renderTlsConfig: nginx does not end TLS itself (nginx.tls is not set)");
  const where = placement ?? instancePlacement(tls.region);
  const config = {
    region: tls.region,
    metadataUrl: where.metadataUrl,
    oosEndpoints: where.oosEndpoints,
    chainParameters: tls.chainParameters,
    keyParameter: tls.keyParameter,
    certificatePath: nginxTls.certificatePath,
    keyPath: nginxTls.keyPath,
    served: { host: "127.0.0.1", port: nginxTls.httpsPort, serverName: nginx.domain },
  };
  return `${JSON.stringify(config)}\n`;
}
