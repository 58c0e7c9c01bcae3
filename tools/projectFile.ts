// The `config:` block Pulumi.yaml must declare, derived from CONFIG_KEYS (a test keeps the
// committed file equal to it, so the CLI's view of types and defaults never drifts from the code's).
import { CONFIG_KEYS, type ConfigKey, type ConfigKeySpec } from "../lib/config/keys";
import type { Locale } from "../lib/i18n";

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

/** The table's words in each README's language; keys, types, values and examples stay as they are. */
const TABLE_TEXT = {
  en: {
    header: "| key | type | default | secret | example | what it does |",
    required: "(required)",
    empty: "(empty)",
    secret: "yes",
    region: "Region of every resource; the provider's own key.",
  },
  "zh-CN": {
    header: "| 配置项 | 类型 | 默认值 | secret | 示例 | 作用 |",
    required: "（必填）",
    empty: "（空）",
    secret: "是",
    region: "所有资源所在的地域；provider 自己的配置项。",
  },
} as const;

function defaultText(value: unknown, locale: Locale): string {
  if (value === undefined) return TABLE_TEXT[locale].required;
  if (value === "") return TABLE_TEXT[locale].empty;
  if (Array.isArray(value)) return value.length === 0 ? "[]" : JSON.stringify(value);
  if (typeof value === "object" && value !== null) return JSON.stringify(value);
  return `\`${String(value)}\``;
}

/**
 * README's config table (README.zh-CN.md's with `zh-CN`: the keys' descriptionZh), from the same
 * declarations: a test keeps both READMEs equal to it.
 */
export function renderConfigTable(locale: Locale = "en"): string {
  const text = TABLE_TEXT[locale];
  const rows = [text.header, "|---|---|---|---|---|---|"];
  for (const key of Object.keys(CONFIG_KEYS) as ConfigKey[]) {
    const spec: ConfigKeySpec = CONFIG_KEYS[key];
    const secret = spec.secret ? text.secret : "";
    const description = locale === "zh-CN" ? spec.descriptionZh : spec.description;
    rows.push(
      `| \`${key}\` | ${spec.type} | ${defaultText(spec.default, locale)} | ${secret} | ${cell(spec.example)} | ${cell(description)} |`,
    );
  }
  rows.push(`| \`alicloud:region\` | string | ${text.required} |  | cn-hangzhou | ${text.region} |`);
  return rows.join("\n");
}
