// The certificate settings a lab run of a stack uses. ACME cannot run here (no acme plugin can be
// built from the Go module proxy, and lego's DNS-01 calls cannot be pointed at the emulator), so a
// stack whose certificate comes from Let's Encrypt runs with a lab certificate for its domain instead,
// as `pem`: the same listener, upload and checks, another source.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { LabPki, type IssuedLeaf } from "./labCertificate";

const NS = "wechat-https-backend";

export interface CertificateSettings {
  readonly config: Record<string, unknown>;
  readonly secrets: Record<string, string>;
  /** Why the run's certificate differs from the stack's, if it does. */
  readonly note?: string;
  /** The issued leaf (its key), when a lab certificate was made: what a renewal reuses. */
  readonly leaf?: IssuedLeaf;
}

export function stackConfigValues(file: string): Record<string, unknown> {
  return (parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {};
}

export async function labCertificateSettings(values: Readonly<Record<string, unknown>>, pki?: LabPki): Promise<CertificateSettings> {
  const source = String(values[`${NS}:certificateSource`] ?? "acme");
  if (source !== "acme") return { config: {}, secrets: {} };
  const domain = String(values[`${NS}:domain`] ?? "");
  const cert = await (pki ?? (await LabPki.create())).issue(domain);
  return {
    config: { [`${NS}:certificateSource`]: "pem", [`${NS}:trustedRootsPem`]: cert.rootPem },
    secrets: { [`${NS}:certificatePem`]: cert.chainPem, [`${NS}:privateKeyPem`]: cert.keyPem },
    leaf: cert.leaf,
    note: `certificateSource acme runs as pem here, with a lab certificate for ${domain} (the acme plugin cannot be built from the Go module proxy)`,
  };
}
