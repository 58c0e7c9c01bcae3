// Chain building the way a phone does it: start at the leaf, climb only through certificates the
// server sent, and stop at a root from the trust store. Desktop browsers may download a missing
// intermediate (AIA fetching) or remember one from an earlier visit; phones and WeChat do not, so
// neither does this code.
import { X509Certificate } from "node:crypto";
import { rootCertificates } from "node:tls";

const MAX_DEPTH = 8;

let systemRootsCache: X509Certificate[] | undefined;

/** Node's bundled Mozilla root store, parsed once. */
export function systemRoots(): X509Certificate[] {
  systemRootsCache ??= rootCertificates.map((pem) => new X509Certificate(pem));
  return systemRootsCache;
}

/**
 * Why a served chain does not verify, as data: the report words it in its own language
 * (checks/certificate.ts). Names are readable subjects, e.g. "wechat-https-backend test Intermediate CA".
 */
export type ChainProblem =
  | { readonly kind: "noCertificate" }
  | { readonly kind: "selfSigned" }
  | { readonly kind: "untrustedRoot"; readonly root: string }
  | {
      readonly kind: "incomplete";
      /** The server sent the leaf alone. */
      readonly onlyLeaf: boolean;
      /** The certificate whose issuer is missing; undefined when it is the leaf. */
      readonly subject?: string;
      readonly issuer: string;
      /** Where desktop browsers download the missing issuer from (AIA). */
      readonly aia?: string;
    }
  | { readonly kind: "notCa"; readonly issuer: string; readonly subject: string }
  | { readonly kind: "expiredIntermediate"; readonly issuer: string; readonly date: string }
  | { readonly kind: "tooLong"; readonly max: number };

export type ChainVerdict =
  | { readonly ok: true; readonly path: readonly X509Certificate[]; readonly anchor: X509Certificate }
  | { readonly ok: false; readonly problem: ChainProblem };

/** Readable subject, e.g. `wechat-https-backend test Intermediate CA`, falling back to the full DN. */
export function displayName(cert: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return cn ? cn[1] : cert.subject.replace(/\n/g, ", ");
}

function issuerName(cert: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.issuer);
  return cn ? cn[1] : cert.issuer.replace(/\n/g, ", ");
}

/** Did `issuer` sign `cert`? Names/key identifiers first (cheap), then the signature itself. */
function issued(issuer: X509Certificate, cert: X509Certificate): boolean {
  return cert.checkIssued(issuer) && cert.verify(issuer.publicKey);
}

/** Signed by its own key. Not checkIssued: that also demands keyCertSign, which self-signed leaves often lack. */
function selfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && cert.verify(cert.publicKey);
}

/** The URL a desktop browser would fetch the missing issuer from, when the certificate names one. */
function caIssuersUrl(cert: X509Certificate): string | undefined {
  return /CA Issuers - URI:(\S+)/.exec(cert.infoAccess ?? "")?.[1];
}

/**
 * Verifies `served` (leaf first, as the server sent it) against `anchors`. Validity dates of the
 * leaf are left to the expiry check; an expired intermediate breaks the chain and is reported here.
 */
export function verifyServedChain(served: readonly X509Certificate[], anchors: readonly X509Certificate[], now = new Date()): ChainVerdict {
  const leaf = served[0];
  if (!leaf) return { ok: false, problem: { kind: "noCertificate" } };
  const path: X509Certificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256 || issued(a, current));
    if (anchor) return { ok: true, path, anchor };

    if (selfSigned(current)) {
      return { ok: false, problem: depth === 0 ? { kind: "selfSigned" } : { kind: "untrustedRoot", root: displayName(current) } };
    }

    const next = served.find((c) => !path.includes(c) && issued(c, current));
    if (!next) {
      const problem: ChainProblem = {
        kind: "incomplete",
        onlyLeaf: served.length === 1,
        subject: depth === 0 ? undefined : displayName(current),
        issuer: issuerName(current),
        aia: caIssuersUrl(current),
      };
      return { ok: false, problem };
    }
    if (!next.ca) return { ok: false, problem: { kind: "notCa", issuer: displayName(next), subject: displayName(current) } };
    if (new Date(next.validTo).getTime() < now.getTime()) {
      return { ok: false, problem: { kind: "expiredIntermediate", issuer: displayName(next), date: next.validTo } };
    }
    path.push(next);
    current = next;
  }
  return { ok: false, problem: { kind: "tooLong", max: MAX_DEPTH } };
}
