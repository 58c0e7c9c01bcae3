// What is uploaded to CLB, re-encoded into the exact forms its documentation asks for: certificates
// as canonical PEM (64-character lines, no blank lines or stray text), RSA keys in PKCS#1
// ("BEGIN RSA PRIVATE KEY"). Users paste PKCS#8 keys (certbot, OpenSSL 3) and Windows line endings;
// converting here spares them an upload error. Call only after checkCertificate found no errors.
import { createPrivateKey } from "node:crypto";
import { readPem, toPem } from "./pem";

export function clbCertificatePem(chainPem: string): string {
  return readPem(chainPem)
    .blocks.filter((block) => block.label === "CERTIFICATE")
    .map((block) => toPem("CERTIFICATE", block.der))
    .join("");
}

export function clbPrivateKeyPem(keyPem: string): string {
  const key = createPrivateKey({ key: keyPem, format: "pem" });
  return key.asymmetricKeyType === "rsa"
    ? (key.export({ type: "pkcs1", format: "pem" }) as string)
    : (key.export({ type: "pkcs8", format: "pem" }) as string);
}
