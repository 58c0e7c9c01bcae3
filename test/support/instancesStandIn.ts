// What the stack's instances run, on loopback: the real nginx with the stack's own rendered config
// (trusting 127.0.0.0/8 as the load balancer's range, since the emulator's data plane connects from
// there) in front of a test app answering the health path. The emulator's load balancers forward to
// it, so the deploy check in `pulumi up` meets the headers the instances send (HSTS among them).
import type { Backend } from "../../tools/cloudlab/dataPlane";
import { cloudInitOptions } from "../../lib/instance/files";
import { resolveStackConfig } from "../../lib/config/stackConfig";
import { loadStack } from "../../tools/plan/stackFiles";
import { startTestApp } from "./apps";
import { startProjectNginx } from "./nginx";
import { PROJECT_DIR } from "./paths";

export interface InstancesStandIn {
  readonly backend: Backend;
  stop(): Promise<void>;
}

export async function startInstancesStandIn(stack: string, configFile: string): Promise<InstancesStandIn> {
  const { config } = loadStack(PROJECT_DIR, { stack, configFile });
  const { settings } = resolveStackConfig({ values: config.values, stack });
  const nginxOptions = cloudInitOptions(settings).nginx;
  const app = await startTestApp(nginxOptions.healthPath);
  const nginx = await startProjectNginx({ ...nginxOptions, backendPort: app.port, loadBalancerCidr: "127.0.0.0/8" });
  return {
    backend: { host: "127.0.0.1", port: nginx.port },
    stop: async () => {
      await nginx.stop();
      await app.close();
    },
  };
}
