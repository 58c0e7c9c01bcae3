import type { Locale } from "../../lib/i18n";
import { en, type CommandMessages } from "./en";
import { zhCN } from "./zhCN";

export type { CommandMessages } from "./en";

export const COMMAND_CATALOGS: Readonly<Record<Locale, CommandMessages>> = { en, "zh-CN": zhCN };
