/**
 * The audit as text: what was read (subscriptions, files, resources by type, what the export lacks), then the
 * plan's own sections — one table per VNet with its resolution rows, the managed networks, the findings.
 */
import { findingsSection, inert, managedNetworkSection, vnetSection, wrapped } from "../textReport";
import { subscriptionsLabel, type AuditDocument } from "./auditEstate";

function estateSection(doc: AuditDocument): string[] {
  const e = doc.estate;
  const byType = Object.entries(doc.counts.byType).map(([type, n]) => `${String(n).padStart(7)} ${type}`);
  const skipped = Object.entries(e.skipped).map(([type, n]) => `${String(n).padStart(7)} ${type}`);
  return [
    inert(`Audit of ${subscriptionsLabel(e.subscriptions)}, offline from an Azure Resource Graph export:`),
    ...wrapped(`files: ${e.files.join(", ")}`, "  "),
    `  ${e.resources} resources read${e.dnsRecords ? `, ${e.dnsRecords} private DNS record sets (counted, not modelled)` : ""}:`,
    ...byType.map(inert),
    ...(skipped.length ? ["  rows of types the audit does not read:", ...skipped.map(inert)] : []),
    ...(e.notes.length ? ["  Not in the export:", ...e.notes.flatMap((n) => wrapped(`- ${n}`, "    "))] : []),
  ];
}

function timingLine(doc: AuditDocument): string {
  const t = doc.timings;
  const ms = (n: number) => `${Math.round(n)} ms`;
  return `Audited in ${ms(t.totalMs)}: reading ${ms(t.programMs)}, policy pack start ${ms(t.packStartMs)}, policies ${ms(t.policyMs)}`;
}

export function auditText(doc: AuditDocument): string {
  const vnets = doc.vnets.length ? doc.vnets.flatMap((t) => ["", ...vnetSection(t)]) : ["", "No VNets."];
  const managed = doc.managedNetworks.flatMap((t) => ["", ...managedNetworkSection(t)]);
  return [
    ...estateSection(doc),
    ...vnets,
    ...managed,
    "",
    ...findingsSection(doc),
    "",
    timingLine(doc),
    "",
  ].join("\n");
}
