/**
 * What an export lacks that the verdicts depend on, said once each: pages of the query not given (fewer rows
 * than its `total_records`), and companion files not given while their parents are there (ARG's `resources`
 * table has no zone groups, computes, forwarding rules or ruleset links). Without them the pack judges those
 * parents as having none — a finding to confirm with the companion file, never a pass.
 */
import type { ArgExport } from "./argExport";
import { argTypes } from "./argTypes";

export function estateNotes(exported: ArgExport): string[] {
  const notes: string[] = [];
  const counts = new Map<string, number>();
  for (const row of exported.rows.values()) counts.set(row.type, (counts.get(row.type) ?? 0) + 1);
  const total = Math.max(0, ...exported.pages.map((p) => p.totalRecords ?? 0));
  const paged = exported.pages.reduce((n, p) => n + p.rows, 0);
  if (paged < total)
    notes.push(
      `the export holds ${paged} of the ${total} rows its query matched: pages are missing (run the query again with --skip-token for each page)`,
    );
  for (const [type, { companion }] of Object.entries(argTypes)) {
    if (!companion || (counts.get(type) ?? 0) > 0) continue;
    const parents = counts.get(companion.parent) ?? 0;
    if (parents === 0) continue;
    notes.push(
      `${parents} ${companion.parent.split("/").pop()} and no ${companion.noun} in the input: ` +
        `ARG's resources table lacks them; give the file of their az rest GETs (…/${companion.path}?api-version=${companion.apiVersion}), ` +
        `or read the findings about ${companion.noun} as unconfirmed`,
    );
  }
  return notes;
}
