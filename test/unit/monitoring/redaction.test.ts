// The monitoring function's log redaction with secrets that URL encoding changes: "+", "/", "=" and
// "%" (base64 keys and signatures have the first three), spaces, "~", and text beyond ASCII. A secret must not
// reach a line however a library quoted it: as is, percent-encoded by any of the usual encoders, in
// either hex case, or encoded twice inside another URL.
import fc from "fast-check";
import { redactingLog } from "../../../monitor/log";

const SECRET = "k+e/y=1%2x Y~z=";

/** Every way a library might have put `secret` into a message. */
function encodings(secret: string): Record<string, string> {
  const component = encodeURIComponent(secret);
  return {
    raw: secret,
    encodeURIComponent: component,
    "lower-case hex": component.replace(/%[0-9A-F]{2}/g, (escape) => escape.toLowerCase()),
    encodeURI: encodeURI(secret),
    URLSearchParams: new URLSearchParams({ key: secret }).toString().slice("key=".length),
    "encoded twice": encodeURIComponent(component),
    "in a URL's query": new URL(`https://oapi.example.com/send?key=${component}`).href,
  };
}

/** Undoes every encoding above, to check that nothing of the secret is left to read. */
function decodedEverywhichWay(line: string): string[] {
  const once = (text: string): string => {
    try {
      return decodeURIComponent(text.replace(/\+/g, " "));
    } catch {
      return text;
    }
  };
  const plain = (text: string): string => {
    try {
      return decodeURIComponent(text);
    } catch {
      return text;
    }
  };
  return [line, plain(line), plain(plain(line)), once(line), once(once(line))];
}

function logged(secrets: string[], message: string): string {
  const lines: string[] = [];
  redactingLog(secrets, (line) => lines.push(line)).error(message);
  expect(lines).toHaveLength(1);
  return lines[0];
}

describe("a secret with + / = and %", () => {
  test.each(Object.entries(encodings(SECRET)))("written %s is redacted, and the rest of the line kept", (_how, text) => {
    const line = logged([SECRET], `fetch ${text} failed (attempt 2)`);
    expect(line).toMatch(/^error: fetch .*\[redacted\].* failed \(attempt 2\)$/);
    for (const decoded of decodedEverywhichWay(line)) expect(decoded).not.toContain(SECRET);
  });

  test("the encodings differ from the secret and from each other, so each test above checks its own", () => {
    const texts = Object.values(encodings(SECRET));
    expect(new Set(texts).size).toBe(texts.length);
  });

  test("text that only looks alike is kept: another key, or the secret with one character changed", () => {
    // "+" stands for a space only: where the secret has "=", a "+" is another text.
    const message = "key k+e/y=1%2x Y~q= and k-e/y=1%2x Y~z= and k%2Be%2Fy%3D1%252x%20Y~q%3D and k+e/y+1%2x Y~z=";
    expect(logged([SECRET], message)).toBe(`error: ${message}`);
  });

  test("a secret with a space is redacted where forms write it as +", () => {
    expect(logged(["pass word+1"], "body=pass+word%2B1&x=1")).toBe("error: body=[redacted]&x=1");
  });

  test("with no secrets, or only empty ones, lines pass unchanged", () => {
    expect(logged([], "error 100% k+e/y=")).toBe("error: error 100% k+e/y=");
    expect(logged(["", ""], "error 100% k+e/y=")).toBe("error: error 100% k+e/y=");
  });

  test("a secret that begins another is no way to leak the rest: the longer one goes whole", () => {
    expect(logged(["tok123", "tok123456/x=", "tok123456"], "a tok123456/x= b tok123456 c tok123 d")).toBe(
      "error: a [redacted] b [redacted] c [redacted] d",
    );
  });

  test("info lines are redacted too, and carry no error prefix", () => {
    const lines: string[] = [];
    redactingLog([SECRET], (line) => lines.push(line)).info(`posted to ${encodeURIComponent(SECRET)}`);
    expect(lines).toEqual(["posted to [redacted]"]);
  });
});

test("any secret, written any of the usual ways, never reaches a line", () => {
  const char = fc.oneof(
    fc.constantFrom("+", "/", "=", "%", " ", "&", "?", "#", ".", "-", "_", "~", "\t", "é", "密", "😀"),
    fc.stringMatching(/^[A-Za-z0-9]$/),
  );
  const secret = fc.array(char, { minLength: 6, maxLength: 24 }).map((chars) => chars.join(""));
  fc.assert(
    fc.property(secret, fc.nat(), fc.constantFrom("", "fetch failed: ", "<html>"), (value, pick, around) => {
      const all = Object.values(encodings(value));
      const text = all[pick % all.length];
      const line = logged([value], `${around}<${text}>${around}`);
      expect(line).toContain("[redacted]");
      for (const decoded of decodedEverywhichWay(line)) expect(decoded).not.toContain(value);
    }),
    { numRuns: 300 },
  );
});
