// The lookups' messages of a locale. The lookups run inside `pulumi preview`, so by default they speak
// the environment's language, as the config checks do (lib/config/stackConfig.ts).
import { localeFromEnvironment, type Locale } from "../../i18n";
import { en, type CloudMessages } from "./en";
import { zhCN } from "./zhCN";

export type { CloudMessages } from "./en";

export const CLOUD_CATALOGS: Readonly<Record<Locale, CloudMessages>> = { en, "zh-CN": zhCN };

export function cloudMessages(locale: Locale = localeFromEnvironment()): CloudMessages {
  return CLOUD_CATALOGS[locale];
}
