// The list of benchmarks `npm run bench` runs. Each module prints its own figures and targets.
export interface Bench {
  /** Short name, selectable with `npm run bench -- <name>`. */
  readonly name: string;
  /** What it measures, one line. */
  readonly title: string;
  readonly run: () => Promise<void>;
}

export const benches: Bench[] = [];
