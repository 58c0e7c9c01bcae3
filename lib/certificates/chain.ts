// Builds a served chain the way a phone does: start at the server certificate, climb only through
// certificates the server sent (each must have issued the one below it: names, key identifiers and
// a verified signature), and stop at a root the phone already trusts. Desktop browsers may fetch a
// missing intermediate (AIA) or remember one from an earlier visit; phones and WeChat do not, so
// neither does this code. Nothing is matched on PEM text. The stack's certificate checks
// (chainChecks.ts) and the HTTPS verifier (verifier/trust.ts) both judge chains with buildChain.
import { X509Certificate, type KeyObject } from "node:crypto";
import * as tls from "node:tls";
import type { PemCertificate } from "./pem";

/** A certificate as served or uploaded, with its 1-based position in what was sent. */
export type ServedCertificate = PemCertificate;

/** Certificates as a server sent them (first = position 1). */
export function asServed(certs: readonly X509Certificate[]): ServedCertificate[] {
  return certs.map((cert, i) => ({ position: i + 1, cert, der: cert.raw }));
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

/** The roots a phone trusts, approximated by Node's bundled Mozilla store, plus the caller's own. */
export class TrustStore {
  private static systemRoots?: X509Certificate[];
  private readonly bySubject = new Map<string, X509Certificate[]>();

  constructor(extraRoots: readonly X509Certificate[]) {
    // Parsing ~140 roots takes tens of milliseconds: once per process is enough.
    TrustStore.systemRoots ??= tls.rootCertificates.map((pem) => new X509Certificate(pem));
    for (const root of [...extraRoots, ...TrustStore.systemRoots]) {
      const list = this.bySubject.get(root.subject) ?? [];
      list.push(root);
      this.bySubject.set(root.subject, list);
    }
  }

  /**
   * The trusted root `cert` is a copy of (same name and same key: the root itself, or a
   * cross-signed copy of it), if any. Phones look anchors up by name and key, not by fingerprint.
   */
  anchorFor(cert: X509Certificate): X509Certificate | undefined {
    return (this.bySubject.get(cert.subject) ?? []).find((root) => root.publicKey.equals(cert.publicKey));
  }

  /** The certificate itself is a trust anchor. */
  contains(cert: X509Certificate): boolean {
    return this.anchorFor(cert) !== undefined;
  }

  /** A trusted root that issued `cert`, if any. */
  issuerOf(cert: X509Certificate): X509Certificate | undefined {
    return (this.bySubject.get(cert.issuer) ?? []).find((root) => issuedBy(cert, root));
  }
}

export type Trust =
  /**
   * The path reaches the trusted root `root`. `anchor` is the index of the first path certificate
   * that is itself trusted (a served root, or a cross-signed copy of one), if any: clients stop
   * there. Without it, `root` (from the store) issued the last path certificate.
   */
  | { readonly kind: "trusted"; readonly root: X509Certificate; readonly anchor?: number }
  /** The server certificate is self-signed and not a trusted root. */
  | { readonly kind: "selfSigned" }
  /** The path ends at a self-signed root that is not trusted. */
  | { readonly kind: "untrustedRoot"; readonly root: ServedCertificate }
  /** The last certificate's issuer is neither served nor trusted. */
  | { readonly kind: "incomplete"; readonly last: ServedCertificate };

export interface Chain {
  /** The certificate meant to be the server certificate (not always the first one served). */
  readonly leaf: ServedCertificate;
  /** leaf, its issuer, that one's issuer, ... as far as the served certificates reach. */
  readonly path: ServedCertificate[];
  /** Served certificates that are not on the path (unrelated ones and duplicates). */
  readonly extras: ServedCertificate[];
  /** The path certificates were served in path order, leaf first. */
  readonly inOrder: boolean;
  readonly trust: Trust;
  /**
   * The path certificates whose keys, signatures and dates matter: everything below the trust
   * anchor, or below a self-signed root. The leaf is always first.
   */
  readonly signed: ServedCertificate[];
}

/**
 * Orders the served certificates into a path from `leaf`. Greedy is enough: a served chain has
 * at most a handful of certificates and, at each step, one certificate that issued the last.
 */
function climb(served: readonly ServedCertificate[], leaf: ServedCertificate): { path: ServedCertificate[]; extras: ServedCertificate[] } {
  const path = [leaf];
  const remaining = served.filter((s) => s !== leaf);
  for (;;) {
    const last = path[path.length - 1].cert;
    if (isSelfSigned(last)) break;
    let next = remaining.findIndex((s) => issuedBy(last, s.cert));
    // A certificate that is not a CA (a server certificate used as one: no keyCertSign, which
    // issuedBy requires) but signed the last one is its issuer all the same: the chain goes on
    // through it, and the checks say it breaks there (not that an intermediate is missing).
    if (next < 0) next = remaining.findIndex((s) => !s.cert.ca && last.issuer === s.cert.subject && verifies(last, s.cert.publicKey));
    if (next < 0) break;
    path.push(...remaining.splice(next, 1));
  }
  return { path, extras: remaining };
}

export function judgeTrust(path: readonly ServedCertificate[], store: TrustStore): Trust {
  for (const [index, s] of path.entries()) {
    const root = store.anchorFor(s.cert);
    if (root) return { kind: "trusted", root, anchor: index };
  }
  const last = path[path.length - 1];
  if (isSelfSigned(last.cert)) return path.length === 1 ? { kind: "selfSigned" } : { kind: "untrustedRoot", root: last };
  const root = store.issuerOf(last.cert);
  return root ? { kind: "trusted", root } : { kind: "incomplete", last };
}

function signedPart(path: readonly ServedCertificate[], trust: Trust): ServedCertificate[] {
  if (trust.kind === "trusted" && trust.anchor !== undefined) return path.slice(0, Math.max(trust.anchor, 1));
  return path.filter((s, i) => i === 0 || !isSelfSigned(s.cert));
}

/** The chain `served` makes from `leaf` (default: the first served certificate), judged against `store`. */
export function buildChain(served: readonly ServedCertificate[], store: TrustStore, leaf: ServedCertificate = served[0]): Chain {
  const { path, extras } = climb(served, leaf);
  const servedPathOrder = served.filter((s) => path.includes(s));
  const inOrder = servedPathOrder.every((s, i) => s === path[i]);
  const trust = judgeTrust(path, store);
  return { leaf, path, extras, inOrder, trust, signed: signedPart(path, trust) };
}
