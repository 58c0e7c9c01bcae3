// The parameters of an RPC call, as the SDKs flatten them into the query or the form body: lists as
// `Name.1`, `Name.2` (or, in tea-rpc's and OpenAPI's "RepeatList" style, the same), objects as
// `Name.1.Key`, and some lists as one JSON string (`InstanceIds=["i-1"]`), per the API's definition.
import { ApiError } from "./apiError";

export class Params {
  constructor(readonly values: Readonly<Record<string, string>>) {}

  get(name: string): string | undefined {
    const v = this.values[name];
    return v === undefined || v === "" ? undefined : v;
  }

  /** A required parameter; missing, the cloud answers MissingParameter (the message names it). */
  required(name: string): string {
    const v = this.get(name);
    if (v === undefined)
      throw new ApiError(`Missing${name}`, `The input parameter "${name}" that is mandatory for processing this request is not supplied.`);
    return v;
  }

  int(name: string, fallback?: number): number | undefined {
    const v = this.get(name);
    if (v === undefined) return fallback;
    const n = Number(v);
    if (!Number.isInteger(n)) throw new ApiError(`InvalidParameter`, `The specified parameter "${name}" is not valid.`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.get(name);
    return v === undefined ? undefined : v === "true";
  }

  /** `Name.1`, `Name.2`, ... in order. */
  list(name: string): string[] {
    const out: [number, string][] = [];
    for (const [key, value] of Object.entries(this.values)) {
      const m = new RegExp(`^${escape(name)}\\.(\\d+)$`).exec(key);
      if (m) out.push([Number(m[1]), value]);
    }
    return out.sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** `Name.1.Key=…&Name.1.Value=…` as [{Key, Value}, ...] in order. */
  objects(name: string): Record<string, string>[] {
    const byIndex = new Map<number, Record<string, string>>();
    for (const [key, value] of Object.entries(this.values)) {
      const m = new RegExp(`^${escape(name)}\\.(\\d+)\\.(.+)$`).exec(key);
      if (!m) continue;
      const i = Number(m[1]);
      byIndex.set(i, { ...(byIndex.get(i) ?? {}), [m[2] as string]: value });
    }
    return [...byIndex.entries()].sort((a, b) => a[0] - b[0]).map(([, v]) => v);
  }

  /** A parameter the API defines as a JSON string (a list or an object). */
  json<T>(name: string): T | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    try {
      return JSON.parse(v) as T;
    } catch {
      throw new ApiError("InvalidParameter", `The specified parameter "${name}" is not valid JSON.`);
    }
  }

  /** Tags given as `Tag.N.Key` / `Tag.N.Value`. */
  tags(): Record<string, string> {
    return Object.fromEntries(
      this.objects("Tag")
        .filter((t) => t.Key)
        .map((t) => [t.Key as string, t.Value ?? ""]),
    );
  }
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
