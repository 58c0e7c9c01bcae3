// The one collector of problems: the stack config, the certificate checks and the instance renderers
// all report through it, so every check can run and a user sees every problem at once rather than
// one per attempt. Messages keep their order; the same message is kept once.

export class Problems {
  private readonly errorSet = new Set<string>();
  private readonly warningSet = new Set<string>();
  private readonly notCheckedSet = new Set<string>();

  /** A problem that stops the stack. */
  error(message: string): void {
    this.errorSet.add(message);
  }

  /** A problem worth reading that does not stop the stack. */
  warning(message: string): void {
    this.warningSet.add(message);
  }

  /** An error when `strict` (a prod stack), a warning otherwise. */
  errorIf(strict: boolean, message: string): void {
    if (strict) this.error(message);
    else this.warning(message);
  }

  /** A check that could not run, e.g. because the offline plan cannot read a secret. */
  notChecked(message: string): void {
    this.notCheckedSet.add(message);
  }

  /** Everything another collector found, kept in its categories. */
  addAll(other: Problems): void {
    other.errors.forEach((m) => this.error(m));
    other.warnings.forEach((m) => this.warning(m));
    other.checksNotRun.forEach((m) => this.notChecked(m));
  }

  get errors(): string[] {
    return [...this.errorSet];
  }

  /** A message that is already an error is not repeated as a warning. */
  get warnings(): string[] {
    return [...this.warningSet].filter((message) => !this.errorSet.has(message));
  }

  get checksNotRun(): string[] {
    return [...this.notCheckedSet];
  }

  /** Throws one Error listing every error under `heading` ("invalid nginx options:", in the run's language). */
  throwIfErrors(heading: string): void {
    if (this.errorSet.size === 0) return;
    throw new Error(`${heading}\n  - ${this.errors.join("\n  - ")}`);
  }
}
