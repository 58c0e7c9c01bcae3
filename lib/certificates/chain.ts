// Puts a served chain back together the way a phone does: from the server certificate, each
// next certificate must have issued the previous one (names, key identifiers and a verified
// signature), up to a root the phone already trusts. Nothing is matched on PEM text.
import { X509Certificate, type KeyObject } from "node:crypto";
import * as tls from "node:tls";

/** A certificate as uploaded, with its 1-based position in certificatePem. */
export interface ServedCertificate {
  readonly position: number;
  readonly cert: X509Certificate;
  readonly der: Buffer;
}

function verifies(cert: X509Certificate, key: KeyObject): boolean {
  try {
    return cert.verify(key);
  } catch {
    return false; // a key type OpenSSL cannot verify with is as good as a wrong key
  }
}

/** `parent` issued `child`: names and key identifiers agree, parent may sign certificates, and the signature verifies. */
export function issuedBy(child: X509Certificate, parent: X509Certificate): boolean {
  return child.checkIssued(parent) && verifies(child, parent.publicKey);
}

/**
 * Signed by its own key. checkIssued is not used here: OpenSSL refuses an issuer without the
 * keyCertSign usage, which self-signed server certificates usually lack.
 */
export function isSelfSigned(cert: X509Certificate): boolean {
  return cert.subject === cert.issuer && verifies(cert, cert.publicKey);
}

/** The roots a phone trusts, approximated by Node's bundled Mozilla store, plus the stack's own. */
export class TrustStore {
  private static systemRoots?: X509Certificate[];
  private readonly bySubject = new Map<string, X509Certificate[]>();

  constructor(extraRoots: readonly X509Certificate[]) {
    // Parsing ~140 roots takes tens of milliseconds: once per process is enough.
    TrustStore.systemRoots ??= tls.rootCertificates.map((pem) => new X509Certificate(pem));
    for (const root of [...TrustStore.systemRoots, ...extraRoots]) {
      const list = this.bySubject.get(root.subject) ?? [];
      list.push(root);
      this.bySubject.set(root.subject, list);
    }
  }

  /** The certificate itself is a trust anchor (same name and same key). */
  contains(cert: X509Certificate): boolean {
    return (this.bySubject.get(cert.subject) ?? []).some((root) => root.publicKey.equals(cert.publicKey));
  }

  /** A trusted root that issued `cert`, if any. */
  issuerOf(cert: X509Certificate): X509Certificate | undefined {
    return (this.bySubject.get(cert.issuer) ?? []).find((root) => issuedBy(cert, root));
  }
}

export interface ChainShape {
  /** The certificate meant to be the server certificate (not always the first one served). */
  readonly leaf: ServedCertificate;
  /** leaf, its issuer, that one's issuer, ... as far as the served certificates reach. */
  readonly path: ServedCertificate[];
  /** Served certificates that are not on the path (unrelated ones and duplicates). */
  readonly extras: ServedCertificate[];
  /** The path certificates were served in path order, leaf first. */
  readonly inOrder: boolean;
}

/**
 * Orders the served certificates into a path from `leaf`. Greedy is enough: a served chain has
 * at most a handful of certificates and, at each step, one certificate that issued the last.
 */
export function shapeChain(served: readonly ServedCertificate[], leaf: ServedCertificate): ChainShape {
  const path = [leaf];
  const remaining = served.filter((s) => s !== leaf);
  for (;;) {
    const last = path[path.length - 1].cert;
    if (isSelfSigned(last)) break;
    const next = remaining.findIndex((s) => issuedBy(last, s.cert));
    if (next < 0) break;
    path.push(...remaining.splice(next, 1));
  }
  const servedPathOrder = served.filter((s) => path.includes(s));
  const inOrder = servedPathOrder.every((s, i) => s === path[i]);
  return { leaf, path, extras: remaining, inOrder };
}

export type Trust =
  /**
   * The path reaches a trusted root. `anchor` is the index of the first path certificate that is
   * itself trusted (a served root, or a cross-signed copy of one), if any: clients stop there.
   */
  | { readonly kind: "trusted"; readonly anchor?: number }
  /** The server certificate is self-signed and not a trusted root. */
  | { readonly kind: "selfSigned" }
  /** The path ends at a self-signed root that is not trusted. */
  | { readonly kind: "untrustedRoot"; readonly root: ServedCertificate }
  /** The last certificate's issuer is neither served nor trusted. */
  | { readonly kind: "incomplete"; readonly last: ServedCertificate };

export function judgeTrust(path: readonly ServedCertificate[], store: TrustStore): Trust {
  const anchor = path.findIndex((s) => store.contains(s.cert));
  if (anchor >= 0) return { kind: "trusted", anchor };
  const last = path[path.length - 1];
  if (isSelfSigned(last.cert)) return path.length === 1 ? { kind: "selfSigned" } : { kind: "untrustedRoot", root: last };
  return store.issuerOf(last.cert) ? { kind: "trusted" } : { kind: "incomplete", last };
}

/** The path certificates whose keys and signatures matter: everything below the trust anchor or self-signed root. */
export function signedPart(path: readonly ServedCertificate[], trust: Trust): ServedCertificate[] {
  if (trust.kind === "trusted" && trust.anchor !== undefined) return path.slice(0, Math.max(trust.anchor, 1));
  return path.filter((s, i) => i === 0 || !isSelfSigned(s.cert));
}
