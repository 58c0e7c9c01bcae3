// Human output: one line per check, then a one-line summary.
import { Report } from "./types";

const ID_WIDTH = 21;

export function formatReport(report: Report): string {
  const lines = report.checks.map((c) => {
    const label = c.ok ? "PASS" : "FAIL";
    const note = c.ok && c.note ? "note: " : "";
    return `${label} ${c.id.padEnd(ID_WIDTH)} ${note}${c.detail}`;
  });
  const failed = report.checks.filter((c) => !c.ok).map((c) => c.id);
  const took = `${(report.durationMs / 1000).toFixed(1)} s`;
  lines.push(
    failed.length === 0
      ? `all ${report.checks.length} checks passed for ${report.url} (${took})`
      : `${failed.length} of ${report.checks.length} checks failed for ${report.url}: ${failed.join(", ")} (${took})`,
  );
  return lines.join("\n") + "\n";
}
