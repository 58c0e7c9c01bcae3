// The Alibaba Cloud emulator: a loopback forward proxy that answers the APIs the provider calls for
// this project's stacks, keeping state the way the cloud does. A test tool: the program never imports
// it. `npm run cloudlab` runs it in the foreground; tests start it with startCloudLab().
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { DataPlane, type Backend } from "./dataPlane";
import { labApi } from "./labApi";
import { makeLabTls } from "./labTls";
import { PRODUCTS } from "./products";
import { LAB_DOMAIN, startLabServer } from "./server";
import { hostZone } from "./products/alidns";
import { LAB_ACCOUNT_ID, LAB_REGION, labEnvironment, providerConfig } from "./settings";
import { LabStore } from "./store";

export interface CloudLab {
  readonly port: number;
  readonly store: LabStore;
  /** The lab CA's PEM file (SSL_CERT_FILE for the provider). */
  readonly caFile: string;
  /** Stack config entries that point the provider here. */
  readonly providerConfig: Record<string, unknown>;
  /** Environment for the `pulumi` process. */
  readonly environment: Record<string, string>;
  /** The load balancers' data plane, when a backend was given. */
  readonly dataPlane?: DataPlane;
  stop(): Promise<void>;
}

export interface CloudLabOptions {
  readonly port?: number;
  /** Zones the lab account hosts in Alibaba Cloud DNS; default example.com. */
  readonly dnsZones?: readonly string[];
  /** Serve the load balancers' listeners on their loopback addresses, forwarding to this backend (dataPlane.ts). */
  readonly backend?: Backend;
}

export async function startCloudLab(options: CloudLabOptions = {}): Promise<CloudLab> {
  const store = new LabStore(LAB_REGION, LAB_ACCOUNT_ID);
  // The account's hosted DNS zones: a stack's zone must be there, as it must be in a real account.
  for (const zone of options.dnsZones ?? ["example.com"]) hostZone(store, zone);
  const names = [`*.${LAB_DOMAIN}`, ...Object.keys(PRODUCTS).map((p) => `*.${p}.${LAB_DOMAIN}`)];
  const tls = await makeLabTls(names);
  const dir = mkdtempSync(path.join(tmpdir(), "cloudlab-"));
  const caFile = path.join(dir, "lab-ca.pem");
  writeFileSync(caFile, tls.caPem);
  const server = await startLabServer({ port: options.port, products: PRODUCTS, store, tls, api: labApi(store) });
  const dataPlane = options.backend ? new DataPlane(store, options.backend) : undefined;
  return {
    port: server.port,
    store,
    caFile,
    providerConfig: providerConfig(),
    environment: labEnvironment(server.port, caFile),
    dataPlane,
    stop: async () => {
      await dataPlane?.close();
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
