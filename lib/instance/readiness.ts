// How long a new instance may take to become ready, and every timeout derived from it, so the
// readiness script, the Cloud Assistant command that runs it and `pulumi up`'s wait for it never
// disagree (one configured value: readinessTimeout).
//
// terraform-provider-alicloud alicloud/resource_alicloud_ecs_invocation.go: Create calls
// InvokeCommand and waits for Success, failing on Failed, PartialFailed or Stopped; a command Cloud
// Assistant cannot deliver within about a minute (its agent not online yet, right after boot) is
// Aborted, which the invocation reports as Failed. So the gate waits AGENT_GRACE_SECONDS after the
// instance is running before it invokes, and a gate that failed anyway is invoked afresh by the next
// `pulumi up` (replaceOnChanges "*" on the invocation).

import { DEFAULT_READINESS_TIMEOUT_SECONDS, MAX_READINESS_TIMEOUT_SECONDS, MIN_READINESS_TIMEOUT_SECONDS } from "../constants";
import { instanceMessages } from "./messages";

export { DEFAULT_READINESS_TIMEOUT_SECONDS } from "../constants";

/**
 * Pause between the instance reaching Running and the readiness invocation: the Cloud Assistant agent
 * starts with the OS, typically well within this, and InvokeCommand then still has its own delivery
 * window of about a minute.
 */
export const AGENT_GRACE_SECONDS = 60;

/** Cloud Assistant's delivery window before it aborts a command, as observed; the create timeout allows for it. */
export const DELIVERY_WINDOW_SECONDS = 120;

export interface ReadinessTimings {
  /** The readiness script gives up by itself after this, with its reason. */
  readonly scriptSeconds: number;
  /** The setup script's own wait for health at first boot, inside scriptSeconds so cloud-init reports it first. */
  readonly bootHealthSeconds: number;
  /** The Cloud Assistant command's timeout: the script's, plus a minute for it to report. */
  readonly commandSeconds: number;
  /** The invocation's create timeout in `pulumi up`, as Pulumi writes it ("16m"). */
  readonly createTimeout: string;
}

/** The setup script's wait for health at first boot: two minutes less than the readiness gate's, at least one second. */
export function bootHealthSeconds(readinessTimeoutSeconds: number): number {
  return Math.max(1, readinessTimeoutSeconds - 120);
}

export function readinessTimings(readinessTimeoutSeconds: number = DEFAULT_READINESS_TIMEOUT_SECONDS): ReadinessTimings {
  if (
    !Number.isInteger(readinessTimeoutSeconds) ||
    readinessTimeoutSeconds < MIN_READINESS_TIMEOUT_SECONDS ||
    readinessTimeoutSeconds > MAX_READINESS_TIMEOUT_SECONDS
  ) {
    throw new Error(
      instanceMessages().readinessTimeout({
        min: MIN_READINESS_TIMEOUT_SECONDS,
        max: MAX_READINESS_TIMEOUT_SECONDS,
        value: String(readinessTimeoutSeconds),
      }),
    );
  }
  const commandSeconds = readinessTimeoutSeconds + 60;
  return {
    scriptSeconds: readinessTimeoutSeconds,
    bootHealthSeconds: bootHealthSeconds(readinessTimeoutSeconds),
    commandSeconds,
    createTimeout: `${Math.ceil((commandSeconds + DELIVERY_WINDOW_SECONDS) / 60)}m`,
  };
}
