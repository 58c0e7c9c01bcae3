// The verifier's pure parts (option parsing, HSTS, redirect rules, suite judgement, chain building)
// and the hand-built ClientHello against a stub that accepts 3DES, which no local OpenSSL can offer.
import { X509Certificate } from "node:crypto";
import * as net from "node:net";
import * as tls from "node:tls";
import { chainProblemText, checkCertificateHostname } from "../../../verifier/checks/certificate";
import { checkCipherSuites, weakness } from "../../../verifier/checks/cipherSuites";
import { humanDuration, parseHsts } from "../../../verifier/checks/hsts";
import { probeUrl, redirectProblems } from "../../../verifier/checks/httpRedirect";
import { createContext } from "../../../verifier/context";
import { en } from "../../../verifier/messages/en";
import { zhCN } from "../../../verifier/messages/zhCN";
import { buildClientHello, offerSuites, parseServerAnswer } from "../../../verifier/rawHello";
import { UsageError, parseResolve, parseRootsPem, toSettings } from "../../../verifier/settings";
import { verifyServedChain } from "../../../verifier/trust";
import { EC_P256, createPki, issue } from "../../support/pki";

describe("--resolve", () => {
  test("parses host:port:address like curl, IPv6 in brackets, first of several addresses", () => {
    expect(parseResolve("api.example.com:443:203.0.113.10")).toEqual({ host: "api.example.com", port: 443, address: "203.0.113.10" });
    expect(parseResolve("api.example.com:8443:[2001:db8::1]")).toEqual({ host: "api.example.com", port: 8443, address: "2001:db8::1" });
    expect(parseResolve("a.test:443:192.0.2.1,192.0.2.2").address).toBe("192.0.2.1");
  });

  test.each(["api.example.com", "api.example.com:443", "api.example.com:99999:192.0.2.1", "api.example.com:443:lb.example.com"])(
    "rejects %s with a usage error",
    (entry) => {
      expect(() => parseResolve(entry)).toThrow(UsageError);
    },
  );

  test("settings key the overrides by lower-case host and port", () => {
    const s = toSettings({ url: "https://API.example.com/", resolve: ["API.example.com:443:192.0.2.7"] });
    expect(s.resolve.get("api.example.com:443")).toBe("192.0.2.7");
    expect(s.httpUrl.href).toBe("http://api.example.com/");
    expect(s.endpoint).toEqual({ host: "api.example.com", port: 443 });
  });
});

describe("HSTS", () => {
  test("reads max-age and flags, case-insensitively, quoted or not", () => {
    expect(parseHsts('Max-Age="63072000"; includeSubDomains; preload')).toEqual({
      maxAge: 63072000,
      includeSubDomains: true,
      preload: true,
    });
    expect(parseHsts("includeSubDomains")).toEqual({ maxAge: undefined, includeSubDomains: true, preload: false });
    expect(parseHsts("max-age=abc").maxAge).toBeUndefined();
  });

  test("durations read as people say them", () => {
    expect(humanDuration(31536000)).toBe("1 year");
    expect(humanDuration(15552000)).toBe("180 days");
    expect(humanDuration(300)).toBe("5 minutes");
    expect(humanDuration(1)).toBe("1 second");
  });
});

describe("redirect rules", () => {
  const https443 = new URL("https://api.example.com/");
  const asked = probeUrl(new URL("http://api.example.com/"));

  test("the probe asks for a path and a query unless --http-url names its own", () => {
    expect(asked.href).toBe("http://api.example.com/wechat-verify/probe?x=1");
    expect(probeUrl(new URL("http://api.example.com/login?next=1")).href).toBe("http://api.example.com/login?next=1");
  });

  test("301 and 308 to the same path and query on the https origin pass; :443 is the same origin", () => {
    expect(redirectProblems(asked, https443, 301, "https://api.example.com/wechat-verify/probe?x=1")).toEqual([]);
    expect(redirectProblems(asked, https443, 308, "https://api.example.com:443/wechat-verify/probe?x=1")).toEqual([]);
  });

  test.each([
    [200, undefined, /answers 200 over plain HTTP/],
    [404, undefined, /answers 404 instead of a redirect/],
    [301, undefined, /without a Location header/],
    [307, "https://api.example.com/wechat-verify/probe?x=1", /307 is a temporary redirect/],
    [301, "https://www.example.com/wechat-verify/probe?x=1", /another host \(www\.example\.com\)/],
    [301, "https://api.example.com:8443/wechat-verify/probe?x=1", /port 8443 .* no port/],
    [301, "https://api.example.com/wechat-verify/probe", /drops the query/],
    [301, "/wechat-verify/probe?x=1", /redirects to http:\/\//],
  ])("%i to %s fails", (status, location, problem) => {
    const problems = redirectProblems(asked, https443, status, location);
    expect(problems.join("; ")).toMatch(problem);
  });

  test("an explicit https port must be kept", () => {
    const https8443 = new URL("https://api.example.com:8443/");
    expect(redirectProblems(asked, https8443, 301, "https://api.example.com:8443/wechat-verify/probe?x=1")).toEqual([]);
    expect(redirectProblems(asked, https8443, 301, "https://api.example.com/wechat-verify/probe?x=1").join()).toMatch(
      /port 443 .* port 8443/,
    );
  });
});

describe("suite judgement", () => {
  test.each([
    ["TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", undefined],
    ["TLS_DHE_RSA_WITH_AES_256_CBC_SHA", undefined],
    ["TLS_RSA_WITH_AES_128_GCM_SHA256", "not forward secret"],
    ["TLS_ECDHE_RSA_WITH_3DES_EDE_CBC_SHA", "3DES"],
    ["TLS_ECDHE_RSA_WITH_RC4_128_SHA", "RC4"],
    ["TLS_ECDHE_ECDSA_WITH_NULL_SHA", "NULL: no encryption"],
    ["TLS_RSA_EXPORT_WITH_RC4_40_MD5", "EXPORT-grade"],
    ["TLS_DH_anon_WITH_AES_128_CBC_SHA", "anonymous: no server authentication"],
    ["TLS_DHE_RSA_WITH_DES_CBC_SHA", "single DES"],
  ])("%s: %s", (name, verdict) => {
    expect(weakness(name)).toBe(verdict);
  });
});

describe("--cacert", () => {
  test("reads every certificate of a bundle, skipping comments and other blocks, like any CA bundle", async () => {
    const pki = await createPki("bundle");
    const bundle = `# private roots\n${pki.root.certPem}\n-----BEGIN X509 CRL-----\nAAAA\n-----END X509 CRL-----\n${pki.intermediate.certPem}`;
    const roots = parseRootsPem(bundle, "roots.pem");
    expect(roots.map((r) => r.subject)).toEqual([
      "CN=bundle Root CA\nO=wechat-https-backend tests",
      "CN=bundle Intermediate CA\nO=wechat-https-backend tests",
    ]);
  });

  test.each([
    ["no certificate at all", "just text\n", /--cacert roots\.pem: no PEM certificate found/],
    ["a block that never ends", "-----BEGIN CERTIFICATE-----\nAAAA\n", /--cacert roots\.pem: PEM block 1 has no "END CERTIFICATE" line/],
    ["a damaged body", "-----BEGIN CERTIFICATE-----\nAA!A\n-----END CERTIFICATE-----\n", /PEM block 1 has characters that are not base64/],
    ["bytes that are not X.509", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n", /certificate #1 cannot be parsed/],
  ])("%s is a usage error naming the file", (_what, text, message) => {
    expect(() => parseRootsPem(text, "roots.pem")).toThrow(UsageError);
    expect(() => parseRootsPem(text, "roots.pem")).toThrow(message);
  });
});

describe("chain building", () => {
  test("a chain that ends at a root the server sends but nobody trusts names it and suggests --cacert", async () => {
    const pki = await createPki("untrusted");
    const leaf = await pki.leaf({ dnsNames: ["a.test"], key: EC_P256 });
    const served = [leaf, pki.intermediate, pki.root].map((c) => new X509Certificate(c.certPem));
    const verdict = verifyServedChain(served, []);
    expect(verdict).toEqual({ ok: false, problem: { kind: "untrustedRoot", root: "untrusted Root CA" } });
    expect(verdict.ok || chainProblemText(en, verdict.problem)).toMatch(
      /ends at "untrusted Root CA", a root that is not trusted.*--cacert/,
    );
    expect(verdict.ok || chainProblemText(zhCN, verdict.problem)).toMatch(
      /证书链止于 "untrusted Root CA"，它是手机不信任的根证书.*--cacert/,
    );
    const trusted = verifyServedChain(served, [served[2]]);
    expect(trusted.ok && trusted.path.length).toBe(2);
  });

  test("an expired intermediate breaks the chain, even under a trusted root", async () => {
    const pki = await createPki("expiring");
    const old = await issue({ commonName: "Old CA", isCa: true, key: EC_P256, notBeforeDays: -400, notAfterDays: -5 }, pki.root);
    const leaf = await issue({ dnsNames: ["a.test"], key: EC_P256 }, old);
    const served = [leaf, old].map((c) => new X509Certificate(c.certPem));
    const verdict = verifyServedChain(served, [new X509Certificate(pki.root.certPem)]);
    expect(verdict).toEqual({ ok: false, problem: { kind: "expiredIntermediate", issuer: "Old CA", date: served[1].validTo } });
    expect(verdict.ok || chainProblemText(en, verdict.problem)).toMatch(/the intermediate "Old CA" expired on .*upload the full chain/);
  });
});

describe("issuers that are not CAs", () => {
  // A chain through "Fake CA", which the intermediate issued with these extensions: phones stop there.
  test.each([
    ["basicConstraints CA:FALSE, allowed to sign certificates", { isCa: true, basicConstraints: "notCa" }],
    ["no basicConstraints, allowed to sign certificates", { isCa: true, basicConstraints: "absent" }],
    ["basicConstraints CA:FALSE, a server certificate's key usages", { isCa: false, basicConstraints: "notCa" }],
    ["no basicConstraints, a server certificate's key usages", { isCa: false, basicConstraints: "absent" }],
    ["basicConstraints CA:TRUE but without keyCertSign", { isCa: false, basicConstraints: "ca" }],
  ] as const)("an issuer with %s breaks the chain, named with the certificate it signed", async (_what, extensions) => {
    const pki = await createPki("not a CA");
    const fake = await issue({ commonName: "Fake CA", key: EC_P256, ...extensions }, pki.intermediate);
    const leaf = await issue({ dnsNames: ["a.test"], key: EC_P256 }, fake);
    const served = [leaf, fake, pki.intermediate].map((c) => new X509Certificate(c.certPem));
    const verdict = verifyServedChain(served, [new X509Certificate(pki.root.certPem)]);
    expect(verdict).toEqual({ ok: false, problem: { kind: "notCa", issuer: "Fake CA", subject: "a.test" } });
    expect(verdict.ok || chainProblemText(en, verdict.problem)).toBe(
      '"Fake CA" signed "a.test" but is not a CA certificate: upload the full chain (leaf first, then intermediates)',
    );
    expect(verdict.ok || chainProblemText(zhCN, verdict.problem)).toMatch(/"Fake CA" 签发了 "a\.test"，但它不是 CA 证书/);
  });
});

describe("cross-signed roots and IP hosts", () => {
  test("a served cross-signed copy of a trusted root ends the chain there, even expired; trusting only the old root, it breaks it", async () => {
    // Like Let's Encrypt's ISRG Root X1 cross-signed by DST Root CA X3: same name and key as the new
    // root, issued by an old one. A phone that has the new root stops at it and never looks further.
    const old = await issue({ commonName: "Old Root", isCa: true, key: EC_P256, notAfterDays: 3650 });
    const root = await issue({ commonName: "New Root", isCa: true, key: EC_P256, notAfterDays: 3650 });
    const cross = await issue({ commonName: "New Root", isCa: true, key: EC_P256, notBeforeDays: -400, notAfterDays: -3 }, old, root.keys);
    const intermediate = await issue({ commonName: "Intermediate", isCa: true, key: EC_P256 }, root);
    const leaf = await issue({ dnsNames: ["a.test"], key: EC_P256 }, intermediate);
    const served = [leaf, intermediate, cross].map((c) => new X509Certificate(c.certPem));
    const trusted = verifyServedChain(served, [new X509Certificate(root.certPem)]);
    expect(trusted.ok && trusted.path.map((c) => c.subject.split("\n")[0])).toEqual(["CN=a.test", "CN=Intermediate"]);
    expect(trusted.ok && trusted.anchor.fingerprint256).toBe(new X509Certificate(root.certPem).fingerprint256);
    // In any order, as phones do not mind it.
    expect(verifyServedChain([served[0], served[2], served[1]], [new X509Certificate(root.certPem)]).ok).toBe(true);
    expect(verifyServedChain(served, [new X509Certificate(old.certPem)])).toMatchObject({
      ok: false,
      problem: { kind: "expiredIntermediate", issuer: "New Root" },
    });
  });

  test("an IP host is matched against the certificate's IP addresses, never its DNS names", async () => {
    const pki = await createPki("ip");
    const byIp = await pki.leaf({ commonName: "ip", ipAddresses: ["127.0.0.1"], key: EC_P256 });
    const byDnsName = await pki.leaf({ commonName: "dns", dnsNames: ["127.0.0.1"], key: EC_P256 });
    const verdicts: boolean[] = [];
    for (const leaf of [byIp, byDnsName]) {
      const server = tls.createServer({ key: leaf.keyPem, cert: leaf.certPem + pki.intermediate.certPem }, (socket) => socket.end());
      server.on("tlsClientError", () => undefined);
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      const { port } = server.address() as net.AddressInfo;
      try {
        verdicts.push(
          (await checkCertificateHostname(createContext(toSettings({ url: `https://127.0.0.1:${port}/`, timeoutMs: 2000 })))).ok,
        );
      } finally {
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    }
    expect(verdicts).toEqual([true, false]);
  });
});

describe("hand-built ClientHello", () => {
  test("the ServerHello is read even when split over two records", () => {
    const hello = Buffer.concat([
      Buffer.from([0x02, 0, 0, 42, 0x03, 0x03]),
      Buffer.alloc(32, 7),
      Buffer.from([0]), // no session id
      Buffer.from([0x00, 0x0a, 0]),
    ]);
    const record = (body: Buffer): Buffer => Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0, body.length]), body]);
    const data = Buffer.concat([record(hello.subarray(0, 20)), record(hello.subarray(20))]);
    expect(parseServerAnswer(data.subarray(0, 30))).toBeUndefined();
    expect(parseServerAnswer(data)).toEqual({ kind: "picked", suite: 0x000a, version: 0x0303 });
    expect(parseServerAnswer(Buffer.from([0x15, 0x03, 0x03, 0, 2, 2, 40]))).toEqual({ kind: "refused", reason: "alert 40" });
  });

  /** Cipher suites offered in a ClientHello record. */
  function offeredSuites(record: Buffer): number[] {
    const sessionIdLength = record[5 + 4 + 2 + 32];
    let at = 5 + 4 + 2 + 32 + 1 + sessionIdLength;
    const length = record.readUInt16BE(at);
    at += 2;
    const suites: number[] = [];
    for (let i = 0; i < length; i += 2) suites.push(record.readUInt16BE(at + i));
    return suites;
  }

  test("a server that floods records without a ServerHello is given up on at once, not read until the time limit", async () => {
    // Empty handshake records, as fast as the socket takes them: each used to be kept and everything
    // kept copied again, which held the event loop (and every timer) for several time limits.
    const flood = net.createServer((socket) => {
      socket.on("error", () => undefined);
      const records = Buffer.alloc(5 * 4096);
      for (let i = 0; i < 4096; i++) records.set([0x16, 0x03, 0x03, 0, 0], i * 5);
      const pump = (): void => {
        while (!socket.destroyed && socket.write(records));
        if (!socket.destroyed) socket.once("drain", pump);
      };
      pump();
    });
    await new Promise<void>((resolve) => flood.listen(0, "127.0.0.1", resolve));
    const { port } = flood.address() as net.AddressInfo;
    try {
      const answer = await offerSuites({ resolve: new Map(), timeoutMs: 3000 }, { host: "127.0.0.1", port }, [0x000a]);
      expect(answer).toEqual({ kind: "failed", reason: "an empty handshake record (not TLS)" });
    } finally {
      await new Promise<void>((resolve) => flood.close(() => resolve()));
    }
  });

  test("builds a hello a parser can read back", () => {
    expect(offeredSuites(buildClientHello([0x000a, 0xc012], "a.test"))).toEqual([0x000a, 0xc012, 0x00ff]);
  });

  test("cipher-suites fails a server that accepts 3DES, which the local OpenSSL cannot even offer", async () => {
    // A stub TLS server: it picks TLS_RSA_WITH_3DES_EDE_CBC_SHA when offered and refuses everything else.
    const stub = net.createServer((socket) => {
      let data = Buffer.alloc(0);
      socket.on("error", () => undefined);
      socket.on("data", (chunk: Buffer) => {
        data = Buffer.concat([data, chunk]);
        if (data.length < 5 || data.length < 5 + data.readUInt16BE(3)) return;
        if (offeredSuites(data).includes(0x000a)) {
          const body = Buffer.concat([Buffer.from([0x03, 0x03]), Buffer.alloc(32, 1), Buffer.from([0, 0x00, 0x0a, 0])]);
          const hs = Buffer.concat([Buffer.from([0x02, 0, 0, body.length]), body]);
          socket.write(Buffer.concat([Buffer.from([0x16, 0x03, 0x03, 0, hs.length]), hs]));
        } else {
          socket.end(Buffer.from([0x15, 0x03, 0x03, 0, 2, 2, 40]));
        }
      });
    });
    await new Promise<void>((resolve) => stub.listen(0, "127.0.0.1", resolve));
    const { port } = stub.address() as net.AddressInfo;
    try {
      const ctx = createContext(
        toSettings({ url: `https://legacy.test:${port}/`, resolve: [`legacy.test:${port}:127.0.0.1`], timeoutMs: 2000 }),
      );
      const result = await checkCipherSuites(ctx);
      expect(result.ok).toBe(false);
      expect(result.detail).toMatch(/^the server accepts TLS_RSA_WITH_3DES_EDE_CBC_SHA \(3DES\)/);
    } finally {
      await new Promise<void>((resolve) => stub.close(() => resolve()));
    }
  });
});
