// Small checks shared by the nginx and cloud-init renderers. Every value they accept ends up inside
// an nginx config, a YAML document or a shell script, so each check also keeps out the characters
// that would break out of those (quotes, semicolons, braces, whitespace).
import { isIP } from "node:net";

/** Collects messages that name the offending field, so one error lists every problem at once. */
export class Problems {
  private readonly messages: string[] = [];

  add(field: string, message: string): void {
    this.messages.push(`${field} ${message}`);
  }

  /** Throws one Error listing every problem, prefixed with `what`. */
  throwIfAny(what: string): void {
    if (this.messages.length === 0) return;
    throw new Error(`invalid ${what}:\n  - ${this.messages.join("\n  - ")}`);
  }
}

export function checkPort(problems: Problems, field: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535) {
    problems.add(field, `must be an integer port from 1 to 65535, got ${String(value)}`);
  }
}

export function checkWholeSeconds(problems: Problems, field: string, value: number, min: number): void {
  if (!Number.isInteger(value) || value < min) {
    problems.add(field, `must be a whole number of seconds >= ${min}, got ${String(value)}`);
  }
}

/** nginx size syntax as used by client_max_body_size: digits with an optional k/m/g suffix. */
export function checkNginxSize(problems: Problems, field: string, value: string): void {
  if (!/^[0-9]+[kKmMgG]?$/.test(value)) {
    problems.add(field, `must be an nginx size like "20m" (digits, optional k/m/g), got ${JSON.stringify(value)}`);
  }
}

/** An absolute URL path without query, spaces or quoting characters, e.g. "/api/health". */
export const URL_PATH_PATTERN = /^\/[A-Za-z0-9._~\/-]*$/;

export function checkUrlPath(problems: Problems, field: string, value: string): void {
  if (!URL_PATH_PATTERN.test(value)) {
    problems.add(field, `must be an absolute path of letters, digits and ._~/- (no query), got ${JSON.stringify(value)}`);
  }
}

/** An IPv4 or IPv6 network in CIDR notation, e.g. "100.64.0.0/10". */
export function checkCidr(problems: Problems, field: string, value: string): void {
  const match = /^([0-9a-fA-F.:]+)\/([0-9]{1,3})$/.exec(value);
  const family = match ? isIP(match[1]) : 0;
  const maxPrefix = family === 4 ? 32 : 128;
  if (!match || family === 0 || Number(match[2]) > maxPrefix) {
    problems.add(field, `must be a network in CIDR notation like "100.64.0.0/10", got ${JSON.stringify(value)}`);
  }
}

export function checkIpAddress(problems: Problems, field: string, value: string): void {
  if (isIP(value) === 0) problems.add(field, `must be an IP address, got ${JSON.stringify(value)}`);
}

/** An absolute file system path that is safe to put unquoted in nginx, YAML and shell. */
export function checkFilePath(problems: Problems, field: string, value: string): void {
  if (!/^\/[A-Za-z0-9._\/-]*$/.test(value)) {
    problems.add(field, `must be an absolute path of letters, digits and ._/-, got ${JSON.stringify(value)}`);
  }
}
