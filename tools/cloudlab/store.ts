// The emulator's one state store: every resource it holds (by kind and id), the log of every request
// the provider sent, the history of changes a test can replay (which servers a VServer group held at
// each moment), and the outcomes a test injected. Nothing here knows a wire format.
import { randomBytes } from "node:crypto";
import { ApiError } from "./apiError";
import { randomLoopbackBlock } from "./publicAddresses";

export type LabRecord = Record<string, unknown>;

export interface LoggedRequest {
  readonly seq: number;
  readonly at: string;
  readonly product: string;
  readonly action: string;
  readonly method: string;
  readonly host: string;
  readonly path: string;
  /** The call's parameters without signatures, keys, tokens or nonces. */
  readonly params: Readonly<Record<string, unknown>>;
  status?: number;
  code?: string;
}

export interface Change {
  readonly seq: number;
  readonly kind: string;
  readonly id: string;
  readonly op: "create" | "update" | "delete";
  /** The record after the change (before it, for a delete). */
  readonly record: LabRecord;
}

/** An outcome a test asked for: the next `times` matching calls fail with this error. */
export interface InjectedFault {
  readonly product: string;
  readonly action: string;
  readonly code: string;
  readonly message: string;
  readonly status: number;
  times: number;
  readonly match?: Readonly<Record<string, string>>;
}

const SECRET_PARAMS = /^(AccessKeyId|Signature|SignatureNonce|SecurityToken|x-acs-security-token|authorization|Timestamp)$/i;

export class LabStore {
  private readonly tables = new Map<string, Map<string, LabRecord>>();
  readonly requests: LoggedRequest[] = [];
  readonly changes: Change[] = [];
  readonly faults: InjectedFault[] = [];
  private seq = 0;
  /** Values the cloud holds but never shows (a certificate's private key): kept apart from records. */
  private readonly hidden = new Map<string, string>();
  private readonly watchers: ((change?: Change) => void)[] = [];

  constructor(
    readonly region: string,
    readonly accountId: string,
    /** The loopback /24 this lab's public addresses come from (publicAddresses.ts). */
    readonly publicBlock: string = randomLoopbackBlock(),
  ) {}

  private table(kind: string): Map<string, LabRecord> {
    let t = this.tables.get(kind);
    if (!t) this.tables.set(kind, (t = new Map()));
    return t;
  }

  /** Keeps a value the API takes but never answers with: not in records, snapshots, changes or the log. */
  keepHidden(kind: string, id: string, value: string): void {
    this.hidden.set(`${kind}\0${id}`, value);
  }

  hiddenOf(kind: string, id: string): string | undefined {
    return this.hidden.get(`${kind}\0${id}`);
  }

  /**
   * Calls `watcher` after every create, update and delete, and after every request (a status that
   * settles on a read changes without an update): the data plane follows the control plane so.
   */
  watch(watcher: (change?: Change) => void): void {
    this.watchers.push(watcher);
  }

  private record(change: Change): void {
    this.changes.push(change);
    for (const watcher of this.watchers) watcher(change);
  }

  get(kind: string, id: string): LabRecord | undefined {
    return this.table(kind).get(id);
  }

  /** A record that must exist; otherwise the error the API answers for its id. */
  must(kind: string, id: string, notFound: () => ApiError): LabRecord {
    const r = this.get(kind, id);
    if (!r) throw notFound();
    return r;
  }

  list(kind: string): LabRecord[] {
    return [...this.table(kind).values()];
  }

  create(kind: string, id: string, record: LabRecord): LabRecord {
    this.table(kind).set(id, record);
    this.record({ seq: ++this.seq, kind, id, op: "create", record: structuredClone(record) });
    return record;
  }

  update(kind: string, id: string, patch: LabRecord): LabRecord {
    const current = this.get(kind, id);
    if (!current) throw new Error(`no ${kind} ${id}`);
    Object.assign(current, patch);
    this.record({ seq: ++this.seq, kind, id, op: "update", record: structuredClone(current) });
    return current;
  }

  delete(kind: string, id: string): void {
    const current = this.get(kind, id);
    if (!current) return;
    this.table(kind).delete(id);
    this.record({ seq: ++this.seq, kind, id, op: "delete", record: structuredClone(current) });
    this.hidden.delete(`${kind}\0${id}`);
  }

  /** Everything held, by kind: what GET /_lab/state returns. */
  snapshot(): Record<string, LabRecord[]> {
    return Object.fromEntries([...this.tables.entries()].filter(([, t]) => t.size > 0).map(([k, t]) => [k, [...t.values()]]));
  }

  logRequest(entry: Omit<LoggedRequest, "seq" | "at" | "params"> & { params: Record<string, unknown> }): LoggedRequest {
    const params = Object.fromEntries(Object.entries(entry.params).filter(([k]) => !SECRET_PARAMS.test(k)));
    const logged: LoggedRequest = { ...entry, params, seq: ++this.seq, at: new Date().toISOString() };
    this.requests.push(logged);
    // After the handler has run (settle() may move a status on a read).
    queueMicrotask(() => this.watchers.forEach((watcher) => watcher()));
    return logged;
  }

  inject(fault: Omit<InjectedFault, "status" | "times"> & { status?: number; times?: number }): void {
    this.faults.push({ status: 400, times: 1, ...fault });
  }

  /** Throws the injected error a call should get, if any, consuming it. */
  takeFault(product: string, action: string, params: Readonly<Record<string, unknown>>): void {
    const fault = this.faults.find(
      (f) =>
        f.times > 0 &&
        f.product === product &&
        f.action === action &&
        Object.entries(f.match ?? {}).every(([k, v]) => String(params[k]) === v),
    );
    if (!fault) return;
    fault.times -= 1;
    throw new ApiError(fault.code, fault.message, fault.status);
  }
}

const ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789";

/** A random id in the cloud's shape: a prefix and lowercase letters and digits (e.g. `vpc-bp1` + 18). */
export function newId(prefix: string, length: number): string {
  const bytes = randomBytes(length);
  return prefix + [...bytes].map((b) => ID_CHARS[b % ID_CHARS.length]).join("");
}

export function requestId(): string {
  const hex = randomBytes(16).toString("hex").toUpperCase();
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * A status that settles, as the provider's waiters expect: the record keeps its transitional value
 * for the first `reads` reads after a change, then shows `final` (e.g. a VPC "Pending" once, then
 * "Available"). Short, but the waiter's poll loop really runs. Bookkeeping lives under `_settle`.
 */
export function settle(record: LabRecord, field: string): unknown {
  const pending = (record._settle ?? {}) as Record<string, { final: unknown; left: number }>;
  const entry = pending[field];
  if (!entry) return record[field];
  if (entry.left <= 0) {
    record[field] = entry.final;
    delete pending[field];
  } else entry.left -= 1;
  record._settle = pending;
  return record[field];
}

/** Puts `field` in `transitional` now, to become `final` after `reads` reads (see settle). */
export function startTransition(record: LabRecord, field: string, transitional: unknown, final: unknown, reads = 1): void {
  record[field] = transitional;
  record._settle = { ...((record._settle ?? {}) as object), [field]: { final, left: reads } };
}
