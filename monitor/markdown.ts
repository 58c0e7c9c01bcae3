// Text the monitored endpoint or an event controls (a certificate's issuer, a Location header, an
// alarm's fields), made safe to put into a robot's markdown. WeCom and DingTalk render links,
// images, emphasis, headings, quotes, <font> tags and WeCom's <@user> mentions, and their markdown
// dialects document no escape character. So instead of escaping, every character with a meaning
// there becomes its full-width twin (Unicode's Halfwidth and Fullwidth Forms, U+FF01-U+FF5E), which
// reads the same and means nothing: "[pay](https://evil)" shows as "［pay］（https：//evil）", not
// as a link. Line breaks become spaces (a new line could start a heading or a quote), and text is
// cut to a size, so a server cannot fill the message or the title.
import { truncateUtf8 } from "../lib/monitoring/robots";

/** Characters with a meaning in the robots' markdown or HTML, and the URL scheme separator. */
const SYNTAX = /[\\`*_[\](){}<>#!|~&:]/g;

/** Line breaks and every other control character, which the alert shows as one space. */
const BREAKS = /[\p{Cc}\u2028\u2029]+/gu;

/** ASCII U+0021-U+007E and its full-width form U+FF01-U+FF5E are 0xFEE0 apart. */
const fullWidth = (char: string): string => String.fromCharCode(char.charCodeAt(0) + 0xfee0);

/**
 * `text` as inert words for a robot's markdown, at most `maxBytes` of UTF-8 (marked where cut).
 * Only ":" of "://" is replaced among the colons, so "10:30" and "host:443" read as they are, while
 * no URL is left for a client to turn into a link; "www." loses its dot for the same reason.
 */
export function inertText(text: string, maxBytes: number): string {
  // Every character takes a byte at least, so this much of a long text (6 MB of alarm name) is all
  // the cut below can keep; the one more makes sure the cut is marked.
  const flat = text.slice(0, maxBytes + 1).replace(BREAKS, " ");
  const inert = flat.replace(SYNTAX, (char, offset: number) =>
    char === ":" && flat.slice(offset, offset + 3) !== "://" ? char : fullWidth(char),
  );
  return truncateUtf8(
    inert.replace(/\bwww\./gi, (www: string) => `${www.slice(0, 3)}．`),
    maxBytes,
    " …(cut)",
  );
}
