// The servers the verifier is tested against: one good site and one per defect, all under one
// private CA. Each broken site differs from the good one in exactly one respect, so it must fail
// exactly one check.
import { EC_P256, RSA_2048, chainPem, createPki, issue } from "../../support/pki";
import { NginxSiteSpec, RunningSite, SiteSpec, startNginxSite, startSite } from "../../support/tlsServers";
import type { CheckId } from "../../../verifier";

export const HOST = "wechat.test";

export interface Case {
  readonly name: string;
  /** The one check this site must fail; undefined for sites that pass everything. */
  readonly fails?: CheckId;
  /** A Node site, or the same kind of site served by a real nginx. */
  readonly spec: SiteSpec | { readonly nginx: NginxSiteSpec };
}

export interface Lab {
  readonly rootPem: string;
  readonly sites: ReadonlyMap<string, RunningSite>;
  readonly cases: readonly Case[];
  close(): Promise<void>;
}

/** The options that point the verifier at a site, as the CLI would take them. */
export function targetOf(site: RunningSite): { url: string; httpUrl: string; resolve: string[] } {
  return {
    url: `https://${HOST}:${site.httpsPort}/`,
    httpUrl: `http://${HOST}:${site.httpPort}/`,
    resolve: [`${HOST}:${site.httpsPort}:127.0.0.1`, `${HOST}:${site.httpPort}:127.0.0.1`],
  };
}

export async function startLab(): Promise<Lab> {
  const pki = await createPki("verifier test");
  // EC P-256 keys are fast to make; the one RSA leaf is for the RSA key exchange case.
  // Issuers that are not CAs, though allowed to sign certificates: cA FALSE, and no basicConstraints at all.
  const [caFalse, noConstraints] = await Promise.all(
    (["notCa", "absent"] as const).map((basicConstraints) =>
      issue({ commonName: `verifier test ${basicConstraints} CA`, isCa: true, basicConstraints, key: EC_P256 }, pki.intermediate),
    ),
  );
  const [good, expired, notYetValid, wrongHost, cnOnly, selfSigned, rsa, underCaFalse, underNoConstraints] = await Promise.all([
    pki.leaf({ dnsNames: [HOST], key: EC_P256 }),
    pki.leaf({ dnsNames: [HOST], key: EC_P256, notBeforeDays: -100, notAfterDays: -1 }),
    pki.leaf({ dnsNames: [HOST], key: EC_P256, notBeforeDays: 2, notAfterDays: 92 }),
    pki.leaf({ dnsNames: ["other.test", "*.other.test"], key: EC_P256 }),
    pki.leaf({ commonName: HOST, key: EC_P256 }),
    issue({ dnsNames: [HOST], key: EC_P256 }),
    pki.leaf({ dnsNames: [HOST], key: RSA_2048 }),
    issue({ dnsNames: [HOST], key: EC_P256 }, caFalse),
    issue({ dnsNames: [HOST], key: EC_P256 }, noConstraints),
  ]);
  const full = (leaf: typeof good): Pick<SiteSpec, "chainPem" | "keyPem"> => ({
    chainPem: chainPem(leaf, pki.intermediate),
    keyPem: leaf.keyPem,
  });
  const base: SiteSpec = { ...full(good), hsts: "max-age=31536000; includeSubDomains", websocket: true };

  const cases: Case[] = [
    { name: "good", spec: base },
    { name: "good without WebSocket", spec: { ...base, websocket: false } },
    { name: "TLS 1.0 allowed", fails: "tls-versions", spec: { ...base, minVersion: "TLSv1", ciphers: "DEFAULT:@SECLEVEL=0" } },
    { name: "TLS 1.3 only", fails: "tls-versions", spec: { ...base, minVersion: "TLSv1.3" } },
    {
      name: "RSA key exchange suite accepted",
      fails: "cipher-suites",
      spec: { ...base, ...full(rsa), ciphers: "ECDHE-RSA-AES128-GCM-SHA256:AES128-GCM-SHA256" },
    },
    { name: "expired certificate", fails: "certificate-expiry", spec: { ...base, ...full(expired) } },
    { name: "not valid yet", fails: "certificate-expiry", spec: { ...base, ...full(notYetValid) } },
    { name: "wrong host name", fails: "certificate-hostname", spec: { ...base, ...full(wrongHost) } },
    { name: "host name in the CN only", fails: "certificate-hostname", spec: { ...base, ...full(cnOnly) } },
    {
      name: "issuer with CA:FALSE",
      fails: "certificate-chain",
      spec: { ...base, chainPem: chainPem(underCaFalse, caFalse, pki.intermediate), keyPem: underCaFalse.keyPem },
    },
    {
      name: "issuer without basicConstraints",
      fails: "certificate-chain",
      spec: { ...base, chainPem: chainPem(underNoConstraints, noConstraints, pki.intermediate), keyPem: underNoConstraints.keyPem },
    },
    { name: "missing intermediate", fails: "certificate-chain", spec: { ...base, chainPem: good.certPem } },
    { name: "self-signed", fails: "certificate-chain", spec: { ...base, chainPem: selfSigned.certPem, keyPem: selfSigned.keyPem } },
    { name: "HSTS missing", fails: "hsts", spec: { ...base, hsts: undefined } },
    { name: "HSTS too short", fails: "hsts", spec: { ...base, hsts: "max-age=300" } },
    {
      name: "redirect with 302",
      fails: "http-redirect",
      spec: {
        ...base,
        redirect: ({ host, httpsPort, requestUri }) => ({ status: 302, location: `https://${host}:${httpsPort}${requestUri}` }),
      },
    },
    {
      name: "redirect to http",
      fails: "http-redirect",
      spec: {
        ...base,
        redirect: ({ host, httpsPort, requestUri }) => ({ status: 301, location: `http://${host}:${httpsPort}${requestUri}` }),
      },
    },
    {
      name: "redirect dropping the path",
      fails: "http-redirect",
      spec: { ...base, redirect: ({ host, httpsPort }) => ({ status: 301, location: `https://${host}:${httpsPort}/` }) },
    },
    { name: "health answering 503", fails: "health", spec: { ...base, healthStatus: 503 } },
    // nginx's OpenSSL and its way of refusing: the good config, and one that still allows TLS 1.0.
    { name: "good (nginx)", spec: { nginx: full(good) } },
    {
      name: "TLS 1.0 allowed (nginx)",
      fails: "tls-versions",
      spec: { nginx: { ...full(good), protocols: "TLSv1 TLSv1.1 TLSv1.2 TLSv1.3", ciphers: "DEFAULT:@SECLEVEL=0" } },
    },
  ];

  const running = await Promise.all(cases.map((c) => ("nginx" in c.spec ? startNginxSite(HOST, c.spec.nginx) : startSite(HOST, c.spec))));
  const sites = new Map(cases.map((c, i) => [c.name, running[i]]));
  return {
    rootPem: pki.root.certPem,
    sites,
    cases,
    close: async () => {
      await Promise.all(running.map((s) => s.close()));
    },
  };
}
