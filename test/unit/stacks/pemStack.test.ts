// A prod stack with a certificate from secret config, checked and uploaded the way CLB wants it.
import { X509Certificate } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { chainPem, createPki, type Issued, type TestPki } from "../../support/pki";
import { findResource, planOf, revealSecret, T } from "../../support/program";

const DOMAIN = "api.shop-demo.cn";

function stackFile(values: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "pem-stack-"));
  const file = path.join(dir, "Pulumi.prod.yaml");
  const config = Object.fromEntries(Object.entries(values).map(([k, v]) => [k.includes(":") ? k : `wechat-https-backend:${k}`, v]));
  writeFileSync(file, stringify({ config: { "alicloud:region": "cn-shanghai", ...config } }));
  return file;
}

describe("a prod stack with certificateSource pem", () => {
  let pki: TestPki;
  let leaf: Issued;
  const base = () => ({
    environment: "prod",
    domain: DOMAIN,
    icpLicense: "沪ICP备20231234号-1",
    certificateSource: "pem",
    trustedRootsPem: pki.root.certPem,
    // Not what this test is about (monitoring would warn that it alerts nobody).
    monitoring: "off",
  });

  beforeAll(async () => {
    pki = await createPki();
    leaf = await pki.leaf({ dnsNames: [DOMAIN], notAfterDays: 80 });
  });

  test("a good chain is uploaded in CLB's forms (PKCS#1 key), and its expiry and issuer are outputs", async () => {
    // The test PKI writes PKCS#8 keys, like certbot; the upload must be PKCS#1.
    expect(leaf.keyPem).toContain("BEGIN PRIVATE KEY");
    const chain = chainPem(leaf, pki.intermediate).replace(/\n/g, "\r\n");
    const plan = await planOf({ configFile: stackFile({ ...base(), certificatePem: chain, privateKeyPem: leaf.keyPem }) });
    const uploaded = findResource(plan.run, T.serverCertificate);
    const key = String(revealSecret(uploaded.inputs.privateKey));
    expect(key).toMatch(/^-----BEGIN RSA PRIVATE KEY-----\n/);
    expect(revealSecret(uploaded.inputs.serverCertificate)).toBe(chainPem(leaf, pki.intermediate));
    const outputs = Object.fromEntries(Object.entries(plan.run.outputs).map(([k, v]) => [k, v.value]));
    expect(outputs.certificateNotAfter).toBe(new Date(new X509Certificate(leaf.certPem).validTo).toISOString());
    expect(outputs.certificateIssuer).toBe("CN=wechat-https-backend test Intermediate CA, O=wechat-https-backend tests");
    expect(outputs.certificateDaysLeft).toBeGreaterThanOrEqual(78);
    expect(outputs.certificateDaysLeft).toBeLessThanOrEqual(80);
    // The plan document never carries the key, and says the PEMs belong in encrypted config.
    expect(JSON.stringify(plan.document)).not.toContain(key.split("\n")[1]);
    expect(plan.document.warnings).toEqual([
      "certificatePem is stored in plain text in Pulumi.prod.yaml; store it encrypted: pulumi config set --secret certificatePem < fullchain.pem",
      "privateKeyPem is stored in plain text in Pulumi.prod.yaml; store it encrypted: pulumi config set --secret privateKeyPem < privkey.pem",
    ]);
  });

  test("a chain without its intermediate and a key of another certificate stop the stack before anything is declared", async () => {
    const other = await pki.leaf({ dnsNames: [DOMAIN], key: { kind: "ec", curve: "P-256" } });
    const file = stackFile({ ...base(), certificatePem: leaf.certPem, privateKeyPem: other.keyPem });
    const problems = planOf({ configFile: file }).then(
      () => [],
      (err: Error) => err.message.split("\n"),
    );
    expect(await problems).toEqual([
      'invalid config for stack "prod" (Pulumi.prod.yaml):',
      expect.stringMatching(/^ {2}- privateKeyPem: the private key does not belong to the certificate "api\.shop-demo\.cn"/),
      expect.stringMatching(/^ {2}- certificatePem: .*intermediate/),
    ]);
  });

  test("a key that is absent from the stack file is not set, with the command that sets it, not an unreadable secret", async () => {
    const file = stackFile({ ...base(), certificatePem: chainPem(leaf, pki.intermediate) });
    await expect(planOf({ configFile: file })).rejects.toThrow(
      /\n {2}- privateKeyPem is not set \(certificateSource pem\); pulumi config set --secret privateKeyPem < privkey\.pem(\n|$)/,
    );
  });

  test("absent secrets of a stack that imports Pulumi ESC environments may come from there: unknown, not missing", async () => {
    const file = stackFile({ ...base() });
    writeFileSync(file, `environment:\n  - shop/prod\n${readFileSync(file, "utf8")}`);
    const plan = await planOf({ configFile: file });
    expect(plan.document.checksNotRun).toEqual([
      expect.stringContaining("certificatePem/privateKeyPem are secrets the offline plan cannot decrypt"),
    ]);
  });
});
