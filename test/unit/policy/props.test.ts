// How the pack reads a resource's properties (policy/props.ts) and which environment a stack is
// (policy/environment.ts): values nested, secret, unknown at preview, absent or of the other type.
import { runtime } from "@pulumi/pulumi";
import { stackEnvironment } from "../../../policy/environment";
import { NOT_KNOWN, UNKNOWN_STRING, peek, peekNumber, peekString } from "../../../policy/props";

// The wire form of a secret, as an older SDK or a harness hands it over.
const secret = (value: unknown) => ({ [runtime.specialSigKey]: runtime.specialSecretSig, value });

describe("peek", () => {
  test("a nested value is known; null, undefined and missing keys are absent", () => {
    expect(peek({ tags: { environment: "prod" } }, "tags", "environment")).toEqual({ state: "known", value: "prod" });
    expect(peek({ a: null }, "a")).toEqual({ state: "absent" });
    expect(peek({ a: undefined }, "a")).toEqual({ state: "absent" });
    expect(peek({}, "a")).toEqual({ state: "absent" });
  });

  test("a path through a string or a null secret stops there: absent, not the string's own properties", () => {
    expect(peek({ a: "text" }, "a", "length")).toEqual({ state: "absent" });
    expect(peek({ a: secret(null) }, "a", "b")).toEqual({ state: "absent" });
  });

  test("an unknown value part way down the path makes the whole path unknown", () => {
    expect(peek({ a: UNKNOWN_STRING }, "a", "b")).toEqual({ state: "unknown" });
    expect(peek({ a: { b: UNKNOWN_STRING } }, "a", "b")).toEqual({ state: "unknown" });
  });

  test("a secret is read through, also when what it holds is unknown", () => {
    expect(peek({ a: secret("pem") }, "a")).toEqual({ state: "known", value: "pem" });
    expect(peek({ a: secret({ b: 1 }) }, "a", "b")).toEqual({ state: "known", value: 1 });
    expect(peek({ a: secret(UNKNOWN_STRING) }, "a")).toEqual({ state: "unknown" });
  });
});

describe("peekString and peekNumber", () => {
  test("strings stay strings, other values become strings", () => {
    expect(peekString({ a: "x" }, "a")).toBe("x");
    expect(peekString({ a: 600 }, "a")).toBe("600");
    expect(peekString({ a: UNKNOWN_STRING }, "a")).toBe(NOT_KNOWN);
    expect(peekString({}, "a")).toBeUndefined();
  });

  test("numbers, and numbers written as strings, are numbers; anything else is no number", () => {
    expect(peekNumber({ ttl: 600 }, "ttl")).toBe(600);
    expect(peekNumber({ ttl: "600" }, "ttl")).toBe(600);
    expect(peekNumber({ ttl: "soon" }, "ttl")).toBeUndefined();
    expect(peekNumber({ ttl: UNKNOWN_STRING }, "ttl")).toBe(NOT_KNOWN);
    expect(peekNumber({}, "ttl")).toBeUndefined();
  });
});

describe("stackEnvironment", () => {
  const prodTagged = { props: { tags: { environment: "prod" } } };
  const devTagged = { props: { tags: { environment: "dev" } } };

  test("the policy config wins over the resources' tags", () => {
    expect(stackEnvironment("dev", [prodTagged])).toBe("dev");
    expect(stackEnvironment("prod", [devTagged])).toBe("prod");
  });

  test("auto or unset: prod when any resource is tagged prod, else dev", () => {
    expect(stackEnvironment("auto", [devTagged, prodTagged])).toBe("prod");
    expect(stackEnvironment(undefined, [devTagged])).toBe("dev");
    expect(stackEnvironment(undefined, [])).toBe("dev");
    expect(stackEnvironment(undefined, [{ props: { tags: { environment: UNKNOWN_STRING } } }])).toBe("dev");
  });
});
