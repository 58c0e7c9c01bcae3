// The committed stacks carry example values (example.com, 京ICP备00000000号-1, ops@example.com) so
// they plan out of the box; a stack that still has them when it is deployed would fail late (no DNS
// zone, no ACME contact, a filing number WeChat cannot match). They are warnings, so the examples
// keep planning, and each says what to set instead.
import type { Problems } from "../problems";
import type { ConfigValues } from "./keys";
import type { ConfigMessages } from "./messages";
import { setCommand } from "./read";

/** The second-level names RFC 2606 reserves for documentation: nobody can own or ICP-file them. */
const EXAMPLE_DOMAINS = ["example.com", "example.net", "example.org"];

export function isExampleDomain(host: string): boolean {
  const name = host.trim().toLowerCase().replace(/\.$/, "");
  return EXAMPLE_DOMAINS.some((example) => name === example || name.endsWith(`.${example}`));
}

/** A filing number whose digits are all zero, e.g. 京ICP备00000000号-1. */
export function isExampleIcpLicense(license: string): boolean {
  const digits = /备\s*(\d+)\s*号/.exec(license)?.[1];
  return digits !== undefined && /^0+$/.test(digits);
}

export function checkPlaceholders(values: ConfigValues, problems: Problems, m: ConfigMessages): void {
  for (const key of ["domain", "dnsZone"] as const) {
    if (isExampleDomain(values[key])) {
      problems.warning(
        m.placeholderDomain({ key, value: values[key], fix: `pulumi config set ${key} ${key === "domain" ? "api." : ""}your-domain.com` }),
      );
    }
  }
  if (isExampleIcpLicense(values.icpLicense)) {
    problems.warning(m.placeholderIcp({ value: values.icpLicense, fix: setCommand("icpLicense") }));
  }
  const emailDomain = values.acmeEmail.split("@")[1] ?? "";
  if (values.certificateSource === "acme" && isExampleDomain(emailDomain)) {
    // The domain only: the address itself is not repeated in a plan (whatever a stack file holds).
    problems.warning(m.placeholderEmail({ domain: emailDomain, fix: "pulumi config rm acmeEmail" }));
  }
  values.alertEmails.forEach((email, index) => {
    const domain = email.split("@")[1] ?? "";
    if (isExampleDomain(domain)) problems.warning(m.placeholderAlertEmail({ index, domain, fix: setCommand("alertEmails") }));
  });
}
