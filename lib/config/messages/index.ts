// The config messages of a locale. Checks take the catalog of the run's locale and report its sentences.
import type { Locale } from "../../i18n";
import { en, type ConfigMessages } from "./en";
import { zhCN } from "./zhCN";

export type { ConfigMessages, UntrustedCertificate } from "./en";

export const CONFIG_CATALOGS: Readonly<Record<Locale, ConfigMessages>> = { en, "zh-CN": zhCN };

export function configMessages(locale: Locale): ConfigMessages {
  return CONFIG_CATALOGS[locale];
}
