// The certificate-chain verdict: the chain the server sent, built the way a phone does by the
// stack's own chain builder (lib/certificates/chain.ts: climb only through certificates the server
// sent, stop at a trusted root; no AIA fetching, which phones and WeChat do not do), with the
// verifier's own rules on top (an issuer that is not a CA or has expired breaks the chain; at most
// MAX_DEPTH certificates).
import type { X509Certificate } from "node:crypto";
import { TrustStore, asServed, buildChain, type Chain } from "../lib/certificates/chain";
import { issuerLabel, label, notAfter } from "../lib/certificates/describe";

/** Phones give up on longer paths; so does the verifier. */
const MAX_DEPTH = 8;

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
  | {
      readonly ok: true;
      /** The served certificates clients check: the leaf and the intermediates below the trust anchor. */
      readonly path: readonly X509Certificate[];
      /** The trusted root the chain leads to. */
      readonly anchor: X509Certificate;
    }
  | { readonly ok: false; readonly problem: ChainProblem };

/** The URL a desktop browser would fetch the missing issuer from, when the certificate names one. */
function caIssuersUrl(cert: X509Certificate): string | undefined {
  return /CA Issuers - URI:(\S+)/.exec(cert.infoAccess ?? "")?.[1];
}

/**
 * The first served issuer a phone would stop at, in climbing order: one that is not a CA, or one
 * that has expired. Checked up to the trust anchor (which phones take from their own store).
 */
function brokenLink(chain: Chain, now: Date): ChainProblem | undefined {
  const checked = chain.trust.kind === "trusted" ? chain.signed : chain.path;
  for (let i = 1; i < checked.length; i++) {
    const issuer = checked[i].cert;
    if (!issuer.ca) return { kind: "notCa", issuer: label(issuer), subject: label(checked[i - 1].cert) };
    if (notAfter(issuer).getTime() < now.getTime()) return { kind: "expiredIntermediate", issuer: label(issuer), date: issuer.validTo };
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

/** Why an untrusted chain is not trusted. */
function untrustedProblem(chain: Chain, served: readonly X509Certificate[]): ChainProblem {
  const { trust } = chain;
  switch (trust.kind) {
    case "selfSigned":
      return { kind: "selfSigned" };
    case "untrustedRoot":
      return { kind: "untrustedRoot", root: label(trust.root.cert) };
    case "incomplete":
    case "trusted": {
      const last = chain.path[chain.path.length - 1];
      return {
        kind: "incomplete",
        onlyLeaf: served.length === 1,
        subject: last === chain.leaf ? undefined : label(last.cert),
        issuer: issuerLabel(last.cert),
        aia: caIssuersUrl(last.cert),
      };
    }
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
  if (served.length === 0) return { ok: false, problem: { kind: "noCertificate" } };
  const chain = buildChain(asServed(served), new TrustStore(extraRoots));
  if (decisionDepth(chain) >= MAX_DEPTH) return { ok: false, problem: { kind: "tooLong", max: MAX_DEPTH } };
  const broken = brokenLink(chain, now);
  if (broken) return { ok: false, problem: broken };
  if (chain.trust.kind !== "trusted") return { ok: false, problem: untrustedProblem(chain, served) };
  return { ok: true, path: chain.signed.map((s) => s.cert), anchor: chain.trust.root };
}
