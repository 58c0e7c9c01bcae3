// For the engine suite: the emulator and a stack run by the real CLI against it, cleaned up after.
import { startCloudLab, type CloudLab } from "../../tools/cloudlab";
import { LabStack, type LabStackOptions, type PulumiResult } from "../../tools/realEngine/labStack";

export type { CloudLab, LabStack, PulumiResult };

/** Starts the emulator, builds the stack, runs `use`, then removes both, whatever happened. */
export async function withLabStack<T>(
  options: Omit<LabStackOptions, "lab"> & { readonly dnsZones?: readonly string[] },
  use: (stack: LabStack, lab: CloudLab) => Promise<T>,
): Promise<T> {
  const lab = await startCloudLab({ dnsZones: options.dnsZones });
  let stack: LabStack | undefined;
  try {
    stack = await LabStack.create({ ...options, lab });
    return await use(stack, lab);
  } finally {
    stack?.dispose();
    await lab.stop();
  }
}

/** The parsed `--json` output of a preview or update (the CLI prints one JSON document). */
export function jsonOutput<T = Record<string, unknown>>(result: PulumiResult): T {
  const start = result.stdout.indexOf("{");
  if (start < 0) throw new Error(`no JSON in the CLI's output:\n${result.stdout}\n${result.stderr}`);
  return JSON.parse(result.stdout.slice(start)) as T;
}

/** The error and warning lines of a CLI run, for a failure message that shows why. */
export function problems(result: PulumiResult): string {
  return `${result.stdout}\n${result.stderr}`
    .split("\n")
    .filter((line) => /error|warning|failed/i.test(line))
    .join("\n");
}

/** Fails the test with the CLI's own account of what went wrong when a run did not succeed. */
export function expectSuccess(result: PulumiResult, what: string): void {
  if (result.code !== 0)
    throw new Error(`${what} failed (exit ${result.code}):\n${problems(result)}\n--- full output ---\n${result.stdout}\n${result.stderr}`);
}
