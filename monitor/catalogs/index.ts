// The alert words of a locale: the function's language comes from the stack (alertLanguage), not
// from the environment of Function Compute.
import type { Locale } from "../../lib/i18n";
import { en, type AlertMessages } from "./en";
import { zhCN } from "./zhCN";

export type { AlertMessages } from "./en";

export const ALERT_CATALOGS: Readonly<Record<Locale, AlertMessages>> = { en, "zh-CN": zhCN };
