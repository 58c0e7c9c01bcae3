// What the last run saw, so the function alerts when a check starts failing and when it passes
// again, not on every run. It lives in one small JSON file in an OSS bucket that Function Compute
// mounts into the function (V3Function ossMountConfig): durable across instances and deploys,
// costs next to nothing (one object, two requests an hour), and needs no client library or
// credentials in the code; locally and in tests the directory is any directory.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import * as path from "node:path";

export const STATE_FILE = "monitor-state.json";

export interface FailingCheck {
  /** When the check was first seen failing (ISO time). */
  readonly since: string;
  readonly detail: string;
}

export interface MonitorState {
  readonly version: 1;
  /** Checks failing at the last run, by id ("reachable" when the endpoint could not be reached). */
  readonly failing: Readonly<Record<string, FailingCheck>>;
  /** When the last run finished (ISO time). */
  readonly checkedAt?: string;
}

export const EMPTY_STATE: MonitorState = { version: 1, failing: {} };

function isState(value: unknown): value is MonitorState {
  if (typeof value !== "object" || value === null) return false;
  const state = value as { version?: unknown; failing?: unknown };
  return state.version === 1 && typeof state.failing === "object" && state.failing !== null;
}

/** The saved state; a missing or unreadable file reads as "nothing was failing" (the first run). */
export function loadState(dir: string): { state: MonitorState; problem?: string } {
  let text: string;
  try {
    text = readFileSync(path.join(dir, STATE_FILE), "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    return code === "ENOENT" ? { state: EMPTY_STATE } : { state: EMPTY_STATE, problem: `cannot read the state: ${code ?? String(err)}` };
  }
  try {
    const parsed: unknown = JSON.parse(text);
    if (isState(parsed)) return { state: parsed };
  } catch {
    // Reported below.
  }
  return { state: EMPTY_STATE, problem: `${STATE_FILE} is not a state this version wrote; starting afresh` };
}

/** Saves the state: written beside, then renamed, so a crash never leaves half a file. */
export function saveState(dir: string, state: MonitorState): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, STATE_FILE);
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, JSON.stringify(state, null, 2) + "\n");
  renameSync(temp, file);
}
