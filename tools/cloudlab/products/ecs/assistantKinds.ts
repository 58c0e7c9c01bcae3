// What Cloud Assistant keeps in the store, and the outcomes a test scripts for it: a command that
// fails on an instance (its exit code and output), an invocation the service no longer keeps. A
// throttling error once needs nothing here: store.inject({product: "ecs", action: "InvokeCommand",
// code: "Throttling.User", ...}).
import type { LabStore } from "../../store";

export const ASSISTANT_KINDS = {
  command: "ecs.command",
  invocation: "ecs.invocation",
  /** How the next invocations on an instance end (scriptInvocationOutcome), by InstanceId. */
  outcome: "ecs.invocationOutcome",
} as const;

export interface InvocationOutcome {
  readonly instanceId: string;
  /** Only invocations of this command; any command when absent. */
  readonly commandId?: string;
  readonly exitCode: number;
  /** What the script printed, as text (the API answers it Base64-encoded unless asked for PlainText). */
  readonly output: string;
  /** How many invocations end so (default 1); the outcome is gone once used up. */
  readonly times?: number;
}

/**
 * The next `times` invocations on the instance run and exit with `exitCode`, printing `output`: a
 * non-zero code makes the instance's InvocationStatus Failed with ErrorCode ExitCodeNonzero, as
 * DescribeInvocationResults answers for a script that failed (ECS API reference).
 */
export function scriptInvocationOutcome(store: LabStore, outcome: InvocationOutcome): void {
  store.create(ASSISTANT_KINDS.outcome, outcome.instanceId, {
    InstanceId: outcome.instanceId,
    CommandId: outcome.commandId,
    ExitCode: outcome.exitCode,
    Output: outcome.output,
    Times: outcome.times ?? 1,
  });
}

/**
 * The service keeps invocation records for four weeks (ECS API reference, DescribeInvocations);
 * after that DescribeInvocations no longer lists the invocation and StopInvocation answers
 * InvalidInvokeId.NotFound. This makes an invocation that old.
 */
export function expireInvocation(store: LabStore, invokeId: string): void {
  if (!store.get(ASSISTANT_KINDS.invocation, invokeId)) throw new Error(`the emulator holds no invocation ${invokeId}`);
  store.delete(ASSISTANT_KINDS.invocation, invokeId);
}
