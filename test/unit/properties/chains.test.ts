// Properties of the one chain builder (lib/certificates/chain.ts): whatever a server sends, in
// whatever order, with whatever missing, duplicated or unrelated, the path from the leaf follows
// issuance alone, and the stack's checks and the verifier reach the same verdict on it.
import fc from "fast-check";
import { X509Certificate } from "node:crypto";
import { TrustStore, asServed, buildChain, type ServedCertificate } from "../../../lib/certificates/chain";
import { verifyServedChain } from "../../../verifier/trust";
import { EC_P256, issue, type Issued } from "../../support/pki";

const RUNS = { numRuns: 150 };

/** root -> a -> b -> leaf, plus a stranger and a second, unrelated root. */
interface Pki {
  readonly root: X509Certificate;
  readonly a: X509Certificate;
  readonly b: X509Certificate;
  readonly leaf: X509Certificate;
  readonly stranger: X509Certificate;
  readonly otherRoot: X509Certificate;
}

let pki: Pki;
beforeAll(async () => {
  const ca = (name: string, issuer?: Issued) => issue({ commonName: name, isCa: true, key: EC_P256, notAfterDays: 3650 }, issuer);
  const root = await ca("chains Root");
  const a = await ca("chains A", root);
  const b = await ca("chains B", a);
  const leaf = await issue({ dnsNames: ["chains.example.com"], key: EC_P256 }, b);
  const otherRoot = await ca("chains Other Root");
  const stranger = await ca("chains Stranger", otherRoot);
  const x = (i: Issued) => new X509Certificate(i.certPem);
  pki = { root: x(root), a: x(a), b: x(b), leaf: x(leaf), stranger: x(stranger), otherRoot: x(otherRoot) };
});

/** What a server might send after the leaf: any subset of the rest, in any order, possibly a duplicate. */
const sentAfterLeaf = fc
  .tuple(
    fc.shuffledSubarray(["a", "b", "root", "stranger", "otherRoot"] as const),
    fc.option(fc.constantFrom("a", "b", "root", "stranger") as fc.Arbitrary<keyof Pki>, { nil: undefined }),
  )
  .map(([names, duplicate]) => (duplicate ? [...names, duplicate] : names) as (keyof Pki)[]);

/** The issuance path from the leaf through what was sent: leaf, b, a, root, as far as sent. */
function expectedPath(sent: readonly (keyof Pki)[]): (keyof Pki)[] {
  const path: (keyof Pki)[] = ["leaf"];
  for (const next of ["b", "a", "root"] as const) {
    if (!sent.includes(next)) break;
    path.push(next);
  }
  return path;
}

const names = (certs: readonly ServedCertificate[]) => certs.map((s) => (Object.keys(pki) as (keyof Pki)[]).find((k) => pki[k] === s.cert));

test("the path follows issuance, whatever the order; everything else sent is an extra", () => {
  fc.assert(
    fc.property(sentAfterLeaf, fc.boolean(), fc.nat(), (sent, trustRoot, leafAt) => {
      // The leaf is not always sent first: the stack finds it by its key, so put it anywhere.
      const order = [...sent];
      order.splice(leafAt % (order.length + 1), 0, "leaf");
      const served = asServed(order.map((n) => pki[n]));
      const leaf = served[order.indexOf("leaf")];
      const chain = buildChain(served, new TrustStore(trustRoot ? [pki.root] : []), leaf);

      const path = expectedPath(sent);
      expect(names(chain.path)).toEqual(path);
      expect(chain.path.length + chain.extras.length).toBe(served.length);
      const servedPathOrder = order.filter((n, i) => path.includes(n) && order.indexOf(n) === i);
      expect(chain.inOrder).toBe(servedPathOrder.every((n, i) => n === path[i]));

      const last = path[path.length - 1];
      if (trustRoot && (last === "a" || last === "root")) {
        expect(chain.trust.kind).toBe("trusted");
        expect(names(chain.signed)).toEqual(path.filter((n) => n !== "root"));
      } else if (last === "root") {
        expect(chain.trust).toMatchObject({ kind: "untrustedRoot" });
      } else {
        expect(chain.trust.kind).toBe("incomplete");
        expect(chain.trust.kind === "incomplete" && names([chain.trust.last])).toEqual([last]);
      }
    }),
    RUNS,
  );
});

test("the same certificates in another order get the same path and the same trust", () => {
  fc.assert(
    fc.property(sentAfterLeaf, fc.boolean(), (sent, trustRoot) => {
      const store = new TrustStore(trustRoot ? [pki.root] : []);
      const judge = (order: (keyof Pki)[]) => {
        const served = asServed([pki.leaf, ...order.map((n) => pki[n])]);
        const chain = buildChain(served, store);
        return { path: names(chain.path), trust: chain.trust.kind, signed: names(chain.signed) };
      };
      expect(judge([...sent].reverse())).toEqual(judge(sent));
    }),
    RUNS,
  );
});

test("the verifier passes exactly the chains the stack's checks trust", () => {
  fc.assert(
    fc.property(sentAfterLeaf, fc.boolean(), (sent, trustRoot) => {
      const roots = trustRoot ? [pki.root] : [];
      const served = [pki.leaf, ...sent.map((n) => pki[n])];
      const stack = buildChain(asServed(served), new TrustStore(roots));
      const verdict = verifyServedChain(served, roots);
      expect(verdict.ok).toBe(stack.trust.kind === "trusted");
      if (verdict.ok) {
        expect(verdict.anchor.fingerprint256).toBe(pki.root.fingerprint256);
        expect(verdict.path.map((c) => c.fingerprint256)).toEqual(stack.signed.map((s) => s.cert.fingerprint256));
      }
    }),
    RUNS,
  );
});
