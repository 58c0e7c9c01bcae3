// The function's log: FC sends stdout/stderr to the function's Logstore, which more people can read
// than the robots' settings. Every line passes through here, and every secret the function was
// given (robot URLs, their keys and tokens, signing secrets) is replaced before it is written, so a
// library error that quotes a URL cannot leak one either.

export interface Log {
  info(message: string): void;
  error(message: string): void;
}

const REDACTED = "[redacted]";

/** A log that never writes any of `secrets`; lines go to `write` (console by default). */
export function redactingLog(secrets: readonly string[], write: (line: string) => void = (line) => console.log(line)): Log {
  // Longest first, so a URL is replaced whole before its key inside it is.
  const ordered = [...new Set(secrets.filter((s) => s.length > 0))].sort((a, b) => b.length - a.length);
  const clean = (message: string): string => {
    let text = message;
    for (const secret of ordered) text = text.split(secret).join(REDACTED);
    // URL-encoded forms too (a key with "=" or "+" shows up encoded in a URL).
    for (const secret of ordered) text = text.split(encodeURIComponent(secret)).join(REDACTED);
    return text;
  };
  return {
    info: (message) => write(clean(message)),
    error: (message) => write(clean(`error: ${message}`)),
  };
}
