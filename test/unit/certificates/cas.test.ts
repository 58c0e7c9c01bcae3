import { casCertificateFacts, leafIssuer } from "../../../lib/certificates/cas";
import { createPki, type TestPki } from "../../support/pki";

const INTERMEDIATE = "CN=wechat-https-backend test Intermediate CA, O=wechat-https-backend tests";

describe("certificates from SSL Certificates Service", () => {
  let pki: TestPki;
  let found: { id: string; certificateName: string; cert: string }[];
  beforeAll(async () => {
    pki = await createPki();
    const leaf = await pki.leaf({ dnsNames: ["api.example.com"], notAfterDays: 40, key: { kind: "ec", curve: "P-256" } });
    found = [{ id: "42", certificateName: "api cert", cert: leaf.certPem + pki.intermediate.certPem }];
  });

  test("a certificate that covers the domain long enough gives its name, expiry and issuer", () => {
    const facts = casCertificateFacts(found, "42", "api.example.com", 30);
    expect(facts.name).toBe("api cert");
    expect(Date.parse(facts.notAfter) - Date.now()).toBeGreaterThan(39 * 86_400_000);
    expect(facts.issuer).toBe(INTERMEDIATE);
  });

  test("the issuer of an issued chain is the leaf's issuer, whatever surrounds the leaf", () => {
    expect(leafIssuer(found[0].cert)).toBe(INTERMEDIATE);
    expect(leafIssuer(`# fullchain.pem\n${found[0].cert}`)).toBe(INTERMEDIATE);
    expect(() => leafIssuer("")).toThrow("holds no readable PEM certificate");
  });

  test("missing, for another host, or expiring: the preview fails with the fix", () => {
    expect(() => casCertificateFacts(found, "7", "api.example.com", 30)).toThrow(
      "alicloudCertificateId: certificate 7 is not in SSL Certificates Service for this account (the " +
        "international site does not offer it); check the id in the console, or use certificateSource acme or pem",
    );
    expect(() => casCertificateFacts(found, "42", "www.example.com", 30)).toThrow(
      'alicloudCertificateId: certificate 42 ("api cert") does not cover the domain www.example.com; pick a certificate issued for it',
    );
    const expiring = () => casCertificateFacts(found, "42", "api.example.com", 45);
    expect(expiring).toThrow(/^alicloudCertificateId: certificate 42 \("api cert"\) expires in (39|40) days \(minDaysRemaining is 45\); /);
    expect(expiring).toThrow(/; renew it in SSL Certificates Service and set the new id$/);
  });

  test("in Chinese for a zh run: the same key, id, name, domain and days", () => {
    const now = new Date();
    expect(() => casCertificateFacts(found, "7", "api.example.com", 30, now, "zh-CN")).toThrow(
      /^alicloudCertificateId：本账号的数字证书管理服务（SSL 证书）中没有证书 7.*certificateSource acme 或 pem$/,
    );
    expect(() => casCertificateFacts(found, "42", "www.example.com", 30, now, "zh-CN")).toThrow(
      'alicloudCertificateId：证书 42（"api cert"）不包含域名 www.example.com；请选择为该域名签发的证书',
    );
    expect(() => casCertificateFacts(found, "42", "api.example.com", 45, now, "zh-CN")).toThrow(
      /^alicloudCertificateId：证书 42（"api cert"）将在 (39|40) 天后过期（minDaysRemaining 为 45）；/,
    );
  });
});
