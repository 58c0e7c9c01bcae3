import * as pulumi from "@pulumi/pulumi";
import { Certificate } from "../../../components/certificate";
import { FAKE } from "../../../tools/plan/mocks";
import { findResource, isSecretInput, resourcesOfType, revealSecret, runComponents, T } from "../../support/program";

describe("Certificate", () => {
  test("pem: uploads chain and key as secrets, replaceable without downtime (no fixed name, no delete-before-replace)", async () => {
    const run = await runComponents(
      () =>
        new Certificate("cert", {
          domain: "api.example.com",
          source: {
            kind: "pem",
            certificatePem: pulumi.secret("CHAIN"),
            privateKeyPem: pulumi.secret("KEY"),
            notAfter: "2027-01-01T00:00:00.000Z",
          },
        }),
    );
    const uploaded = findResource(run, T.serverCertificate);
    expect(isSecretInput(uploaded.inputs.privateKey)).toBe(true);
    expect(isSecretInput(uploaded.inputs.serverCertificate)).toBe(true);
    expect(revealSecret(uploaded.inputs.privateKey)).toBe("KEY");
    expect(revealSecret(uploaded.inputs.serverCertificate)).toBe("CHAIN");
    expect(uploaded.inputs.name).toBeUndefined();
    expect(uploaded.options.deleteBeforeReplace).toBeUndefined();
    expect(uploaded.options.additionalSecretOutputs).toEqual(expect.arrayContaining(["privateKey"]));
    expect(resourcesOfType(run, T.selfSigned)).toHaveLength(0);
  });

  test("pem: a key given as plain text is still uploaded as a secret", async () => {
    const run = await runComponents(
      () => new Certificate("cert", { domain: "api.example.com", source: { kind: "pem", certificatePem: "CHAIN", privateKeyPem: "KEY" } }),
    );
    expect(isSecretInput(findResource(run, T.serverCertificate).inputs.privateKey)).toBe(true);
  });

  test("selfSigned: an RSA 2048 key and a certificate for the domain, renewed before it expires", async () => {
    let cert: Certificate | undefined;
    const run = await runComponents(() => {
      cert = new Certificate("cert", { domain: "dev.example.com", source: { kind: "selfSigned" } });
    });
    expect(findResource(run, T.tlsKey).inputs).toMatchObject({ algorithm: "RSA", rsaBits: 2048 });
    const selfSigned = findResource(run, T.selfSigned);
    expect(selfSigned.inputs).toMatchObject({
      dnsNames: ["dev.example.com"],
      allowedUses: expect.arrayContaining(["server_auth", "digital_signature", "key_encipherment"]),
      validityPeriodHours: 90 * 24,
      earlyRenewalHours: 30 * 24,
    });
    expect(isSecretInput(findResource(run, T.serverCertificate).inputs.privateKey)).toBe(true);
    const notAfter = await new Promise((resolve) => cert!.notAfter.apply(resolve));
    expect(notAfter).toBe(findResource(run, T.selfSigned).state.validityEndTime);
  });
});

describe("Certificate from ACME", () => {
  const acmeSource = {
    kind: "acme" as const,
    serverUrl: "https://acme-staging-v02.api.letsencrypt.org/directory",
    email: "ops@example.com",
    minDaysRemaining: 21,
  };

  test("account and certificate keys from @pulumi/tls, a CSR for the domain, DNS-01 on Alibaba Cloud DNS, renewal window as configured", async () => {
    const run = await runComponents(() => new Certificate("cert", { domain: "api.example.com", source: acmeSource }));
    expect(findResource(run, "pulumi:providers:acme").inputs.serverUrl).toBe(acmeSource.serverUrl);
    expect(findResource(run, T.tlsKey, "cert-acme-account-key").inputs).toMatchObject({ algorithm: "ECDSA", ecdsaCurve: "P256" });
    const certKey = findResource(run, T.tlsKey, "cert-key");
    expect(certKey.inputs).toMatchObject({ algorithm: "RSA", rsaBits: 2048 });
    const csr = findResource(run, T.certRequest);
    expect(csr.inputs).toMatchObject({ dnsNames: ["api.example.com"], subject: { commonName: "api.example.com" } });
    expect(revealSecret(csr.inputs.privateKeyPem)).toBe(certKey.state.privateKeyPem);
    const account = findResource(run, T.acmeRegistration);
    expect(account.inputs.emailAddress).toBe("ops@example.com");
    const issued = findResource(run, T.acmeCertificate);
    expect(issued.inputs).toMatchObject({
      certificateRequestPem: csr.state.certRequestPem,
      minDaysRemaining: 21,
      dnsChallenges: [{ provider: "alidns", config: { ALICLOUD_TTL: "600", ALICLOUD_PROPAGATION_TIMEOUT: "600" } }],
    });
    // No credentials given: the DNS client reads the ALICLOUD_* environment itself, and none land in the state.
    expect(JSON.stringify(issued.inputs.dnsChallenges)).not.toContain("ALICLOUD_ACCESS_KEY");
    for (const acmeResource of [account, issued]) expect(acmeResource.provider).toMatch(/pulumi:providers:acme::cert-acme::/);
  });

  test("without a contact address the account has none, and its key is keyed on the CA alone", async () => {
    const { email: _email, ...withoutEmail } = acmeSource;
    const run = await runComponents(() => new Certificate("cert", { domain: "api.example.com", source: withoutEmail }));
    expect(findResource(run, T.acmeRegistration).inputs).not.toHaveProperty("emailAddress");
    expect(findResource(run, T.tlsKey, "cert-acme-account-key").replacementTrigger).toBe(`${acmeSource.serverUrl} `);
    // The stack config gives "" for an unset acmeEmail: the same account as no address at all.
    const empty = await runComponents(() => new Certificate("cert", { domain: "api.example.com", source: { ...acmeSource, email: "" } }));
    expect(findResource(empty, T.acmeRegistration).inputs).not.toHaveProperty("emailAddress");
    expect(findResource(empty, T.tlsKey, "cert-acme-account-key").replacementTrigger).toBe(`${acmeSource.serverUrl} `);
  });

  test("uploads leaf + intermediates with the stack's own key; rotation is create-new, switch, delete-old", async () => {
    let cert: Certificate | undefined;
    const run = await runComponents(() => {
      cert = new Certificate("cert", { domain: "api.example.com", source: acmeSource });
    });
    const issued = findResource(run, T.acmeCertificate);
    const uploaded = findResource(run, T.serverCertificate);
    expect(revealSecret(uploaded.inputs.serverCertificate)).toBe(`${issued.state.certificatePem}${issued.state.issuerPem}`);
    expect(revealSecret(uploaded.inputs.privateKey)).toBe(findResource(run, T.tlsKey, "cert-key").state.privateKeyPem);
    expect(uploaded.options.deleteBeforeReplace).toBeUndefined();
    expect(uploaded.inputs.name).toBeUndefined();
    const [notAfter, issuer] = await Promise.all([cert!.notAfter, cert!.issuer].map((o) => new Promise((resolve) => o.apply(resolve))));
    expect(notAfter).toBe(issued.state.certificateNotAfter);
    expect(issuer).toBe("O=wechat-https-backend mocks, CN=mock certificate\\, not a real one");
  });

  test("credentials the program resolved go to the DNS challenge under lego's names, as a secret", async () => {
    const run = await runComponents(
      () =>
        new Certificate("cert", {
          domain: "api.example.com",
          source: {
            ...acmeSource,
            dnsCredentials: { ALICLOUD_ACCESS_KEY: pulumi.secret("AKID"), ALICLOUD_SECRET_KEY: pulumi.secret("SK") },
          },
        }),
    );
    // Pulumi marks the whole list secret when any part of it is.
    const challenges = findResource(run, T.acmeCertificate).inputs.dnsChallenges;
    expect(isSecretInput(challenges)).toBe(true);
    const [challenge] = revealSecret(challenges) as { config: unknown }[];
    expect(challenge.config).toMatchObject({ ALICLOUD_ACCESS_KEY: "AKID", ALICLOUD_SECRET_KEY: "SK", ALICLOUD_TTL: "600" });
  });

  test("an account per CA and contact address: a new key when either changes; a replaced account is never deactivated", async () => {
    const run = await runComponents(() => new Certificate("cert", { domain: "api.example.com", source: acmeSource }));
    const accountKey = findResource(run, T.tlsKey, "cert-acme-account-key");
    // Either change replaces the key, so the registration (account_key_pem ForceNew) and the certificate follow.
    expect(accountKey.options.replacementTrigger).toBe(true);
    expect(accountKey.replacementTrigger).toBe(`${acmeSource.serverUrl} ${acmeSource.email}`);
    const account = findResource(run, T.acmeRegistration);
    expect(revealSecret(account.inputs.accountKeyPem)).toBe(accountKey.state.privateKeyPem);
    // Delete would deactivate the account, through whichever CA the provider points at by then.
    expect(account.options.retainOnDelete).toBe(true);
    // Deleting an old certificate must not talk to a CA either.
    expect(findResource(run, T.acmeCertificate).inputs.revokeCertificateOnDestroy).toBe(false);
  });

  test("the order waits for the DNS zone check (a missing zone fails the plan first: test/integration/plan)", async () => {
    class Marker extends pulumi.CustomResource {
      constructor(name: string) {
        super("test:index:Marker", name, {});
      }
    }
    const run = await runComponents(() => {
      // The check answers late, and marks the moment it does.
      const checked = pulumi.output(new Promise<string>((resolve) => setTimeout(() => resolve("example.com"), 200))).apply((zone) => {
        new Marker("zone-checked");
        return zone;
      });
      new Certificate("cert", { domain: "api.example.com", source: { ...acmeSource, zoneReady: checked } });
    });
    const order = run.resources.map((r) => r.name);
    expect(order.indexOf("cert-acme-cert")).toBeGreaterThan(order.indexOf("zone-checked"));
    expect(order.indexOf("cert-acme-account")).toBeLessThan(order.indexOf("zone-checked"));
  });
});

describe("Certificate from SSL Certificates Service (cas)", () => {
  test("references the certificate by id with the name and region the service reports; no key is uploaded", async () => {
    let cert: Certificate | undefined;
    const run = await runComponents(() => {
      cert = new Certificate("cert", { domain: "www.example.com", source: { kind: "cas", certificateId: FAKE.casCertificateId } });
    });
    const uploaded = findResource(run, T.serverCertificate);
    expect(uploaded.inputs).toMatchObject({
      alicloudCertificateId: FAKE.casCertificateId,
      alicloudCertificateName: "example.com (mock)",
      alicloudCertificateRegionId: "cn-hangzhou",
    });
    expect(uploaded.inputs.privateKey).toBeUndefined();
    expect(run.mocks.invokes.map((i) => i.token)).toEqual(["alicloud:cas/getServiceCertificates:getServiceCertificates"]);
    const notAfter = await new Promise((resolve) => cert!.notAfter.apply(resolve));
    expect(notAfter).toBe("2126-10-31T03:19:49.000Z");
  });
});
