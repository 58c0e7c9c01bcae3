import type { Locale } from "../../../lib/i18n";
import { en, type MiniprogramMessages } from "./en";
import { zhCN } from "./zhCN";

export type { MiniprogramMessages } from "./en";

export const MINIPROGRAM_CATALOGS: Readonly<Record<Locale, MiniprogramMessages>> = { en, "zh-CN": zhCN };
