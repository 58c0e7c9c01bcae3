// What an alert says: for each check that started failing, the check, what the verifier saw (its
// detail already ends with how to fix the endpoint) and where to fix it in this stack; for each
// check that passes again, since when it had failed. A certificate near expiry says how many days
// are left and whether acme renewal should already have happened.
import { DAY_MS } from "../lib/constants";
import type { Failure, Transitions } from "./transitions";
import { UNREACHABLE } from "./transitions";

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
}

/** Where each check is fixed in this stack. */
const WHERE_TO_FIX: Record<string, string> = {
  [UNREACHABLE]:
    "Check that the DNS record points at the load balancer (pulumi stack output loadBalancerAddress) and that its listeners exist; `pulumi up` restores both.",
  "tls-versions": "The HTTPS listener's TLS policy comes from `tlsPolicy`; `pulumi up` restores it if it was changed in the console.",
  "cipher-suites": "The HTTPS listener's TLS policy comes from `tlsPolicy`; `pulumi up` restores it if it was changed in the console.",
  "certificate-chain":
    "certificateSource pem: put the leaf and its intermediates in certificatePem; acme and cas certificates carry their chain. Then `pulumi up`.",
  "certificate-hostname":
    "The certificate must list `domain`: check the certificate (pem, cas) against the stack's domain, then `pulumi up`.",
  hsts: "nginx on the instances sends HSTS (`hstsMaxAge`); an instance changed by hand is replaced by `pulumi up`.",
  "http-redirect": "The load balancer's port-80 listener redirects to HTTPS; `pulumi up` restores it.",
  health:
    "The app behind nginx does not answer the health path: look at the instances' app logs and the load balancer's unhealthy-backend alarm.",
  websocket: "nginx passes Upgrade and Connection to the app; check the app's socket route.",
};

function day(iso: string): string {
  return iso.slice(0, 10);
}

/** The expiry failure, with the days left and what acme renewal should have done. */
function expiryAdvice(failure: Failure, ctx: MessageContext, now: number): string {
  const facts = failure.result?.facts;
  if (!facts) return "";
  const left = facts.daysLeft < 0 ? `expired ${-facts.daysLeft} day(s) ago` : `${facts.daysLeft} day(s) left`;
  const lines = [`${left} (expires ${day(facts.notAfter)}; minimum ${ctx.minDays}).`];
  if (ctx.certificateSource === "acme") {
    // acme renews on the first `pulumi up` once fewer than minDays are left.
    const dueSince = Date.parse(facts.notAfter) - ctx.minDays * DAY_MS;
    const overdueDays = Math.floor((now - dueSince) / DAY_MS);
    lines.push(
      overdueDays > ctx.renewEveryDays
        ? `acme renewal should have happened: renewal was due on ${day(new Date(dueSince).toISOString())} and ` +
            `a renewal run (every ${ctx.renewEveryDays} days) has come since. Look at the last renew workflow run ` +
            `or \`pulumi up\` output, then run \`pulumi up\`.`
        : `acme renewal is due since ${day(new Date(dueSince).toISOString())}: the next \`pulumi up\` (the renew workflow) renews it; run it now to be sure.`,
    );
  } else {
    lines.push(
      ctx.certificateSource === "pem"
        ? "certificateSource pem is not renewed automatically: set the renewed chain and key (certificatePem, privateKeyPem) and `pulumi up`."
        : `certificateSource ${ctx.certificateSource} is not renewed by this stack: renew the certificate and \`pulumi up\`.`,
    );
  }
  return lines.join(" ");
}

export interface Alert {
  readonly title: string;
  readonly markdown: string;
}

/** One message for one run's changes, or undefined when nothing changed. */
export function alertFor(changes: Transitions, ctx: MessageContext, now = Date.now()): Alert | undefined {
  if (changes.failed.length === 0 && changes.recovered.length === 0) return undefined;
  const where = `${ctx.domain} (${ctx.stack})`;
  const title =
    changes.failed.length > 0
      ? `FAILING: ${where}: ${changes.failed.map((f) => f.id).join(", ")}`
      : `RECOVERED: ${where}: ${changes.recovered.map((r) => r.id).join(", ")}`;
  const lines: string[] = [];
  for (const failure of changes.failed) {
    lines.push(`**${failure.id}** failed: ${failure.detail}`);
    const advice = failure.id === "certificate-expiry" ? expiryAdvice(failure, ctx, now) : "";
    if (advice) lines.push(`> ${advice}`);
    lines.push(`> Fix: ${WHERE_TO_FIX[failure.id] ?? "see the detail above"}`);
  }
  for (const recovered of changes.recovered) {
    lines.push(`**${recovered.id}** passes again (failing since ${recovered.since.replace("T", " ").slice(0, 16)} UTC)`);
  }
  lines.push(
    `Checked https://${ctx.domain}/ by the scheduled verifier at ${new Date(now).toISOString().slice(0, 16).replace("T", " ")} UTC.`,
  );
  return { title, markdown: lines.join("\n\n") };
}
