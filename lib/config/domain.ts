// Host name rules for the stack's `domain` and `dnsZone`: WeChat accepts only a registered host name
// on the default port (no IP, no localhost, no port), and Alibaba Cloud DNS needs the zone and the
// record name (`rr`) split apart.
import { domainToASCII } from "node:url";
import { isIP } from "node:net";
import { parse as parseHost } from "tldts";
import type { Locale } from "../i18n";
import { CONFIG_KEYS } from "./keys";
import { configMessages } from "./messages";

export interface ParsedDomain {
  /** The host in ASCII (punycode for internationalised names), lower case, no trailing dot. */
  readonly host: string;
  /** The registrable domain (public suffix + one label), e.g. example.com.cn for dev.example.com.cn. */
  readonly registrable: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks a host name given in config and returns it normalised, or the reason it is not usable.
 * `key` names the config key in the message; the fix sets that key's own example (a zone for dnsZone).
 */
export function parseDomain(raw: string, key: "domain" | "dnsZone", locale: Locale = "en"): ParsedDomain | string {
  const m = configMessages(locale);
  const value = raw.trim();
  const said = { key, value: raw, fix: `pulumi config set ${key} ${CONFIG_KEYS[key].example}` };
  if (value === "") return m.hostEmpty(said);
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme) return m.hostHasScheme({ ...said, scheme: scheme[1] });
  if (value.includes("/") || value.includes("?") || value.includes("#")) return m.hostHasPath(said);
  if (value.includes("*")) return m.hostWildcard(said);
  const bracketless = value.replace(/^\[(.*)\]$/, "$1");
  if (isIP(bracketless) !== 0) return m.hostIsIp(said);
  if (/:\d*$/.test(value)) return m.hostHasPort(said);
  const ascii = domainToASCII(value.replace(/\.$/, "").toLowerCase());
  if (ascii === "") return m.hostInvalid(said);
  if (ascii === "localhost" || ascii.endsWith(".localhost")) return m.hostLocalhost(said);
  const labels = ascii.split(".");
  if (ascii.length > 253 || labels.some((label) => !LABEL.test(label))) return m.hostBadLabels(said);
  const info = parseHost(ascii);
  if (!info.isIcann || !info.domain) return m.hostNotPublic(said);
  return { host: ascii, registrable: info.domain };
}

/**
 * The Alibaba Cloud DNS record name for `host` inside `zone`: "@" for the zone apex, otherwise the
 * labels in front of the zone. Undefined when the host is not inside the zone.
 */
export function recordNameFor(host: string, zone: string): string | undefined {
  if (host === zone) return "@";
  return host.endsWith(`.${zone}`) ? host.slice(0, -(zone.length + 1)) : undefined;
}
