// Host name rules for the stack's `domain` and `dnsZone`: WeChat accepts only a registered host name
// on the default port (no IP, no localhost, no port), and Alibaba Cloud DNS needs the zone and the
// record name (`rr`) split apart.
import { domainToASCII } from "node:url";
import { isIP } from "node:net";
import { parse as parseHost } from "tldts";

export interface ParsedDomain {
  /** The host in ASCII (punycode for internationalised names), lower case, no trailing dot. */
  readonly host: string;
  /** The registrable domain (public suffix + one label), e.g. example.com.cn for dev.example.com.cn. */
  readonly registrable: string;
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/**
 * Checks a host name given in config and returns it normalised, or the reason it is not usable.
 * `key` names the config key in the message.
 */
export function parseDomain(raw: string, key: string): ParsedDomain | string {
  const value = raw.trim();
  const example = `e.g. pulumi config set ${key} dev.example.com`;
  if (value === "") return `${key} is empty; set the host name the mini program calls, ${example}`;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value);
  if (scheme) {
    return `${key} "${raw}" has a scheme (${scheme[1]}://); set only the host name, ${example}`;
  }
  if (value.includes("/") || value.includes("?") || value.includes("#")) {
    return `${key} "${raw}" has a path; set only the host name, ${example}`;
  }
  if (value.includes("*")) {
    return `${key} "${raw}" is a wildcard; WeChat registers exact hosts, so set one host name, ${example}`;
  }
  const bracketless = value.replace(/^\[(.*)\]$/, "$1");
  if (isIP(bracketless) !== 0) {
    return `${key} "${raw}" is an IP address; WeChat only accepts ICP-filed domain names, ${example}`;
  }
  if (/:\d*$/.test(value)) {
    return `${key} "${raw}" has a port; WeChat requires the default port 443, so set only the host name, ${example}`;
  }
  const ascii = domainToASCII(value.replace(/\.$/, "").toLowerCase());
  if (ascii === "") return `${key} "${raw}" is not a valid DNS name, ${example}`;
  if (ascii === "localhost" || ascii.endsWith(".localhost")) {
    return `${key} "${raw}" is localhost; phones reach the backend through a public, ICP-filed domain, ${example}`;
  }
  const labels = ascii.split(".");
  if (ascii.length > 253 || labels.some((label) => !LABEL.test(label))) {
    return `${key} "${raw}" is not a valid DNS name (labels of letters, digits and inner hyphens, at most 63 characters each), ${example}`;
  }
  const info = parseHost(ascii);
  if (!info.isIcann || !info.domain) {
    return `${key} "${raw}" is not under a public domain suffix (such as .com or .cn); WeChat needs a publicly registered domain, ${example}`;
  }
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
