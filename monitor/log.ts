// The function's log: FC sends stdout/stderr to the function's Logstore, which more people can read
// than the robots' settings. Every line passes through here, and every secret the function was
// given (robot URLs, their keys and tokens, signing secrets) is replaced before it is written, so a
// library error that quotes a URL cannot leak one either.

export interface Log {
  info(message: string): void;
  error(message: string): void;
}

const REDACTED = "[redacted]";

/** A hex digit as either case writes it: "b" -> "[bB]". */
function anyCase(digit: string): string {
  return /[a-f]/i.test(digit) ? `[${digit.toLowerCase()}${digit.toUpperCase()}]` : digit;
}

/**
 * A pattern for one character of a secret as it may appear in a log line: itself, or each of its
 * UTF-8 bytes percent-encoded, in either hex case, once or twice (a URL inside another URL's query
 * has its "%" encoded again); a space also as "+", as forms encode it. Each character may be
 * encoded or not on its own, which covers encodeURIComponent, encodeURI (which keeps "+", "/" and
 * "=" but encodes "%"), URLSearchParams and other encoders' choices alike.
 */
function characterPattern(char: string): string {
  const percent = "%(?:25)?";
  const encoded = [...Buffer.from(char)].map((byte) => percent + [...byte.toString(16).padStart(2, "0")].map(anyCase).join("")).join("");
  const forms = [char.replace(/[\\^$.*+?()[\]{}|/-]/g, "\\$&"), encoded, ...(char === " " ? ["\\+"] : [])];
  return `(?:${forms.join("|")})`;
}

/** A log that never writes any of `secrets`; lines go to `write` (console by default). */
export function redactingLog(secrets: readonly string[], write: (line: string) => void = (line) => console.log(line)): Log {
  // Longest first, so a URL is replaced whole before its key inside it is.
  const ordered = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const pattern = ordered.length === 0 ? undefined : new RegExp(ordered.map((s) => [...s].map(characterPattern).join("")).join("|"), "g");
  const clean = (message: string): string => (pattern ? message.replace(pattern, REDACTED) : message);
  return {
    info: (message) => write(clean(message)),
    error: (message) => write(clean(`error: ${message}`)),
  };
}
