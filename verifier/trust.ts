// The certificate-chain verdict: the chain the server sent, built the way a phone does by the
// stack's own chain builder (lib/certificates/chain.ts), put in the verifier's words.
import type { X509Certificate } from "node:crypto";
import { TrustStore, asServed, buildChain, type Chain } from "../lib/certificates/chain";
import { issuerLabel, label, notAfter } from "../lib/certificates/describe";

/** Phones give up on longer paths; so does the verifier. */
const MAX_DEPTH = 8;

export type ChainVerdict =
  | {
      readonly ok: true;
      /** The served certificates clients check: the leaf and the intermediates below the trust anchor. */
      readonly path: readonly X509Certificate[];
      /** The trusted root the chain leads to. */
      readonly anchor: X509Certificate;
    }
  | { readonly ok: false; readonly reason: string };

function quoted(text: string): string {
  return `"${text}"`;
}

/** The URL a desktop browser would fetch the missing issuer from, when the certificate names one. */
function caIssuersUrl(cert: X509Certificate): string | undefined {
  return /CA Issuers - URI:(\S+)/.exec(cert.infoAccess ?? "")?.[1];
}

const FULL_CHAIN_FIX = "upload the full chain (leaf first, then intermediates)";

/**
 * The first served issuer a phone would stop at, in climbing order: one that is not a CA, or one
 * that has expired. Checked up to the trust anchor (which phones take from their own store).
 */
function brokenLink(chain: Chain, now: Date): string | undefined {
  const checked = chain.trust.kind === "trusted" ? chain.signed : chain.path;
  for (let i = 1; i < checked.length; i++) {
    const issuer = checked[i].cert;
    const signed = checked[i - 1].cert;
    if (!issuer.ca) return `${quoted(label(issuer))} signed ${quoted(label(signed))} but is not a CA certificate: ${FULL_CHAIN_FIX}`;
    if (notAfter(issuer).getTime() < now.getTime()) {
      return `the intermediate ${quoted(label(issuer))} expired on ${issuer.validTo}: ${FULL_CHAIN_FIX} with the CA's current intermediate`;
    }
  }
  return undefined;
}

/** Index of the certificate at which the trust decision falls, counted from the leaf. */
function decisionDepth(chain: Chain): number {
  const { trust } = chain;
  // A served anchor is reached from the certificate below it, which its store copy issued.
  if (trust.kind === "trusted" && trust.anchor !== undefined) return Math.max(trust.anchor - 1, 0);
  return chain.path.length - 1;
}

function untrusted(chain: Chain, served: readonly X509Certificate[]): string {
  const { trust } = chain;
  switch (trust.kind) {
    case "selfSigned":
      return (
        "the certificate is self-signed (it vouches for itself): phones and WeChat reject it; " +
        "use a certificate from a public CA (e.g. Let's Encrypt through ACME, or Alibaba Cloud SSL)"
      );
    case "untrustedRoot":
      return (
        `the chain ends at ${quoted(label(trust.root.cert))}, a root that is not trusted by phones (a private CA?): ` +
        "use a certificate from a public CA, or pass --cacert <root.pem> if this private CA is intended"
      );
    case "incomplete": {
      const last = trust.last.cert;
      const issuer = quoted(issuerLabel(last));
      const aia = caIssuersUrl(last);
      const sentOnlyLeaf = served.length === 1;
      return (
        `${sentOnlyLeaf ? "the server sends only its own certificate, not" : "the server does not send"} the intermediate certificate ` +
        `${issuer} that issued ${trust.last === chain.leaf ? "it" : quoted(label(last))}` +
        (aia ? ` (desktop browsers fetch it from ${aia})` : "") +
        `: phones reject this even when desktop browsers fill the gap; ${FULL_CHAIN_FIX}` +
        ` (if ${issuer} is a private root, pass --cacert with it)`
      );
    }
    case "trusted":
      return "";
  }
}

/**
 * Verifies `served` (leaf first, as the server sent it) against the system roots and `extraRoots`.
 * Validity dates of the leaf are left to the expiry check; an expired intermediate breaks the chain
 * and is reported here.
 */
export function verifyServedChain(
  served: readonly X509Certificate[],
  extraRoots: readonly X509Certificate[],
  now = new Date(),
): ChainVerdict {
  if (served.length === 0) return { ok: false, reason: "the server sent no certificate" };
  const chain = buildChain(asServed(served), new TrustStore(extraRoots));
  if (decisionDepth(chain) >= MAX_DEPTH) return { ok: false, reason: `no trusted root within ${MAX_DEPTH} certificates` };
  const broken = brokenLink(chain, now);
  if (broken) return { ok: false, reason: broken };
  if (chain.trust.kind !== "trusted") return { ok: false, reason: untrusted(chain, served) };
  return { ok: true, path: chain.signed.map((s) => s.cert), anchor: chain.trust.root };
}
