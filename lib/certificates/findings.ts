// Collects messages in the order the checks run; the same message is kept once.

export class Findings {
  private readonly errorSet = new Set<string>();
  private readonly warningSet = new Set<string>();

  error(message: string): void {
    this.errorSet.add(message);
  }

  warning(message: string): void {
    this.warningSet.add(message);
  }

  /** An error in strict (prod) stacks, a warning elsewhere. */
  strictError(strict: boolean, message: string): void {
    if (strict) this.error(message);
    else this.warning(message);
  }

  get errors(): string[] {
    return [...this.errorSet];
  }

  /** A message that is already an error is not repeated as a warning. */
  get warnings(): string[] {
    return [...this.warningSet].filter((message) => !this.errorSet.has(message));
  }
}
