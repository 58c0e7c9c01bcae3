// hsts: Strict-Transport-Security with a long max-age, so a browser that once reached the site over
// HTTPS never tries plain HTTP again. Read from the page under test; when that answer lacks it
// (nginx's add_header skips error statuses unless `always` is set) the health answer is tried too.
import { joinList, joinPhrases } from "../../lib/i18n";
import { CheckContext, healthUrl } from "../context";
import { en, type VerifierMessages } from "../messages/en";
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
export function humanDuration(seconds: number, m: VerifierMessages = en): string {
  if (seconds >= 31536000 && seconds % 31536000 === 0) return m.durationYears({ n: seconds / 31536000 });
  if (seconds >= 86400) return m.durationDays({ n: Math.floor(seconds / 86400) });
  if (seconds >= 3600) return m.durationHours({ n: Math.floor(seconds / 3600) });
  if (seconds >= 60) return m.durationMinutes({ n: Math.floor(seconds / 60) });
  return m.durationSeconds({ n: seconds });
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
  const { m } = ctx;
  const locale = ctx.settings.locale;
  // WeChat does not look at HSTS: a failure here shows no error in the mini program.
  const wechat = ctx.wechat({ symptom: "noneHsts" });
  const min = ctx.settings.hstsMinSeconds;
  const [page, health] = await Promise.all([ctx.page(), ctx.health()]);
  const sightings = [sighting(page, ctx.settings.url), sighting(health, healthUrl(ctx.settings))].filter(
    (s): s is Sighting => s !== undefined,
  );
  if (sightings.length === 0) {
    const reason = page.ok ? "" : page.reason;
    return { id: "hsts", ok: false, detail: m.hstsNoAnswer({ reason }), wechat };
  }
  const withHeader = sightings.find((s) => s.value !== undefined);
  const fix = m.hstsFix({ maxAge: Math.max(min, 31536000) });
  if (!withHeader) {
    const where = joinList(
      locale,
      sightings.map((s) => `${s.path} (${s.status})`),
    );
    return { id: "hsts", ok: false, detail: m.hstsMissing({ where, fix }), wechat };
  }
  const hsts = parseHsts(withHeader.value ?? "");
  const missingOn = sightings.filter((s) => s.value === undefined).map((s) => `${s.path} (${s.status})`);
  const partial = missingOn.length > 0 ? m.hstsPartial({ where: joinPhrases(locale, missingOn) }) : "";
  if (hsts.maxAge === undefined) {
    return { id: "hsts", ok: false, detail: m.hstsNoMaxAge({ value: withHeader.value ?? "", fix }), wechat };
  }
  const age = humanDuration(hsts.maxAge, m);
  if (hsts.maxAge < min) {
    return {
      id: "hsts",
      ok: false,
      detail: m.hstsTooShort({ maxAge: hsts.maxAge, age, min, minAge: humanDuration(min, m), partial }),
      wechat,
    };
  }
  const extras = joinPhrases(locale, [hsts.includeSubDomains ? "includeSubDomains" : "", hsts.preload ? "preload" : ""].filter(Boolean));
  return {
    id: "hsts",
    ok: true,
    detail: m.hstsGood({ maxAge: hsts.maxAge, age, extras, path: withHeader.path, partial }),
    note: missingOn.length > 0 ? true : undefined,
  };
}
