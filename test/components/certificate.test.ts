import * as pulumi from "@pulumi/pulumi";
import { Certificate } from "../../components/certificate";
import { findResource, isSecretInput, resourcesOfType, revealSecret, runComponents, T } from "../support/program";

describe("Certificate", () => {
  test("pem: uploads chain and key as secrets, replaceable without downtime (no fixed name, no delete-before-replace)", async () => {
    const run = await runComponents(
      () =>
        new Certificate("cert", {
          domain: "api.example.com",
          source: { kind: "pem", certificatePem: pulumi.secret("CHAIN"), privateKeyPem: pulumi.secret("KEY"), notAfter: "2027-01-01T00:00:00.000Z" },
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
