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

export type ChainVerdict =
  | { readonly ok: true; readonly path: readonly X509Certificate[]; readonly anchor: X509Certificate }
  | { readonly ok: false; readonly reason: string };

/** Readable subject, e.g. `"wechat-https-backend test Intermediate CA"`, falling back to the full DN. */
export function displayName(cert: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.subject);
  return `"${cn ? cn[1] : cert.subject.replace(/\n/g, ", ")}"`;
}

function issuerName(cert: X509Certificate): string {
  const cn = /(?:^|\n)CN=([^\n]+)/.exec(cert.issuer);
  return `"${cn ? cn[1] : cert.issuer.replace(/\n/g, ", ")}"`;
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

const FULL_CHAIN_FIX = "upload the full chain (leaf first, then intermediates)";

/**
 * Verifies `served` (leaf first, as the server sent it) against `anchors`. Validity dates of the
 * leaf are left to the expiry check; an expired intermediate breaks the chain and is reported here.
 */
export function verifyServedChain(served: readonly X509Certificate[], anchors: readonly X509Certificate[], now = new Date()): ChainVerdict {
  const leaf = served[0];
  if (!leaf) return { ok: false, reason: "the server sent no certificate" };
  const path: X509Certificate[] = [leaf];
  let current = leaf;
  for (let depth = 0; depth < MAX_DEPTH; depth++) {
    const anchor = anchors.find((a) => a.fingerprint256 === current.fingerprint256 || issued(a, current));
    if (anchor) return { ok: true, path, anchor };

    if (selfSigned(current)) {
      if (depth === 0) {
        return {
          ok: false,
          reason:
            "the certificate is self-signed (it vouches for itself): phones and WeChat reject it; " +
            "use a certificate from a public CA (e.g. Let's Encrypt through ACME, or Alibaba Cloud SSL)",
        };
      }
      return {
        ok: false,
        reason:
          `the chain ends at ${displayName(current)}, a root that is not trusted by phones (a private CA?): ` +
          "use a certificate from a public CA, or pass --cacert <root.pem> if this private CA is intended",
      };
    }

    const next = served.find((c) => !path.includes(c) && issued(c, current));
    if (!next) {
      const sentOnlyLeaf = served.length === 1;
      const aia = caIssuersUrl(current);
      return {
        ok: false,
        reason:
          `${sentOnlyLeaf ? "the server sends only its own certificate, not" : "the server does not send"} the intermediate certificate ` +
          `${issuerName(current)} that issued ${depth === 0 ? "it" : displayName(current)}` +
          (aia ? ` (desktop browsers fetch it from ${aia})` : "") +
          `: phones reject this even when desktop browsers fill the gap; ${FULL_CHAIN_FIX}` +
          ` (if ${issuerName(current)} is a private root, pass --cacert with it)`,
      };
    }
    if (!next.ca) {
      return { ok: false, reason: `${displayName(next)} signed ${displayName(current)} but is not a CA certificate: ${FULL_CHAIN_FIX}` };
    }
    if (new Date(next.validTo).getTime() < now.getTime()) {
      return {
        ok: false,
        reason: `the intermediate ${displayName(next)} expired on ${next.validTo}: ${FULL_CHAIN_FIX} with the CA's current intermediate`,
      };
    }
    path.push(next);
    current = next;
  }
  return { ok: false, reason: `no trusted root within ${MAX_DEPTH} certificates` };
}
