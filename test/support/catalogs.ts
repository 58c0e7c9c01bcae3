// Renders every message of a catalog with stand-in parameters and records which parameters it read,
// so a test can hold two languages' catalogs to the same ids and the same parameters.
import type { Catalog } from "../../lib/i18n";

export interface Rendered {
  readonly text: string;
  /** The parameters the message read, sorted. */
  readonly params: string[];
}

/** Each message rendered with parameters that stand for themselves (`<name>`). */
export function renderAll(catalog: Catalog): Record<string, Rendered> {
  const out: Record<string, Rendered> = {};
  for (const [id, message] of Object.entries(catalog)) {
    const read = new Set<string>();
    const params = new Proxy(
      {},
      {
        get: (_, name) => {
          read.add(String(name));
          return `<${String(name)}>`;
        },
      },
    );
    const text = (message as (p: unknown) => string)(params);
    out[id] = { text, params: [...read].sort() };
  }
  return out;
}

/** Chinese characters (CJK Unified Ideographs). */
export const HAN = /[\u4e00-\u9fff]/;
