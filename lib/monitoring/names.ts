// Names of the monitoring resources in Alibaba Cloud. OSS bucket and Log Service project names are
// unique across all accounts (log/project.d.ts: "globally unique"), so they carry a short hash of the
// account, region and stack: unlikely to be taken by anyone else, and stable from one `pulumi up` to
// the next. Both names are ForceNew, and a new project or bucket would delete the old one with its
// logs and state at the end of the update, so nothing a user may change later (the domain) goes in.
// The other names are unique within the account or project.
import { createHash } from "node:crypto";
import { EXACT_NAME_HASH_LENGTH } from "../names";

function hash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/**
 * A stack name as lowercase letters, digits and single hyphens, at most 20 characters. A longer one
 * keeps its first 11 and takes 8 hex of the hash of the whole stack name, so stacks that share their
 * first 20 characters do not share a function, a role or a contact group; one that fits is the slug
 * it always was (the role's name is ForceNew, and the machine group's id is in the user data).
 */
export function stackSlug(stack: string): string {
  const slug = wordsOf(stack);
  if (slug.length <= 20) return slug;
  return `${slug.slice(0, 11).replace(/-+$/, "")}-${hash(stack)}`;
}

/** A stack name as lowercase letters and digits in words joined by single hyphens ("stack" when none are left). */
function wordsOf(stack: string): string {
  return (
    stack
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "") || "stack"
  );
}

export interface MonitoringNames {
  readonly functionName: string;
  readonly roleName: string;
  /** Custom identifier of the instances' Logtail (/etc/ilogtail/user_defined_id, at most 30 characters). */
  readonly machineGroupId: string;
  /** Site monitor task: 4-100 letters, digits and underscores (cms_site_monitor.html.markdown). */
  readonly siteMonitorTask: string;
  readonly contactGroup: string;
}

/** A stack name that is its own slug: lowercase letters and digits in words joined by single "-", at most 20. */
const PLAIN_SLUG = /^(?=.{1,20}$)[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The function's RAM role (and its policy), account-wide and so one-to-one on stack names:
 * `whb-<stack>-monitor-fc` for a stack name that is its own slug, as it has always been (role_name
 * is ForceNew); for any other, whose slug several stack names share (Shop.Prod and shop-prod) or
 * which is cut and hashed (where it can equal a plain name), `whb--<start>-<16 hex of the exact
 * name>-monitor-fc`: "--" marks it, which no slug has.
 */
function monitoringRoleName(stack: string): string {
  if (PLAIN_SLUG.test(stack)) return `whb-${stack}-monitor-fc`;
  const start = wordsOf(stack).slice(0, 20).replace(/-+$/, "");
  return `whb--${start}-${hash(stack, EXACT_NAME_HASH_LENGTH)}-monitor-fc`;
}

export function monitoringNames(stack: string): MonitoringNames {
  const slug = stackSlug(stack);
  return {
    functionName: `whb-${slug}-monitor`,
    roleName: monitoringRoleName(stack),
    machineGroupId: `whb-${slug}`.slice(0, 30),
    siteMonitorTask: `whb_${slug.replace(/-/g, "_")}_health`,
    contactGroup: `whb-${slug}-alerts`,
  };
}

/** The names that must be unique across every account of Alibaba Cloud. */
export interface GlobalNames {
  /** The function's state bucket. */
  readonly bucket: string;
  /** The Log Service project. */
  readonly logProject: string;
}

export function globalNames(stack: string, region: string, accountId: string): GlobalNames {
  const slug = stackSlug(stack);
  const suffix = hash(`${accountId}|${region}|${stack}`);
  return { bucket: `whb-${slug}-monitor-${suffix}`, logProject: `whb-${slug}-logs-${suffix}` };
}

/** An alarm contact per address: 2-40 characters (cms_alarm_contact.html.markdown), the address hashed into it. */
export function contactName(stack: string, email: string): string {
  return `whb-${stackSlug(stack).slice(0, 16)}-${hash(email.toLowerCase(), 10)}`;
}
