// The size of an instance's user data against what ECS accepts, checked before anything is created.
import { USER_DATA_MAX_BYTES, USER_DATA_OLD_LIMIT_BYTES } from "../constants";

export interface UserDataSize {
  /** Bytes before base64, as ECS counts them. */
  readonly bytes: number;
  /** Set between the old 16 KB and the current 32 KB limit. */
  readonly warning?: string;
}

/** Measures user data; throws with what to shrink when ECS would refuse it. */
export function checkUserDataSize(userData: string): UserDataSize {
  const bytes = Buffer.byteLength(userData, "utf8");
  if (bytes > USER_DATA_MAX_BYTES) {
    throw new Error(
      `the instances' user data is ${bytes} bytes, above the ${USER_DATA_MAX_BYTES} bytes (before base64) ECS accepts, so RunInstances ` +
        "would fail at pulumi up; make what it embeds smaller (npm run render -- --stack <name> --out <dir> shows it)",
    );
  }
  if (bytes > USER_DATA_OLD_LIMIT_BYTES) {
    return {
      bytes,
      warning:
        `the instances' user data is ${bytes} bytes: within ECS's ${USER_DATA_MAX_BYTES}-byte limit, above ` +
        `the ${USER_DATA_OLD_LIMIT_BYTES} bytes older Alibaba Cloud pages give`,
    };
  }
  return { bytes };
}
