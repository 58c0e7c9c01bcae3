// The size of an instance's user data against what ECS accepts, checked before anything is created.
import { USER_DATA_MAX_BYTES, USER_DATA_OLD_LIMIT_BYTES } from "../constants";
import type { Locale } from "../i18n";
import { instanceMessages } from "./messages";

export interface UserDataSize {
  /** Bytes before base64, as ECS counts them. */
  readonly bytes: number;
  /** Set between the old 16 KB and the current 32 KB limit. */
  readonly warning?: string;
}

/** Measures user data; throws with what to shrink when ECS would refuse it. Worded in `locale` (default the environment's). */
export function checkUserDataSize(userData: string, locale?: Locale): UserDataSize {
  const bytes = Buffer.byteLength(userData, "utf8");
  const m = instanceMessages(locale);
  if (bytes > USER_DATA_MAX_BYTES) throw new Error(m.userDataTooBig({ bytes, max: USER_DATA_MAX_BYTES }));
  if (bytes > USER_DATA_OLD_LIMIT_BYTES) {
    return { bytes, warning: m.userDataAboveOldLimit({ bytes, max: USER_DATA_MAX_BYTES, old: USER_DATA_OLD_LIMIT_BYTES }) };
  }
  return { bytes };
}
