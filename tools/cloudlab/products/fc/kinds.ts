// The records Function Compute 3.0 keeps, under the API's own field names (the official
// @alicloud/fc20230330 models Function and Trigger): a function by its name, a trigger by
// `<functionName>/<triggerName>`.
import { randomUUID } from "node:crypto";
import type { LabStore } from "../../store";

export const FC = { function: "fc.function", trigger: "fc.trigger" } as const;

export function functionArn(store: LabStore, functionName: string): string {
  // FC 3.0 ARNs have no service part (GetFunction's functionArn, e.g. acs:fc:cn-hangzhou:<uid>:functions/my-func).
  return `acs:fc:${store.region}:${store.accountId}:functions/${functionName}`;
}

/** FC's timestamps: ISO 8601 in UTC without fractions (the API reference's example 2023-10-16T06:29:10Z). */
export function fcTime(at = new Date()): string {
  return at.toISOString().replace(/\.\d+Z$/, "Z");
}

/** Function and trigger ids are UUIDs (the Function and Trigger models' examples). */
export const fcId = (): string => randomUUID();
