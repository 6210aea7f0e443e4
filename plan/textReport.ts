/**
 * The plan as text for a terminal: the resource tree like `pulumi preview`, counts by type, one table per
 * VNet, the pack's findings by level, and where the time went.
 */
import type { Finding } from "./findings";
import type { ManagedNetworkTable } from "./managedNetworkTables";
import type { PlanDocument } from "./plan";
import type { EndpointRow, VnetTable, ZoneCell } from "./vnetTables";

/** Columns padded to their widest cell; the last column is not padded. */
function columns(rows: string[][], indent = ""): string[] {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  return rows.map(
    (r) =>
      indent +
      r
        .map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i])))
        .join("  ")
        .trimEnd(),
  );
}

function treeSection(doc: PlanDocument): string[] {
  const rows = doc.resources.map((r) => [
    "+",
    r.prefix + r.type,
    r.name,
    "create",
    r.protect ? "protected" : "",
  ]);
  const counts = Object.entries(doc.counts.byType).map(([type, n]) => [String(n).padStart(5), type]);
  return [
    `Previewing ${doc.mode === "preview" ? "preview" : "update"} (${doc.stack}) of project ${doc.project}, offline on the fake Azure:`,
    "",
    ...columns([[" ", "Type", "Name", "Plan", "Info"], ...rows], " "),
    "",
    "Resources by type:",
    ...columns([...counts, [String(doc.counts.total).padStart(5), "total to create"]], ""),
  ];
}

export function linkedText(linked: ZoneCell["linked"]): string {
  return typeof linked === "string" ? linked : linked ? "yes" : "NO";
}

/** An endpoint over as many lines as it has FQDNs or zones. */
function endpointLines(row: EndpointRow): string[][] {
  const height = Math.max(1, row.dns.length, row.zones.length, row.targets.length);
  return Array.from({ length: height }, (_, i) => [
    i === 0 ? row.endpoint : "",
    row.targets[i] ?? "",
    i === 0 ? row.groupIds.join(", ") : "",
    // Azure assigns addresses on creation: none yet at preview.
    row.dns[i]?.ipAddresses.join(", ") ?? (i === 0 ? "unknown" : ""),
    row.dns[i]?.fqdn ?? "",
    row.zones[i]?.zone ?? "",
    row.zones[i] ? linkedText(row.zones[i].linked) : "",
  ]);
}

function vnetSection(table: VnetTable): string[] {
  const title = `VNet ${table.vnet}${table.addressPrefixes.length ? ` (${table.addressPrefixes.join(", ")})` : ""}`;
  if (table.rows.length === 0) return [title, "    no private endpoints"];
  const header = ["endpoint", "target", "group id", "private IP", "FQDN", "zone", "linked"];
  return [title, ...columns([header, ...table.rows.flatMap(endpointLines)], "    ")];
}

function managedNetworkSection(table: ManagedNetworkTable): string[] {
  const firewall = table.firewallSku
    ? `, firewall ${table.firewallSku}${table.firewallPublicIpAddress ? ` (${table.firewallPublicIpAddress})` : ""}`
    : ", no firewall";
  const status = table.status ? `, ${table.status}` : "";
  const title = `Managed network of ${table.workspace}: ${table.isolationMode}${firewall}${status}`;
  if (table.rules.length === 0) return [title, "    no outbound rules"];
  const header = ["rule", "type", "destination", "made by", "status"];
  const rows = table.rules.map((r) => [r.name, r.type, r.destination, r.madeBy, r.status ?? "unknown"]);
  return [title, ...columns([header, ...rows], "    ")];
}

function findingLines(level: string, finding: Finding): string[] {
  return [
    `    [${level}] ${finding.policy}  (${finding.type}: ${finding.name})`,
    ...finding.message.split("\n").map((l) => `        ${l}`),
  ];
}

function findingsSection(doc: PlanDocument): string[] {
  if (!doc.policyPack) return ["Policies: none checked (--no-policy-pack)"];
  const { mandatory, advisory } = doc.findings;
  const pack = `${doc.policyPack.name}@v${doc.policyPack.version}`;
  if (mandatory.length + advisory.length === 0) return [`Policies: ${pack} reported no violations`];
  return [
    `Policy violations (${pack}):`,
    `  Mandatory: ${mandatory.length}`,
    ...mandatory.flatMap((f) => findingLines("mandatory", f)),
    `  Advisory: ${advisory.length}`,
    ...advisory.flatMap((f) => findingLines("advisory", f)),
  ];
}

function timingLine(doc: PlanDocument): string {
  const t = doc.timings;
  const ms = (n: number) => `${Math.round(n)} ms`;
  const pack = doc.policyPack
    ? `, policy pack start ${ms(t.packStartMs)} (concurrent)` +
      `${t.packCompileMs ? `, pack transpile ${ms(t.packCompileMs)}` : ""}, policies ${ms(t.policyMs)}`
    : "";
  return `Planned in ${ms(t.totalMs)}: program ${ms(t.programMs)}${pack}`;
}

export function textReport(doc: PlanDocument): string {
  const vnets = doc.vnets.length ? doc.vnets.flatMap((t) => ["", ...vnetSection(t)]) : ["", "No VNets."];
  const managed = doc.managedNetworks.flatMap((t) => ["", ...managedNetworkSection(t)]);
  return [
    ...treeSection(doc),
    ...vnets,
    ...managed,
    "",
    ...findingsSection(doc),
    "",
    timingLine(doc),
    "",
  ].join("\n");
}
