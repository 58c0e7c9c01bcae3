// What an alert says: for each check that started failing, the check, what the verifier saw (its
// detail already ends with how to fix the endpoint) and where to fix it in this stack; for each
// check that passes again, since when it had failed. A certificate near expiry says how many days
// are left and whether acme renewal should already have happened. The words come from the catalog
// of the stack's alertLanguage (monitor/catalogs); the verifier's details, which quote the endpoint,
// are shown as inert text (monitor/markdown.ts).
import { DAY_MS } from "../lib/constants";
import type { Locale } from "../lib/i18n";
import { ALERT_CATALOGS, type AlertMessages } from "./catalogs";
import type { Failure, Transitions } from "./transitions";
import { UNREACHABLE } from "./transitions";
import { inertText } from "./markdown";

/**
 * The most of a check's detail an alert quotes (UTF-8 bytes). The detail quotes what the endpoint
 * sent (a certificate's names, a Location header, an error), so it is made inert first.
 */
const MAX_DETAIL_BYTES = 600;

export interface MessageContext {
  /** The host name verified. */
  readonly domain: string;
  /** Stack name, e.g. prod. */
  readonly stack: string;
  /** acme, pem, cas or selfSigned: who renews the certificate. */
  readonly certificateSource: string;
  /** Days the certificate must still be valid (minDaysRemaining). */
  readonly minDays: number;
  /** How often something runs `pulumi up` to renew an acme certificate (the renew workflow: weekly). */
  readonly renewEveryDays: number;
  /** The language of the alert (the stack's alertLanguage); default en. */
  readonly locale?: Locale;
}

/** Where each check is fixed in this stack. */
const WHERE_TO_FIX: Record<string, (m: AlertMessages) => string> = {
  [UNREACHABLE]: (m) => m.fixUnreachable(),
  "tls-versions": (m) => m.fixTlsPolicy(),
  "cipher-suites": (m) => m.fixTlsPolicy(),
  "certificate-chain": (m) => m.fixChain(),
  "certificate-hostname": (m) => m.fixHostname(),
  hsts: (m) => m.fixHsts(),
  "http-redirect": (m) => m.fixHttpRedirect(),
  health: (m) => m.fixHealth(),
  websocket: (m) => m.fixWebsocket(),
};

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The expiry failure, with the days left and what acme renewal should have done. */
function expiryAdvice(m: AlertMessages, failure: Failure, ctx: MessageContext, now: number): string {
  const facts = failure.result?.facts;
  if (!facts) return "";
  const left = facts.daysLeft < 0 ? m.expiredAgo({ days: -facts.daysLeft }) : m.daysLeft({ days: facts.daysLeft });
  const lines = [m.expiryFacts({ left, date: day(facts.notAfter), minDays: ctx.minDays })];
  if (ctx.certificateSource === "acme") {
    // acme renews on the first `pulumi up` once fewer than minDays are left.
    const dueSince = Date.parse(facts.notAfter) - ctx.minDays * DAY_MS;
    const overdueDays = Math.floor((now - dueSince) / DAY_MS);
    const due = day(new Date(dueSince).toISOString());
    lines.push(overdueDays > ctx.renewEveryDays ? m.acmeOverdue({ due, everyDays: ctx.renewEveryDays }) : m.acmeDue({ due }));
  } else {
    lines.push(ctx.certificateSource === "pem" ? m.pemNotRenewed() : m.otherNotRenewed({ source: ctx.certificateSource }));
  }
  return lines.join(ctx.locale === "zh-CN" ? "" : " ");
}

export interface Alert {
  readonly title: string;
  readonly markdown: string;
}

/** One message for one run's changes, in the stack's alert language, or undefined when nothing changed. */
export function alertFor(changes: Transitions, ctx: MessageContext, now = Date.now()): Alert | undefined {
  if (changes.failed.length === 0 && changes.recovered.length === 0) return undefined;
  const m = ALERT_CATALOGS[ctx.locale ?? "en"];
  const title =
    changes.failed.length > 0
      ? m.failingTitle({ domain: ctx.domain, stack: ctx.stack, checks: changes.failed.map((f) => f.id).join(", ") })
      : m.recoveredTitle({ domain: ctx.domain, stack: ctx.stack, checks: changes.recovered.map((r) => r.id).join(", ") });
  const lines: string[] = [];
  for (const failure of changes.failed) {
    lines.push(m.failed({ id: failure.id, detail: inertText(failure.detail, MAX_DETAIL_BYTES) }));
    const advice = failure.id === "certificate-expiry" ? expiryAdvice(m, failure, ctx, now) : "";
    if (advice) lines.push(`> ${advice}`);
    lines.push(m.fix({ advice: WHERE_TO_FIX[failure.id]?.(m) ?? m.seeDetail() }));
  }
  for (const recovered of changes.recovered) {
    lines.push(m.passesAgain({ id: recovered.id, since: recovered.since.replace("T", " ").slice(0, 16) }));
  }
  lines.push(m.checked({ domain: ctx.domain, time: new Date(now).toISOString().slice(0, 16).replace("T", " ") }));
  return { title, markdown: lines.join("\n\n") };
}
