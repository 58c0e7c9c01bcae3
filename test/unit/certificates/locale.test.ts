// The certificate checks in Chinese: a pem stack's problems come in the run's language like every
// other config problem, one for one with the English ones and naming the same key.
import { checkCertificate, type CertificateCheckInput } from "../../../lib/certificates/checkCertificate";
import { HAN } from "../../support/catalogs";
import { DOMAIN, chainPem, encryptedPkcs1, makeFixtures, type Fixtures } from "./fixtures";

let f: Fixtures;
beforeAll(async () => {
  f = await makeFixtures();
});

function both(input: CertificateCheckInput): { en: string[]; zh: string[] } {
  const problems = (locale: "en" | "zh-CN") => {
    const report = checkCertificate({ ...input, locale });
    return [...report.errors, ...report.warnings];
  };
  return { en: problems("en"), zh: problems("zh-CN") };
}

const keyOf = (problem: string): string | undefined => /^\w+/.exec(problem)?.[0];

describe("certificate problems in Chinese", () => {
  const cases: [string, () => Promise<CertificateCheckInput>][] = [
    [
      "out of order, another key, another domain",
      async () => f.input({ certificatePem: chainPem(f.pki.intermediate, f.good), privateKeyPem: f.weakKeyPkcs1, domain: "api.other.cn" }),
    ],
    ["an incomplete chain in dev (a warning)", async () => f.input({ certificatePem: f.good.certPem, strict: false })],
    ["no certificate, an encrypted key", async () => f.input({ certificatePem: "not pem", privateKeyPem: encryptedPkcs1(f.good) })],
    [
      "text around the certificates",
      async () => f.input({ certificatePem: `# from the CA\n${chainPem(f.good, f.pki.intermediate)}trailer\n` }),
    ],
    [
      "expired",
      async () => {
        const expired = await f.leaf({ dnsNames: [DOMAIN], notBeforeDays: -100, notAfterDays: -2 });
        return f.input({ certificatePem: chainPem(expired, f.pki.intermediate) });
      },
    ],
    ["a 1024-bit key", async () => f.input({ certificatePem: chainPem(f.weak, f.pki.intermediate), privateKeyPem: f.weakKeyPkcs1 })],
    ["only CA certificates", async () => f.input({ certificatePem: chainPem(f.pki.intermediate, f.pki.root), privateKeyPem: undefined })],
  ];

  test.each(cases)("%s: the same problems, in Chinese, naming the same key", async (_name, make) => {
    const { en, zh } = both(await make());
    expect(en.length).toBeGreaterThan(0);
    expect(zh).toHaveLength(en.length);
    expect(zh.map(keyOf)).toEqual(en.map(keyOf));
    for (const problem of zh) {
      expect(problem).toMatch(HAN);
      // No English sentence left inside: the words around keys, labels and commands are Chinese.
      expect(problem).not.toMatch(/\b(the|is|not|and|of|phones)\b/);
    }
  });

  test("what a fix names stays as written: keys, commands and line numbers", async () => {
    const { zh } = both(
      f.input({ certificatePem: `# from the CA\n${chainPem(f.good, f.pki.intermediate)}`, privateKeyPem: encryptedPkcs1(f.good) }),
    );
    expect(zh).toContainEqual(expect.stringMatching(/^certificatePem：第 1 行有证书以外的文本/));
    expect(zh).toContainEqual(expect.stringContaining("openssl pkey -in key.pem -out key-nopass.pem -traditional"));
  });
});
