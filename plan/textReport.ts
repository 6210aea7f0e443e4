/**
 * The plan as text for a terminal: the resource tree like `pulumi preview`, counts by type, one table per
 * VNet, the pack's findings by level, and where the time went. What it leaves out to be read at a glance (full
 * type names of the counts, FQDNs, each endpoint's own zones, the path of an ok resolution) is in `--json`.
 */
import { urnParts, type Finding } from "./findings";
import type { ManagedNetworkTable } from "./managedNetworkTables";
import type { PlanDocument } from "./plan";
import { diffText, stepCounts, stepOf, type ResourceChange, type StepOp } from "./planChanges";
import type { ResolutionRow } from "./resolutionTable";
import { compareText } from "./topologyText";
import { escapedCharacter, isUnsafeCharacter } from "./unsafeCharacters";
import type { EndpointRow, VnetTable, ZoneCell } from "./vnetTables";

/**
 * The widest line the report prints: messages wrap, and wide tables split into blocks that fit. A tree line's
 * Info (a resource's diff) is the exception: it stays whole on the resource's line.
 */
export const reportWidth = 120;

/** `text` made inert for a terminal: every unsafe character (unsafeCharacters.ts) as `\uXXXX`. */
export function inert(text: string): string {
  let out = "";
  for (const c of text) {
    const code = c.codePointAt(0)!;
    out += isUnsafeCharacter(code) ? escapedCharacter(code) : c;
  }
  return out;
}

/** `text` cut into pieces of at most `max` characters, after a `.`, `/`, `-` or `,` where one is near the end. */
function pieces(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const soft = Math.max(...[".", "/", "-", ","].map((c) => rest.lastIndexOf(c, max - 1)));
    const at = soft >= max / 2 ? soft + 1 : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at);
  }
  return [...out, rest];
}

/** `text` on lines of at most `width` columns, each after `indent`; a word longer than a line is cut. */
export function wrapped(text: string, indent: string, width = reportWidth): string[] {
  const room = Math.max(20, width - indent.length);
  const lines: string[] = [];
  let line = "";
  for (const word of inert(text).split(" ")) {
    if (line !== "" && line.length + 1 + word.length > room) {
      lines.push(line);
      line = "";
    }
    const parts = pieces(line === "" ? word : `${line} ${word}`, room);
    lines.push(...parts.slice(0, -1));
    line = parts[parts.length - 1];
  }
  lines.push(line);
  return lines.map((l) => indent + l);
}

/** Rows laid out padded to their widest cell; the last column is not padded. */
function laidOut(rows: string[][], indent: string): string[] {
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

/** Column indexes in blocks that fit `room` side by side, each block starting with the key column 0. */
function columnBlocks(widths: number[], room: number): number[][] {
  const blocks: number[][] = [];
  let block = [0];
  let used = widths[0];
  for (let i = 1; i < widths.length; i++) {
    if (block.length > 1 && used + 2 + widths[i] > room) {
      blocks.push(block);
      block = [0];
      used = widths[0];
    }
    block.push(i);
    used += 2 + widths[i];
  }
  return [...blocks, block];
}

/**
 * Columns padded to their widest cell, every cell made inert. A table wider than the report is printed as
 * blocks of columns that fit, each repeating the first (key) column; a cell still too wide is cut into lines.
 */
function columns(table: string[][], indent = ""): string[] {
  const rows = table.map((r) => r.map(inert));
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? "").length)));
  const room = reportWidth - indent.length;
  if (widths.reduce((a, b) => a + b + 2, -2) <= room) return laidOut(rows, indent);
  return columnBlocks(widths, room).flatMap((cols, b) => {
    // A block is wider than the room only when one column alone is: cut the key to a third, that column to the rest.
    const fits = cols.reduce((sum, i) => sum + widths[i] + 2, -2) <= room;
    const keyWidth = fits ? widths[0] : Math.min(widths[0], Math.floor(room / 3));
    const cellWidth = fits ? Infinity : room - keyWidth - 2;
    const lines = rows.flatMap((r) => {
      const cells = cols.map((i, k) => pieces(r[i] ?? "", k === 0 ? keyWidth : cellWidth));
      const height = Math.max(...cells.map((c) => c.length));
      // A line of a taller row that has nothing in this block's columns is left out.
      return Array.from({ length: height }, (_, h) => cells.map((c) => c[h] ?? "")).filter((line) =>
        line.some((c) => c !== ""),
      );
    });
    return [...(b > 0 ? [""] : []), ...laidOut(lines, indent)];
  });
}

/** How `pulumi preview` marks each step. */
const stepSymbols: Record<StepOp, string> = {
  create: "+",
  update: "~",
  replace: "+-",
  delete: "-",
  same: " ",
};

function infoOf(change: ResourceChange, protect: boolean): string {
  return [protect ? "protected" : "", diffText(change)].filter(Boolean).join(" ");
}

/**
 * The tree's rows, each resource's Info (protected, its diff) whole on the resource's own line, as `pulumi preview`
 * prints it — the one part of the report that may run past its width, since a diff read away from its resource
 * is misread. Only a tree whose names alone are wider than the report falls back to blocks of columns.
 */
function treeLines(table: string[][]): string[] {
  const named = columns(
    table.map((r) => r.slice(0, -1)),
    " ",
  );
  if (named.length !== table.length) return columns(table, " ");
  const at = Math.max(...named.map((l) => l.length)) + 2;
  return named.map((line, i) => {
    const info = inert(table[i][table[i].length - 1]);
    return info === "" ? line : line.padEnd(at) + info;
  });
}

function treeSection(doc: PlanDocument): string[] {
  const rows = doc.resources.map((r) => {
    const change = stepOf(doc.changes, r.urn);
    return [stepSymbols[change.op], r.prefix + r.type, r.name, change.op, infoOf(change, r.protect)];
  });
  const deleted = (doc.changes?.deleted ?? []).map((r) => [
    stepSymbols.delete,
    r.type,
    r.name,
    "delete",
    r.protect ? "protected" : "",
  ]);
  return [
    inert(
      `Previewing ${doc.mode === "preview" ? "preview" : "update"} (${doc.stack}) of project ${doc.project}, offline on the fake Azure:`,
    ),
    "",
    ...treeLines([[" ", "Type", "Name", "Plan", "Info"], ...rows, ...deleted]),
    "",
    ...countsLines(doc),
    ...changesSection(doc),
  ];
}

/** A type by its own name (`PrivateEndpoint`), or whole where two types of the plan share that name. */
function typeLabels(types: readonly string[]): Map<string, string> {
  const own = (type: string) => type.slice(type.lastIndexOf(":") + 1);
  const uses = new Map<string, number>();
  for (const type of types) uses.set(own(type), (uses.get(own(type)) ?? 0) + 1);
  return new Map(types.map((type) => [type, uses.get(own(type)) === 1 ? own(type) : type]));
}

/**
 * `head` then `items` separated by commas, on lines of the report's width after `indent`, the lines after the first
 * indented two more; an item is never split across lines unless it is wider than a line.
 */
function listLines(head: string, items: readonly string[], indent: string): string[] {
  const hanging = `${indent}  `;
  const room = reportWidth - hanging.length;
  const lines: string[] = [];
  let line = inert(head);
  items.forEach((item, i) => {
    const piece = inert(item) + (i < items.length - 1 ? "," : "");
    if (line.length + 1 + piece.length <= room) line = `${line} ${piece}`;
    else {
      lines.push(line);
      line = piece;
    }
  });
  return [...lines, line].flatMap((l, i) => wrapped(l, i === 0 ? indent : hanging));
}

/**
 * The counts by type on a few lines, most numerous first (the tree names every resource; `--json` and the page keep
 * the full type of each count).
 */
function countsLines(doc: PlanDocument): string[] {
  const labels = typeLabels(Object.keys(doc.counts.byType));
  const counts = Object.entries(doc.counts.byType)
    .sort(([a, n], [b, m]) => m - n || compareText(labels.get(a)!, labels.get(b)!))
    .map(([type, n]) => `${n} ${labels.get(type)!}`);
  return listLines(
    `Resources by type, ${doc.counts.total} ${doc.changes ? "in all" : "to create"}:`,
    counts,
    "",
  );
}

/** With a state file: the steps by kind, changed outputs, the engine's errors and what became of the state. */
function changesSection(doc: PlanDocument): string[] {
  const changes = doc.changes;
  if (!changes) return [];
  const counts = stepCounts(changes);
  const count = (op: StepOp) => counts[op];
  const summary = (["create", "update", "replace", "delete"] as const)
    .filter((op) => count(op) > 0)
    .map((op) => `${stepSymbols[op].padEnd(2)} ${count(op)} to ${op}`);
  const source = changes.fromState
    ? `against the state in ${changes.stateFile}`
    : `first plan of the stack: no state in ${changes.stateFile} yet`;
  const kept = changes.kept
    ? `kept in ${changes.stateFile} for the next plan`
    : `${changes.stateFile} left as it was (${doc.mode === "preview" ? "a preview" : "the plan failed"})`;
  return [
    "",
    ...wrapped(`Changes (${source}):`, ""),
    ...(summary.length > 0 ? summary.map((l) => `    ${l}`) : ["    no changes"]),
    `    ${count("same")} unchanged`,
    ...(changes.outputs.length > 0 ? wrapped(`outputs changed: ${changes.outputs.join(", ")}`, "    ") : []),
    ...changes.blocked.flatMap((b) => wrapped(`error: ${b.split("\n").join(" ")}`, "    ")),
    ...wrapped(kept, "    "),
  ];
}

export function linkedText(linked: ZoneCell["linked"]): string {
  return typeof linked === "string" ? linked : linked ? "yes" : "NO";
}

/** How the zones of a VNet's endpoints stand against it, in this order: each state's words. */
const zoneStates: readonly (readonly [ZoneCell["linked"], string])[] = [
  [true, "zones linked to this VNet:"],
  [false, "zones NOT linked to this VNet:"],
  ["unknown", "zones whose links to this VNet are unknown at preview:"],
  ["external", "zones managed outside the stack:"],
  ["n/a", "zones not asked (this VNet resolves through a DNS server in another VNet):"],
];

/**
 * The zones the VNet's endpoints write into, by whether each is linked to the VNet (a link joins a zone and a VNet,
 * whichever endpoint writes there); each endpoint's own zones are in `--json` and on the page.
 */
function zoneLines(rows: readonly EndpointRow[]): string[] {
  return zoneStates.flatMap(([state, words]) => {
    const zones = [
      ...new Set(rows.flatMap((r) => r.zones.filter((z) => z.linked === state).map((z) => z.zone))),
    ];
    return zones.length ? listLines(words, zones, "    ") : [];
  });
}

/**
 * `items` joined by ", " on as few lines of at most `room` characters as they fit, each line but the last ending
 * with the comma (an item is never split).
 */
function packed(items: readonly string[], room: number): string[] {
  const lines: string[] = [];
  for (const item of items) {
    const last = lines.length - 1;
    if (last >= 0 && lines[last].length + 3 + item.length <= room) lines[last] += `, ${item}`;
    else lines.push(item);
  }
  return lines.map((line, i) => (i < lines.length - 1 ? `${line},` : line));
}

/**
 * The endpoints, one line each (target, group ids, private IPs; their FQDNs are in `--json` and on the page).
 * Where the IPs would run past the report's width, they go on under their column; only names too wide for that
 * fall back to blocks of columns.
 */
function endpointLines(rows: readonly EndpointRow[]): string[] {
  const indent = "    ";
  const header = ["endpoint", "target", "group id", "private IP"];
  const keys = rows.map((r) => [r.endpoint, r.targets.join(", "), r.groupIds.join(", ")].map(inert));
  const widths = [0, 1, 2].map((i) => Math.max(header[i].length, ...keys.map((k) => k[i].length)));
  const room = reportWidth - indent.length - widths.reduce((sum, w) => sum + w + 2, 0);
  // Azure assigns addresses on creation: none yet at preview.
  const ips = rows.map((r) =>
    r.privateIps.length ? packed(r.privateIps.map(inert), Math.max(room, header[3].length)) : ["unknown"],
  );
  const lines = rows.flatMap((_, i) =>
    ips[i].map((cell, h) => [...(h === 0 ? keys[i] : ["", "", ""]), cell]),
  );
  return columns([header, ...lines], indent);
}

/**
 * A VNet's endpoints, one line each, the zones they write into by link, then how each name the workspace needs
 * resolves from it.
 */
export function vnetSection(table: VnetTable): string[] {
  const title = inert(
    `VNet ${table.vnet}${table.addressPrefixes.length ? ` (${table.addressPrefixes.join(", ")})` : ""}${table.rows.length === 0 ? ": no private endpoints" : ""}`,
  );
  const endpoints = table.rows.length === 0 ? [] : [...endpointLines(table.rows), ...zoneLines(table.rows)];
  const resolution = resolutionLines(table.resolution);
  // A blank line parts the resolution from the endpoint table above it.
  return [title, ...endpoints, ...(endpoints.length && resolution.length ? [""] : []), ...resolution];
}

const verdictMarks: Record<ResolutionRow["status"], string> = {
  ok: "ok",
  broken: "BROKEN",
  unknown: "unknown",
};

/**
 * How each name the workspace needs resolves from the VNet, a line each: the verdict, the name, the answer and the
 * route. The path in words follows only a row that is not ok, where it says what to fix (`--json` keeps every path).
 */
function resolutionLines(rows: readonly ResolutionRow[]): string[] {
  if (rows.length === 0) return [];
  return [
    "    name resolution from this VNet:",
    ...rows.flatMap((r) => [
      ...wrapped(
        `${verdictMarks[r.status]}  ${r.name} (${r.target}, ${r.groupId})${r.ip ? ` -> ${r.ip}` : ""}${r.route ? `, ${r.route}` : ""}`,
        "      ",
      ),
      ...(r.status === "ok" ? [] : wrapped(r.via, "          ")),
    ]),
  ];
}

export function managedNetworkSection(table: ManagedNetworkTable): string[] {
  const firewall = table.firewallSku
    ? `, firewall ${table.firewallSku}${table.firewallPublicIpAddress ? ` (${table.firewallPublicIpAddress})` : ""}`
    : ", no firewall";
  const status = table.status ? `, ${table.status}` : "";
  const title = inert(`Managed network of ${table.workspace}: ${table.isolationMode}${firewall}${status}`);
  if (table.rules.length === 0) return [title, "    no outbound rules"];
  const header = ["rule", "type", "destination", "made by", "status"];
  const rows = table.rules.map((r) => [r.name, r.type, r.destination, r.madeBy, r.status ?? "unknown"]);
  return [title, ...columns([header, ...rows], "    ")];
}

function findingLines(level: string, finding: Finding): string[] {
  return [
    ...wrapped(`[${level}] ${finding.policy}  (${finding.type}: ${finding.name})`, "    "),
    ...finding.message.split("\n").flatMap((l) => wrapped(l, "        ")),
  ];
}

/** The program's warnings, as `pulumi preview` lists them under its diagnostics, each with its resource. */
function warningsSection(doc: PlanDocument): string[] {
  if (!doc.warnings?.length) return [];
  return [
    `Warnings (${doc.warnings.length}):`,
    ...doc.warnings.flatMap((w) =>
      wrapped(
        `warning: ${w.message}${w.urn ? ` (${urnParts(w.urn).type} ${urnParts(w.urn).name})` : ""}`,
        "    ",
      ),
    ),
    "",
  ];
}

export function findingsSection(doc: PlanDocument): string[] {
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
    ...warningsSection(doc),
    ...findingsSection(doc),
    "",
    timingLine(doc),
    "",
  ].join("\n");
}
