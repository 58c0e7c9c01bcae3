// The `config:` block Pulumi.yaml must declare, derived from CONFIG_KEYS (a test keeps the
// committed file equal to it, so the CLI's view of types and defaults never drifts from the code's).
import { CONFIG_KEYS, type ConfigKey, type ConfigKeySpec } from "../lib/config/keys";

export interface ConfigDeclaration {
  readonly type: string;
  readonly description: string;
  readonly default?: unknown;
  readonly items?: { readonly type: string };
}

export function projectConfigDeclarations(): Record<string, ConfigDeclaration> {
  const declarations: Record<string, ConfigDeclaration> = {};
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const spec = CONFIG_KEYS[key];
    declarations[key] = {
      type: spec.type,
      description: spec.description,
      ...(spec.type === "array" ? { items: { type: "string" } } : {}),
      ...("default" in spec ? { default: spec.default } : {}),
    };
  }
  return declarations;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|");
}

function defaultText(value: unknown): string {
  if (value === undefined) return "(required)";
  if (value === "") return "(empty)";
  if (Array.isArray(value)) return value.length === 0 ? "[]" : JSON.stringify(value);
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return `\`${String(value)}\``;
}

/** README's config table, from the same declarations (a test keeps README equal to it). */
export function renderConfigTable(): string {
  const rows = ["| key | type | default | secret | example | what it does |", "|---|---|---|---|---|---|"];
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const spec: ConfigKeySpec = CONFIG_KEYS[key];
    const secret = spec.secret ? "yes" : "";
    rows.push(
      `| \`${key}\` | ${spec.type} | ${defaultText(spec.default)} | ${secret} | ${cell(spec.example)} | ${cell(spec.description)} |`,
    );
  }
  rows.push("| `alicloud:region` | string | (required) |  | cn-hangzhou | Region of every resource; the provider's own key. |");
  return rows.join("\n");
}
