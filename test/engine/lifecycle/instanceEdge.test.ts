// The committed stacks with `edge: instance` through their life with the real CLI and plugins against
// the emulator: `up` from nothing, a preview and a refresh that find nothing to change, a rollout
// that moves the EIP to the new instance, a renewal-shaped preview judged by check-renewal, a new
// certificate, and destroy. The emulator's EIP passes 443 and 80 to a real nginx with the stack's
// rendered instance-edge config, which loads the certificate from the emulator's OOS parameters each
// time the stack's Cloud Assistant reload runs (test/support/instancesStandIn.ts): so the deploy
// check in prod's `pulumi up`, and the handshakes here, meet what the stack put where.
import { X509Certificate } from "node:crypto";
import { readFileSync } from "node:fs";
import { request } from "node:http";
import { request as httpsRequest } from "node:https";
import { connect } from "node:tls";
import { DNS_RECORD } from "../../../tools/cloudlab/products/alidns";
import { ASSISTANT_KINDS } from "../../../tools/cloudlab/products/ecs/assistantKinds";
import { KINDS } from "../../../tools/cloudlab/products/ecs/kinds";
import { OOS_SECRET_PARAMETER, secretParameterValue } from "../../../tools/cloudlab/products/oos";
import { SLB_KINDS } from "../../../tools/cloudlab/products/slb";
import { parse } from "yaml";
import type { LabPki } from "../../../tools/realEngine/labCertificate";
import { UNUSED_CHAIN_PART } from "../../../lib/cloud/appRole";
import { resolveStackConfig } from "../../../lib/config/stackConfig";
import type { StackSettings } from "../../../lib/config/settings";
import { cloudInitOptions } from "../../../lib/instance/files";
import { loadStack } from "../../../tools/plan/stackFiles";
import { expectSuccess } from "../../support/labEngine";
import { PROJECT_DIR } from "../../support/paths";
import { withStackRun, type StackRun } from "../../support/labStackRun";
import { expectNoPerpetualDiff } from "./lifecycle";
import { destroy, NS, record, renewalPreview, upFromFreshCheckout, upFromNothing } from "./stackLife";

const INSTANCE_EDGE = { [`${NS}:edge`]: "instance", [`${NS}:instanceCount`]: "1", [`${NS}:zoneCount`]: "1" };

/** SHA-256 fingerprint of the first certificate of a PEM chain, as node prints it. */
function leafOf(chainPem: string): string {
  return new X509Certificate(chainPem).fingerprint256;
}

/** The fingerprint of the leaf served on `address`:443 for `domain`. */
function servedLeaf(address: string, domain: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host: address, port: 443, servername: domain, rejectUnauthorized: false, timeout: 5000 }, () => {
      const fingerprint = socket.getPeerCertificate().fingerprint256;
      socket.end();
      resolve(fingerprint);
    });
    socket.on("error", reject);
    socket.on("timeout", () => socket.destroy(new Error(`no TLS answer on ${address}:443 in 5 s`)));
  });
}

/** An HTTPS GET of `path` on `address`:443 for `domain` (the lab chain is not trusted here): status and HSTS. */
function httpsGet(address: string, domain: string, path: string): Promise<{ status?: number; hsts?: string }> {
  return new Promise((resolve, reject) => {
    const req = httpsRequest(
      { host: address, port: 443, path, servername: domain, headers: { host: domain }, rejectUnauthorized: false, timeout: 5000 },
      (res) => {
        res.resume();
        resolve({ status: res.statusCode, hsts: res.headers["strict-transport-security"] });
      },
    );
    req.on("error", reject);
    req.on("timeout", () => req.destroy(new Error(`no HTTPS answer on ${address}:443 in 5 s`)));
    req.end();
  });
}

/** The app answers through the EIP over real HTTPS, with HSTS. */
async function expectServing(run: StackRun, address: string, domain: string): Promise<void> {
  const answer = await httpsGet(address, domain, stackConfig(run).healthPath);
  expect(answer.status).toBe(200);
  expect(answer.hsts).toMatch(/max-age=\d+/);
}

/** Port 80 of `address`: the status and Location of a plain request for `domain`. */
function redirectOf(address: string, domain: string): Promise<{ status?: number; location?: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: address, port: 80, path: "/api/x?y=1", headers: { host: domain }, timeout: 5000 }, (res) => {
      res.resume();
      resolve({ status: res.statusCode, location: res.headers.location });
    });
    req.on("error", reject);
    req.end();
  });
}

function eipOf(run: StackRun): Record<string, unknown> {
  return record(run, KINDS.eip);
}

/** The chain the instance loaded last from the OOS parameters: its leaf's fingerprint and its length in certificates. */
function loadedChain(run: StackRun): [string, number] {
  const chain = run.instances.reloads.at(-1) ?? "";
  return [chain ? leafOf(chain) : "(none loaded)", chain.match(/BEGIN CERTIFICATE/g)?.length ?? 0];
}

/** The chain the run's config gives the stack (the lab certificate standing in for ACME's). */
function configuredChain(run: StackRun): string {
  const { config } = parse(readFileSync(run.configFile, "utf8")) as { config: Record<string, string> };
  return config[`${NS}:certificatePem`];
}

/** The run's config as the program resolves it. */
function stackConfig(run: StackRun): StackSettings {
  const { config } = loadStack(PROJECT_DIR, { stack: run.stack.stack, configFile: run.configFile });
  return resolveStackConfig({ values: config.values, stack: run.stack.stack }).settings;
}

/** The OOS parameters the instance reads the chain and the key from. */
function tlsParameters(run: StackRun): { chainParameters: readonly string[]; keyParameter: string } {
  const tls = cloudInitOptions(stackConfig(run)).tls;
  if (!tls) throw new Error("the stack renders no TLS for its instances: is edge instance set?");
  return tls;
}

/** The index of the last element that matches, or -1. */
function lastIndex<T>(values: readonly T[], matches: (value: T) => boolean): number {
  for (let i = values.length - 1; i >= 0; i--) if (matches(values[i])) return i;
  return -1;
}

/** Consecutive repeats dropped. */
function moves<T>(values: readonly T[]): T[] {
  return values.filter((v, i) => i === 0 || v !== values[i - 1]);
}

async function checkInstanceEdge(run: StackRun, domain: string, chainPem: string, prod: boolean): Promise<void> {
  const eip = eipOf(run);
  const [instance] = run.lab.store.list(KINDS.instance);
  expect(eip).toMatchObject({ InstanceId: instance.InstanceId, InternetChargeType: "PayByTraffic", DeletionProtection: prod });
  expect(instance).toMatchObject({
    EipAddress: expect.objectContaining({ IpAddress: eip.IpAddress }),
    InternetMaxBandwidthOut: 0,
    MetadataOptions: expect.objectContaining({ HttpTokens: "required" }),
  });
  expect(run.lab.store.list(SLB_KINDS.loadBalancer)).toEqual([]);
  // The internet reaches 443 and 80, nothing else; SSH only from what the stack allows; nothing from
  // the load balancers' range.
  const rules = run.lab.store.list(KINDS.securityGroupRule);
  const ssh = stackConfig(run).sshAllowedCidrs.map((cidr) => ["22/22", cidr]);
  expect(rules.map((r) => [r.PortRange, r.SourceCidrIp]).sort()).toEqual([["443/443", "0.0.0.0/0"], ["80/80", "0.0.0.0/0"], ...ssh].sort());
  expect(record(run, DNS_RECORD)).toMatchObject({ Type: "A", Value: eip.IpAddress });
  // The record moved to the address only once the instance held it.
  const changes = run.lab.store.changes;
  const bound = changes.findIndex((c) => c.kind === KINDS.eip && c.record.InstanceId === instance.InstanceId);
  expect(changes.findIndex((c) => c.kind === DNS_RECORD && c.op === "create")).toBeGreaterThan(bound);
  // The chain in OOS is the stack's, and it is what nginx serves at the EIP, with the redirect on 80.
  expect(loadedChain(run)).toEqual([leafOf(chainPem), 2]); // leaf and intermediate
  expect(String(eip.IpAddress).startsWith(`${run.lab.store.publicBlock}.`)).toBe(true); // loopback, the lab's own block
  expect(await servedLeaf(String(eip.IpAddress), domain)).toBe(leafOf(chainPem));
  await expectServing(run, String(eip.IpAddress), domain);
  expect(await redirectOf(String(eip.IpAddress), domain)).toEqual({ status: 301, location: `https://${domain}/api/x?y=1` });
  // The chain and the key are encrypted (Secret) OOS parameters holding the stack's certificate.
  const { chainParameters, keyParameter } = tlsParameters(run);
  const parameters = [...chainParameters, keyParameter].map((name) => run.lab.store.get(OOS_SECRET_PARAMETER, name));
  expect(parameters.map((p) => p?.Type)).toEqual([...chainParameters, keyParameter].map(() => "Secret"));
  const stored = chainParameters.map((name) => secretParameterValue(run.lab.store, name)).filter((v) => v !== UNUSED_CHAIN_PART);
  expect(stored.join("")).toBe(chainPem);
  // The key went to OOS only: never in a request the emulator logged.
  const key = secretParameterValue(run.lab.store, keyParameter) ?? "";
  expect(key).toMatch(/PRIVATE KEY/);
  const body = key.split("\n").find((line) => line.length > 40) as string;
  expect(JSON.stringify(run.lab.store.requests)).not.toContain(body);
  expect(JSON.stringify(run.lab.store.list(KINDS.instance))).not.toContain(body);
}

/** A new image replaces the instance; the EIP (same address) moves to it once it is ready, and DNS stays. */
async function rollout(run: StackRun, stackName: string, domain: string, chainPem: string): Promise<void> {
  const before = eipOf(run);
  const oldInstance = String(before.InstanceId);
  await run.stack.pulumiOk(["config", "set", `${NS}:appImage`, "registry-vpc.cn-hangzhou.aliyuncs.com/lab/app:2"]);
  const start = run.lab.store.changes.length;
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: the rollout`);
  const after = eipOf(run);
  const [instance] = run.lab.store.list(KINDS.instance);
  expect(instance.InstanceId).not.toBe(oldInstance);
  expect(after).toMatchObject({ AllocationId: before.AllocationId, IpAddress: before.IpAddress, InstanceId: instance.InstanceId });
  const window = run.lab.store.changes.slice(start);
  // Where the address pointed, step by step: the old instance, nothing (unbound first), the new one.
  const holders = moves(window.filter((c) => c.kind === KINDS.eip).map((c) => c.record.InstanceId));
  expect(holders.slice(-2)).toEqual(["", instance.InstanceId]);
  expect(holders.slice(0, -2).every((h) => h === oldInstance)).toBe(true);
  // The new instance passed its readiness check and loaded the certificate before it got the address.
  const ranOnNew = (c: (typeof window)[number]) =>
    c.kind === ASSISTANT_KINDS.invocation &&
    c.op === "create" &&
    JSON.stringify(c.record.InvokeInstances).includes(String(instance.InstanceId));
  const unbound = window.findIndex((c) => c.kind === KINDS.eip && c.record.InstanceId === "");
  expect(window.filter(ranOnNew).length).toBeGreaterThanOrEqual(2); // readiness, the certificate reload (and the app's restart)
  expect(lastIndex(window, ranOnNew)).toBeLessThan(unbound);
  expect(window.filter((c) => c.kind === DNS_RECORD)).toEqual([]);
  expect(await servedLeaf(String(after.IpAddress), domain)).toBe(leafOf(chainPem));
  await expectServing(run, String(after.IpAddress), domain);
}

/** A new chain and key: the parameters change in place, then the reload runs and nginx serves the new leaf. */
async function newCertificate(run: StackRun, stackName: string, domain: string, pki: LabPki): Promise<void> {
  const parameters = run.lab.store.list(OOS_SECRET_PARAMETER).map((p) => p.Name);
  const next = await pki.issue(domain);
  await run.stack.pulumiOk(["config", "set", "--secret", `${NS}:certificatePem`], { input: next.chainPem });
  await run.stack.pulumiOk(["config", "set", "--secret", `${NS}:privateKeyPem`], { input: next.keyPem });
  const start = run.lab.store.changes.length;
  const reloads = run.instances.reloads.length;
  expectSuccess(await run.stack.pulumi(["up", "--yes", "--skip-preview"]), `${stackName}: a new certificate`);
  expect(run.lab.store.list(OOS_SECRET_PARAMETER).map((p) => p.Name)).toEqual(parameters);
  expect(run.instances.reloads.length).toBe(reloads + 1);
  expect(loadedChain(run)).toEqual([leafOf(next.chainPem), 2]);
  const window = run.lab.store.changes.slice(start);
  const lastParameter = lastIndex(window, (c) => c.kind === OOS_SECRET_PARAMETER);
  const reload = window.findIndex((c) => c.kind === ASSISTANT_KINDS.invocation && c.op === "create");
  expect(reload).toBeGreaterThan(lastParameter);
  expect(window.filter((c) => c.kind === KINDS.instance && c.op !== "update")).toEqual([]); // no instance replaced
  expect(await servedLeaf(String(eipOf(run).IpAddress), domain)).toBe(leafOf(next.chainPem));
}

describe.each([
  { stackName: "dev", domain: "dev.example.com", prod: false },
  { stackName: "prod", domain: "example.com", prod: true },
])("$stackName with edge instance through its life", ({ stackName, domain, prod }) => {
  test("up, no change, a fresh checkout, rollout moving the EIP, renewal preview, new certificate, destroy", async () => {
    await withStackRun(stackName, INSTANCE_EDGE, async (run, pki, leaf) => {
      const chainPem = configuredChain(run);
      await upFromNothing(run, stackName);
      await checkInstanceEdge(run, domain, chainPem, prod);
      await expectNoPerpetualDiff(run.stack, stackName);
      await upFromFreshCheckout(run, stackName);
      await rollout(run, stackName, domain, chainPem);
      await expectNoPerpetualDiff(run.stack, stackName);
      // At the instance edge a renewal updates the chain's OOS parameters and re-runs the
      // certificate reload (and prod's deploy check).
      const renewal = await renewalPreview(run, stackName, domain, pki, leaf);
      expect([...new Set(renewal.map((s) => `${s.op} ${s.type}`))].sort()).toEqual(
        [
          "update alicloud:oos/secretParameter:SecretParameter",
          "replace alicloud:ecs/ecsInvocation:EcsInvocation",
          ...(prod ? ["replace command:local:Command"] : []),
        ].sort(),
      );
      await newCertificate(run, stackName, domain, pki);
      await destroy(run, stackName, prod);
      expect(run.lab.dataPlane?.problems).toEqual([]);
      expect(run.instances.problems).toEqual([]);
    });
  });
});
