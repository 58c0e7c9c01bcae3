// Names of the monitoring resources in Alibaba Cloud. OSS bucket and Log Service project names are
// unique across all accounts (log/project.d.ts: "globally unique"), so they carry a short hash of the
// domain, region and stack: stable from one `pulumi up` to the next (both names are ForceNew), and
// unlikely to be taken by anyone else. The others are unique within the account or project.
import { createHash } from "node:crypto";

function hash(text: string, length = 8): string {
  return createHash("sha256").update(text).digest("hex").slice(0, length);
}

/** A stack name as lowercase letters, digits and single hyphens. */
export function stackSlug(stack: string): string {
  return (
    stack
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20) || "stack"
  );
}

export interface MonitoringNames {
  readonly bucket: string;
  readonly logProject: string;
  readonly functionName: string;
  readonly roleName: string;
  /** Custom identifier of the instances' Logtail (/etc/ilogtail/user_defined_id, at most 30 characters). */
  readonly machineGroupId: string;
  /** Site monitor task: 4-100 letters, digits and underscores (cms_site_monitor.html.markdown). */
  readonly siteMonitorTask: string;
  readonly contactGroup: string;
}

export function monitoringNames(stack: string, domain: string, region: string): MonitoringNames {
  const slug = stackSlug(stack);
  const suffix = hash(`${domain}|${region}|${stack}`);
  return {
    bucket: `whb-${slug}-monitor-${suffix}`,
    logProject: `whb-${slug}-logs-${suffix}`,
    functionName: `whb-${slug}-monitor`,
    roleName: `whb-${slug}-monitor-fc`,
    machineGroupId: `whb-${slug}`.slice(0, 30),
    siteMonitorTask: `whb_${slug.replace(/-/g, "_")}_health`,
    contactGroup: `whb-${slug}-alerts`,
  };
}

/** An alarm contact per address: 2-40 characters (cms_alarm_contact.html.markdown), the address hashed into it. */
export function contactName(stack: string, email: string): string {
  return `whb-${stackSlug(stack).slice(0, 16)}-${hash(email.toLowerCase(), 10)}`;
}
