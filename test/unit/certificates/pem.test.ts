// The PEM reader that splits certificatePem / privateKeyPem into blocks and finds stray text.
import { describeLines, readPem, toPem } from "../../../lib/certificates/pem";

const body = Buffer.from("hello, certificate").toString("base64"); // "aGVsbG8sIGNlcnRpZmljYXRl"

describe("readPem", () => {
  test("blocks with their labels and bytes; blank lines, CRLF and indentation tolerated", () => {
    const text =
      `\r\n  -----BEGIN CERTIFICATE-----\r\n  ${body.slice(0, 8)}\r\n  ${body.slice(8)}\r\n  -----END ` +
      `CERTIFICATE-----\r\n\r\n-----BEGIN X509 CRL-----\n${body}\n-----END X509 CRL-----\n`;
    const pem = readPem(text);
    expect(pem.damaged).toEqual([]);
    expect(pem.strayLines).toEqual([]);
    expect(pem.blocks.map((b) => [b.position, b.label, b.der.toString()])).toEqual([
      [1, "CERTIFICATE", "hello, certificate"],
      [2, "X509 CRL", "hello, certificate"],
    ]);
  });

  test("RFC 1421 headers (encrypted PKCS#1 keys) are read apart from the body", () => {
    const text = `-----BEGIN RSA PRIVATE KEY-----\nProc-Type: 4,ENCRYPTED\nDEK-Info: AES-256-CBC,00FF\n\n${body}\n-----END RSA PRIVATE KEY-----\n`;
    const [block] = readPem(text).blocks;
    expect(block.headers.get("proc-type")).toBe("4,ENCRYPTED");
    expect(block.headers.get("dek-info")).toBe("AES-256-CBC,00FF");
    expect(block.der.toString()).toBe("hello, certificate");
  });

  test("stray lines, wrong END label, missing END, bad base64 and lost padding", () => {
    const text = [
      "subject=/CN=x", // 1
      "-----BEGIN CERTIFICATE-----",
      body,
      "-----END PRIVATE KEY-----", // 4: wrong label
      "-----BEGIN CERTIFICATE-----",
      "not base64!",
      "-----END CERTIFICATE-----",
      "-----BEGIN CERTIFICATE-----",
      "QUJD=", // "ABC" needs "QUJD": a stray "=" is lost by Buffer.from
      "-----END CERTIFICATE-----",
      "-----BEGIN CERTIFICATE-----", // 11: never ends
      body,
    ].join("\n");
    const pem = readPem(text);
    expect(pem.blocks).toEqual([]);
    expect(pem.strayLines).toEqual([1]);
    expect(pem.damaged).toEqual([
      { position: 1, reason: 'ends with "END PRIVATE KEY" instead of "END CERTIFICATE"' },
      { position: 2, reason: "has characters that are not base64" },
      { position: 3, reason: "has a damaged base64 body" },
      { position: 4, reason: 'has no "END CERTIFICATE" line' },
    ]);
  });

  test("a BEGIN inside an open block closes the open one as damaged", () => {
    const pem = readPem(`-----BEGIN CERTIFICATE-----\n${body}\n-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`);
    expect(pem.damaged).toEqual([{ position: 1, reason: 'has no "END CERTIFICATE" line' }]);
    expect(pem.blocks.map((b) => b.position)).toEqual([2]);
  });

  test("toPem writes what readPem reads", () => {
    const der = Buffer.alloc(100, 7);
    const text = toPem("CERTIFICATE", der);
    expect(text.split("\n")[1]).toHaveLength(64);
    expect(readPem(text).blocks[0].der.equals(der)).toBe(true);
  });
});

test("describeLines", () => {
  expect(describeLines([3])).toBe("line 3");
  expect(describeLines([1, 2])).toBe("lines 1 and 2");
  expect(describeLines([1, 2, 7])).toBe("lines 1, 2 and 7");
  expect(describeLines([1, 2, 7, 9, 10])).toBe("lines 1, 2, 7 and 2 more");
});
