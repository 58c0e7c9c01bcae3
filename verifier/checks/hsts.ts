// hsts: Strict-Transport-Security with a long max-age, so a browser that once reached the site over
// HTTPS never tries plain HTTP again. Read from the page under test; when that answer lacks it
// (nginx's add_header skips error statuses unless `always` is set) the health answer is tried too.
import { CheckContext, healthUrl } from "../context";
import { HttpOutcome, firstHeader } from "../probe";
import { CheckResult } from "../types";

export interface Hsts {
  readonly maxAge?: number;
  readonly includeSubDomains: boolean;
  readonly preload: boolean;
}

/** Parses a Strict-Transport-Security value (RFC 6797 6.1): directives separated by ";". */
export function parseHsts(value: string): Hsts {
  let maxAge: number | undefined;
  let includeSubDomains = false;
  let preload = false;
  for (const raw of value.split(";")) {
    const directive = raw.trim();
    const age = /^max-age\s*=\s*"?(\d+)"?$/i.exec(directive);
    if (age) maxAge = Number(age[1]);
    else if (/^includeSubDomains$/i.test(directive)) includeSubDomains = true;
    else if (/^preload$/i.test(directive)) preload = true;
  }
  return { maxAge, includeSubDomains, preload };
}

/** 31536000 -> "1 year", 15552000 -> "180 days", 300 -> "5 minutes". */
export function humanDuration(seconds: number): string {
  const plural = (n: number, unit: string): string => `${n} ${unit}${n === 1 ? "" : "s"}`;
  if (seconds >= 31536000 && seconds % 31536000 === 0) return plural(seconds / 31536000, "year");
  if (seconds >= 86400) return plural(Math.floor(seconds / 86400), "day");
  if (seconds >= 3600) return plural(Math.floor(seconds / 3600), "hour");
  if (seconds >= 60) return plural(Math.floor(seconds / 60), "minute");
  return plural(seconds, "second");
}

interface Sighting {
  readonly path: string;
  readonly status: number;
  readonly value?: string;
}

function sighting(outcome: HttpOutcome, url: URL): Sighting | undefined {
  if (!outcome.ok) return undefined;
  return { path: url.pathname, status: outcome.answer.status, value: firstHeader(outcome.answer, "strict-transport-security") };
}

export async function checkHsts(ctx: CheckContext): Promise<CheckResult> {
  const min = ctx.settings.hstsMinSeconds;
  const [page, health] = await Promise.all([ctx.page(), ctx.health()]);
  const sightings = [sighting(page, ctx.settings.url), sighting(health, healthUrl(ctx.settings))].filter(
    (s): s is Sighting => s !== undefined,
  );
  if (sightings.length === 0) {
    const reason = page.ok ? "" : page.reason;
    return { id: "hsts", ok: false, detail: `no HTTPS answer to read the header from: ${reason}` };
  }
  const withHeader = sightings.find((s) => s.value !== undefined);
  const fix = `add \`add_header Strict-Transport-Security "max-age=${Math.max(min, 31536000)}" always;\` to the nginx server block on 443`;
  if (!withHeader) {
    const where = sightings.map((s) => `${s.path} (${s.status})`).join(" and ");
    return { id: "hsts", ok: false, detail: `no Strict-Transport-Security header on ${where}: ${fix}` };
  }
  const hsts = parseHsts(withHeader.value ?? "");
  const missingOn = sightings.filter((s) => s.value === undefined).map((s) => `${s.path} (${s.status})`);
  const partial =
    missingOn.length > 0 ? `; missing on ${missingOn.join(", ")}: nginx's add_header needs \`always\` to cover error answers` : "";
  if (hsts.maxAge === undefined) {
    return { id: "hsts", ok: false, detail: `Strict-Transport-Security "${withHeader.value}" has no valid max-age: ${fix}` };
  }
  if (hsts.maxAge < min) {
    return {
      id: "hsts",
      ok: false,
      detail:
        `HSTS max-age=${hsts.maxAge} (${humanDuration(hsts.maxAge)}) is shorter than the ${min}-second ` +
        `(${humanDuration(min)}) minimum: raise it${partial}`,
    };
  }
  const extras = [hsts.includeSubDomains ? "includeSubDomains" : "", hsts.preload ? "preload" : ""].filter(Boolean).join(", ");
  return {
    id: "hsts",
    ok: true,
    detail: `Strict-Transport-Security max-age=${hsts.maxAge} (${humanDuration(hsts.maxAge)})${extras ? `, ${extras}` : ""} on ${withHeader.path}${partial}`,
    note: missingOn.length > 0 ? true : undefined,
  };
}
