// The real engine and the alicloud plugin against the emulator, for the load balancer resources the
// stacks use: `pulumi up` of a CLB with its HTTPS and HTTP listeners, a certificate, a VServer group
// and a DNS record; no change on preview and refresh; a new certificate, a new TLS policy and a new
// record name in one update; destroy. What is checked is the emulator's own state and change history.
import type { CloudLab } from "../../../tools/cloudlab";
import { DNS_DOMAIN, DNS_RECORD } from "../../../tools/cloudlab/products/alidns";
import { SLB_KINDS, listenerCertificateTimeline } from "../../../tools/cloudlab/products/slb";
import { createPki, chainPem } from "../../support/pki";
import { withLabStack, type LabStack } from "../../support/labEngine";
import { fixture } from "./lifecycle";

const projectDir = fixture("clb-https");
const KEY = (name: string): string => `clb-https:${name}`;

async function certificateFor(domain: string): Promise<{ chain: string; key: string }> {
  const pki = await createPki("clb-https fixture");
  const leaf = await pki.leaf({ dnsNames: [domain] });
  return { chain: chainPem(leaf, pki.intermediate), key: leaf.keyPem };
}

async function setSecret(stack: LabStack, key: string, value: string): Promise<void> {
  await stack.pulumiOk(["config", "set", "--secret", KEY(key)], { input: value });
}

function one(lab: CloudLab, kind: string): Record<string, unknown> {
  const records = lab.store.list(kind);
  expect(records).toHaveLength(1);
  return records[0] as Record<string, unknown>;
}

test("up, no change on preview and refresh, a certificate, TLS policy and record name update, destroy", async () => {
  const first = await certificateFor("lab.example.com");
  const second = await certificateFor("lab.example.com");
  await withLabStack({ stack: "lab", projectDir, config: { [KEY("tlsPolicy")]: "tls_cipher_policy_1_2_strict" } }, async (stack, lab) => {
    await setSecret(stack, "certificatePem", first.chain);
    await setSecret(stack, "privateKeyPem", first.key);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);

    const lb = one(lab, SLB_KINDS.loadBalancer);
    expect(lb).toMatchObject({
      LoadBalancerStatus: "active",
      InstanceChargeType: "PayByCLCU",
      AddressType: "internet",
      DeleteProtection: "off",
    });
    expect(lb.Tags).toEqual({ Tag: [{ TagKey: "env", TagValue: "lab" }] });
    const cert = one(lab, SLB_KINDS.serverCertificate);
    // `pulumi config set` from standard input drops the final newline.
    expect(cert.ServerCertificate).toBe(first.chain.trim());
    const group = one(lab, SLB_KINDS.vServerGroup);
    expect(group).toMatchObject({ LoadBalancerId: lb.LoadBalancerId, VServerGroupName: "lab-backends" });
    const listeners = lab.store.list(SLB_KINDS.listener);
    const https = listeners.find((l) => l.ListenerProtocol === "https");
    const http = listeners.find((l) => l.ListenerProtocol === "http");
    expect(https).toMatchObject({
      ListenerPort: 443,
      Status: "running",
      ServerCertificateId: cert.ServerCertificateId,
      VServerGroupId: group.VServerGroupId,
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict",
      EnableHttp2: "on",
      XForwardedFor_proto: "on",
      HealthCheck: "on",
      HealthCheckURI: "/healthz",
      HealthyThreshold: 2,
      IdleTimeout: 60,
    });
    expect(http).toMatchObject({ ListenerPort: 80, Status: "running", ListenerForward: "on", ForwardPort: 443 });
    const record = one(lab, DNS_RECORD);
    expect(record).toMatchObject({ DomainName: "example.com", RR: "lab", Type: "A", Value: lb.Address, TTL: 600, Status: "ENABLE" });

    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["refresh", "--expect-no-changes", "--yes"]);

    await setSecret(stack, "certificatePem", second.chain);
    await setSecret(stack, "privateKeyPem", second.key);
    await stack.pulumiOk(["config", "set", KEY("tlsPolicy"), "tls_cipher_policy_1_2_strict_with_1_3"]);
    await stack.pulumiOk(["config", "set", KEY("recordName"), "lab2"]);
    await stack.pulumiOk(["up", "--yes", "--skip-preview"]);

    const swapped = one(lab, SLB_KINDS.serverCertificate);
    expect(swapped.ServerCertificate).toBe(second.chain.trim());
    const httpsId = `${String(lb.LoadBalancerId)}:https:443`;
    expect(lab.store.get(SLB_KINDS.listener, httpsId)).toMatchObject({
      ServerCertificateId: swapped.ServerCertificateId,
      TLSCipherPolicy: "tls_cipher_policy_1_2_strict_with_1_3",
    });
    // The listener went from the old certificate to the new one in one change, never without one,
    // and the old certificate was deleted only after it.
    const served = listenerCertificateTimeline(lab.store.changes, httpsId).map((m) => m.value);
    expect(served.filter((v, i) => v !== served[i - 1])).toEqual([cert.ServerCertificateId, swapped.ServerCertificateId]);
    const switched = lab.store.changes.find((c) => c.id === httpsId && c.record.ServerCertificateId === swapped.ServerCertificateId);
    const oldDeleted = lab.store.changes.find((c) => c.id === cert.ServerCertificateId && c.op === "delete");
    expect(oldDeleted?.seq).toBeGreaterThan(switched?.seq ?? Infinity);
    // The listener itself was updated in place, not replaced.
    expect(lab.store.changes.filter((c) => c.id === httpsId && c.op === "create")).toHaveLength(1);

    // The record's name changed in place (UpdateDomainRecord), the record is the same one.
    expect(lab.store.get(DNS_RECORD, String(record.RecordId))).toMatchObject({ RR: "lab2", Value: lb.Address });
    expect(lab.store.changes.filter((c) => c.kind === DNS_RECORD && c.op === "create")).toHaveLength(1);

    await stack.pulumiOk(["preview", "--expect-no-changes"]);
    await stack.pulumiOk(["destroy", "--yes"]);
    // Only the hosted zone the account had before is left.
    expect(Object.keys(lab.store.snapshot())).toEqual([DNS_DOMAIN]);
  });
});
