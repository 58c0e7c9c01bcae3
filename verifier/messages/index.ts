// The verifier's messages by locale.
import type { Locale } from "../../lib/i18n";
import { en, type VerifierMessages } from "./en";
import { zhCN } from "./zhCN";

export type { VerifierMessages } from "./en";

export const VERIFIER_CATALOGS: Readonly<Record<Locale, VerifierMessages>> = { en, "zh-CN": zhCN };
