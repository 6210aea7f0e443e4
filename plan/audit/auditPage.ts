/**
 * The audit's page: the plan's page (the same picture, findings, VNet tables and escaping) with the words
 * that describe a program run replaced by the audit's — one table of phrases. A test checks that none of the
 * plan's words is left, so a change of the plan's page that this table misses fails there.
 */
import { escapeHtml, htmlReport } from "../htmlReport";
import { subscriptionsLabel, type AuditDocument } from "./auditEstate";

export function auditPage(doc: AuditDocument, svg: string): string {
  const title = escapeHtml(`Audit of ${subscriptionsLabel(doc.estate.subscriptions)}`);
  const phrases: [plan: string, audit: string][] = [
    [escapeHtml(`Plan of stack ${doc.stack} (project ${doc.project})`), title],
    ["pulumi preview would pass", "the estate passes"],
    ["pulumi preview would fail", "the estate fails"],
    ["why the stack is blocked", "why the estate fails"],
    [
      `Offline ${escapeHtml(doc.mode)} on the fake Azure: `,
      "Offline audit of an Azure Resource Graph export: ",
    ],
    [" resources to create.", " resources read."],
    // The resource table's plan column: every resource is read, none is created.
    ["<th>plan</th>", "<th>state</th>"],
    ['<td data-label="plan">create</td>', '<td data-label="state">read</td>'],
    ["total to create", "total read"],
  ];
  return phrases.reduce((page, [plan, audit]) => page.split(plan).join(audit), htmlReport(doc, svg));
}
