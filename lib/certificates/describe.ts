// How certificates are named in messages and in the summary, read from node:crypto's X509Certificate.
import type { X509Certificate } from "node:crypto";
import { DAY_MS } from "../constants";

/** Node prints a distinguished name one attribute per line ("CN=a\nO=b"). */
function attributes(name: string): string[] {
  return name.split("\n").filter((line) => line !== "");
}

/** "CN=dev.example.com, O=Example" */
export function formatName(name: string): string {
  return attributes(name).join(", ");
}

/** The subjectAltName entries as Node prints them, split into kind ("DNS", "IP Address", ...) and value. */
function altNames(cert: X509Certificate): { kind: string; value: string }[] {
  const san = cert.subjectAltName;
  if (!san) return [];
  // Node separates entries with ", " and JSON-quotes any value that itself contains one.
  const entries = san.match(/(?:[^,"]|"(?:[^"\\]|\\.)*")+/g) ?? [];
  return entries.map((entry) => {
    const text = entry.trim();
    const colon = text.indexOf(":");
    const value = text.slice(colon + 1);
    return { kind: text.slice(0, colon), value: value.startsWith('"') ? (JSON.parse(value) as string) : value };
  });
}

/** The DNS names of the subjectAltName extension, as written (wildcards included). */
export function dnsNames(cert: X509Certificate): string[] {
  return altNames(cert)
    .filter((name) => name.kind === "DNS")
    .map((name) => name.value);
}

/** The DNS names and IP addresses the certificate covers. */
export function hostNames(cert: X509Certificate): string[] {
  return altNames(cert)
    .filter((name) => name.kind === "DNS" || name.kind === "IP Address")
    .map((name) => name.value);
}

function commonNameOf(name: string): string | undefined {
  const cn = attributes(name).find((line) => line.startsWith("CN="));
  return cn?.slice(3);
}

/** The subject's common name (or first DNS name, or the whole subject): "dev.example.com". */
export function label(cert: X509Certificate): string {
  return commonNameOf(cert.subject) ?? dnsNames(cert)[0] ?? formatName(cert.subject);
}

/** The issuer's common name (or the whole issuer name). */
export function issuerLabel(cert: X509Certificate): string {
  return commonNameOf(cert.issuer) ?? formatName(cert.issuer);
}

/** The subject's common name, when it has one. */
export function commonName(cert: X509Certificate): string | undefined {
  return commonNameOf(cert.subject);
}

// validFromDate/validToDate arrive in Node 22.10; Node 20 only has the OpenSSL strings
// ("Feb 22 03:03:06 2027 GMT"), which V8's Date parses.
type WithDates = X509Certificate & { readonly validFromDate?: Date; readonly validToDate?: Date };

function toDate(value: Date | undefined, text: string): Date {
  const date = value ?? new Date(text);
  if (Number.isNaN(date.getTime())) throw new Error(`unreadable certificate date "${text}"`);
  return date;
}

export function notBefore(cert: X509Certificate): Date {
  return toDate((cert as WithDates).validFromDate, cert.validFrom);
}

export function notAfter(cert: X509Certificate): Date {
  return toDate((cert as WithDates).validToDate, cert.validTo);
}

/** Whole days from `now` to the end of validity (negative once expired). */
export function daysLeft(cert: X509Certificate, now: Date): number {
  return Math.floor((notAfter(cert).getTime() - now.getTime()) / DAY_MS);
}

/** "2026-03-01 12:00 UTC": unambiguous for a reader anywhere. */
export function formatDate(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

/** `"a", "b" and "c"` */
export function quotedList(items: readonly string[], limit = 5): string {
  const quoted = items.slice(0, limit).map((item) => `"${item}"`);
  if (items.length > limit) return `${quoted.join(", ")} and ${items.length - limit} more`;
  if (quoted.length <= 1) return quoted.join("");
  return `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}
