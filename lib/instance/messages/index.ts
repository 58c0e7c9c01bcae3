// The instance renderers' messages of a locale. They run inside `pulumi preview`, so by default they
// speak the environment's language, as the config checks do (lib/config/stackConfig.ts).
import { localeFromEnvironment, type Locale } from "../../i18n";
import { en, type InstanceMessages } from "./en";
import { zhCN } from "./zhCN";

export type { InstanceMessages } from "./en";

export const INSTANCE_CATALOGS: Readonly<Record<Locale, InstanceMessages>> = { en, "zh-CN": zhCN };

export function instanceMessages(locale: Locale = localeFromEnvironment()): InstanceMessages {
  return INSTANCE_CATALOGS[locale];
}
