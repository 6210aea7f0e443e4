/**
 * The plan as one self-contained HTML page: the verdict and each mandatory finding first (linked to its node
 * in the picture), the topology picture inline (SVG, scaled to the page's width; a checkbox shows it at full
 * size, scrolled), the pack's findings by level with their messages, one table per VNet, and the resource tree
 * with counts by type. Everything is in the page — no script, font, style sheet or image is loaded from
 * anywhere — so it opens offline in any browser; every text from the stack is escaped (control characters
 * shown), and tables reflow as labelled rows on narrow screens.
 */
import { urnParts, type Finding } from "./findings";
import type { PlanDocument } from "./plan";
import { diffText, stepOf, stepsText } from "./planChanges";
import { linkedText } from "./textReport";
import { findingMarks, type FindingLevel } from "./topology";
import { nodeAnchors } from "./topologySvg";
import { xmlText } from "./topologyText";
import type { ResolutionRow } from "./resolutionTable";
import type { VnetTable } from "./vnetTables";

/** Text as HTML: markup characters written as entities, control characters as their visible pictures. */
export function escapeHtml(text: string): string {
  return xmlText(text);
}

/** A cell of several lines. */
function lines(values: readonly string[], each: (text: string) => string = escapeHtml): string {
  return values.map(each).join("<br>");
}

/**
 * A DNS name or ARM id as HTML that may break after its dots and slashes only, between its labels: the cell
 * breaks between words, never inside one (see the style's `overflow-wrap`).
 */
function breakable(text: string): string {
  let out = "";
  for (const c of escapeHtml(text)) out += c === "." || c === "/" ? `${c}<wbr>` : c;
  return out;
}

/** Text that never breaks: an IP address, a verdict. */
function unbroken(text: string): string {
  return `<span class="nowrap">${escapeHtml(text)}</span>`;
}

/** A cell's HTML, or its HTML with a class. */
type Cell = string | { html: string; className: string };

function table(
  headers: readonly string[],
  rows: readonly Cell[][],
  caption?: string,
  className?: string,
): string {
  const head = headers.map((h) => `<th>${escapeHtml(h)}</th>`).join("");
  // Each cell names its column, which narrow screens show beside the value (see the style's media query).
  const cell = (c: Cell, i: number) => {
    const label = `data-label="${escapeHtml(headers[i] ?? "")}"`;
    return typeof c === "string"
      ? `<td ${label}>${c}</td>`
      : `<td ${label} class="${c.className}">${c.html}</td>`;
  };
  const body = rows.map((r) => `<tr>${r.map(cell).join("")}</tr>`).join("\n");
  return `<table${className ? ` class="${className}"` : ""}>${caption ? `<caption>${caption}</caption>` : ""}<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody></table>`;
}

const style = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Helvetica, Arial, sans-serif; margin: 1em 2em; color: #1f2328; }
h1 { font-size: 1.4em; margin: 0 0 .4em; } h2 { border-bottom: 1px solid #d0d7de; padding-bottom: .2em; margin-top: 2em; }
h2#topology { margin-top: .6em; font-size: 1.2em; }
nav a { margin-right: 1em; }
table { border-collapse: collapse; margin: .8em 0 1.6em; }
caption { text-align: left; font-weight: 600; padding: .3em 0; }
th, td { border: 1px solid #d0d7de; padding: .25em .6em; text-align: left; vertical-align: top; }
th { background: #f6f8fa; }
td.tree { font-family: ui-monospace, Menlo, Consolas, monospace; white-space: pre; }
pre { margin: 0; white-space: pre-wrap; font: inherit; }
.picture { overflow: auto; border: 1px solid #d0d7de; padding: .5em; }
.picture svg { display: block; width: 100%; height: auto; }
h2:has(#actual-size:checked) + .picture svg { width: auto; }
.zoom { font-size: .9em; color: #57606a; }
.mandatory { color: #c62828; } .advisory { color: #b45309; } .ok { color: #2e7d32; } .none { color: #57606a; }
.blocking { border-left: 4px solid #c62828; background: #fdecea; padding: .4em .8em; margin: .6em 0; }
.blocking ul, .warnings ul { margin: .3em 0; padding-left: 1.2em; }
.warnings { border-left: 4px solid #b45309; background: #fff8e1; padding: .4em .8em; margin: .6em 0; }
.linked-NO, .verdict-broken { color: #c62828; font-weight: 600; }
.verdict-ok { color: #2e7d32; } .verdict-unknown { color: #b45309; }
.dns-note { background: #fffde7; border-left: 4px solid #8d6e00; padding: .3em .6em; }
body { max-width: 100%; overflow-wrap: break-word; }
.nowrap, td[class^="verdict-"] { white-space: nowrap; }
/* Fixed columns: a message's long ids break where they must; policy and resource keep their width. */
table.messages { table-layout: fixed; width: 100%; }
table.messages th:nth-child(1) { width: 14em; } table.messages th:nth-child(2) { width: 20em; }
@media (max-width: 900px) {
  body { margin: .8em; }
  table, thead, tbody, tr, td, caption { display: block; }
  thead { display: none; }
  tr { border: 1px solid #d0d7de; margin-bottom: .6em; }
  td { border: none; border-bottom: 1px solid #eaeef2; }
  td::before { content: attr(data-label); display: block; font-size: .8em; color: #57606a; }
  td.tree { white-space: pre-wrap; }
}
`;

function vnetSection(t: VnetTable): string {
  const caption = `VNet ${escapeHtml(t.vnet)}${t.addressPrefixes.length ? ` (${escapeHtml(t.addressPrefixes.join(", "))})` : ""}`;
  const clients = (t.clientOf ?? []).map(
    (of) => `<p class="client-of">A client VNet of ${escapeHtml(of)}.</p>`,
  );
  // A VNet without endpoints still shows how it resolves the names its clients need.
  if (t.rows.length === 0)
    return `<p><strong>${caption}</strong>: no private endpoints</p>${clients.join("")}${resolutionTable(t)}`;
  const records =
    t.dnsRecordsBy &&
    `<p class="dns-note">DNS records of ${escapeHtml(t.vnet)}: ${escapeHtml(t.dnsRecordsBy)}.</p>`;
  const zoneCell = (r: VnetTable["rows"][number]) =>
    r.zones.length === 0 && t.dnsRecordsBy
      ? escapeHtml("none in this stack (see above)")
      : lines(
          r.zones.map((z) => z.zone),
          breakable,
        );
  const rows = t.rows.map((r) => [
    escapeHtml(r.endpoint),
    lines(r.targets),
    lines(r.groupIds),
    lines(r.privateIps.length ? r.privateIps : ["unknown"], unbroken),
    r.dns.map((d) => `${breakable(d.fqdn)} → ${d.ipAddresses.map(unbroken).join(", ")}`).join("<br>"),
    zoneCell(r),
    r.zones
      .map((z) => `<span class="linked-${linkedText(z.linked)}">${escapeHtml(linkedText(z.linked))}</span>`)
      .join("<br>"),
  ]);
  return (
    clients.join("") +
    (records || "") +
    table(["endpoint", "target", "group id", "private IP", "FQDN → IP", "zone", "linked"], rows, caption) +
    resolutionTable(t)
  );
}

const verdictMarks: Record<ResolutionRow["status"], string> = { ok: "✓", broken: "✗", unknown: "unknown" };

/** How the VNet resolves each name the workspace needs, the IP, the route, and the verdict with its reason. */
function resolutionTable(t: VnetTable): string {
  if (!t.resolution?.length) return "";
  const rows = t.resolution.map((r) => [
    `${breakable(r.name)}<br><small>${escapeHtml(`${r.target} (${r.groupId})`)}</small>`,
    escapeHtml(r.via),
    [r.endpoint && escapeHtml(r.endpoint), r.ip && unbroken(r.ip)].filter(Boolean).join(" ") || "—",
    escapeHtml(r.route ?? "—"),
    { html: escapeHtml(verdictMarks[r.status]), className: `verdict-${r.status}` },
  ]);
  return table(
    ["name", "how it resolves", "endpoint and IP", "route", "verdict"],
    rows,
    `How VNet ${escapeHtml(t.vnet)} resolves the workspace's names`,
  );
}

function findingsSection(doc: PlanDocument): string {
  if (!doc.policyPack) return "<p>No policy pack checked (--no-policy-pack).</p>";
  const pack = escapeHtml(`${doc.policyPack.name}@v${doc.policyPack.version}`);
  const levels: FindingLevel[] = ["mandatory", "advisory"];
  const total = levels.reduce((n, l) => n + doc.findings[l].length, 0);
  if (total === 0) return `<p class="ok">${pack} reported no violations.</p>`;
  const row = (f: Finding) => [
    escapeHtml(f.policy),
    `${escapeHtml(f.type)}<br><strong>${escapeHtml(f.name)}</strong>`,
    `<pre>${escapeHtml(f.message)}</pre>`,
  ];
  return [
    `<p>Policy pack ${pack}.</p>`,
    ...levels.map((level) => {
      const found = doc.findings[level];
      const title = `<h3 class="${found.length ? level : "none"}" id="${level}">${level[0].toUpperCase()}${level.slice(1)}: ${found.length}</h3>`;
      return found.length
        ? title + table(["policy", "resource", "message"], found.map(row), undefined, "messages")
        : title;
    }),
  ].join("\n");
}

function resourcesSection(doc: PlanDocument): string {
  const info = (protect: boolean, diff = "") =>
    escapeHtml([protect ? "protected" : "", diff].filter(Boolean).join(" "));
  const tree = doc.resources.map((r) => {
    const change = stepOf(doc.changes, r.urn);
    return [
      { html: escapeHtml(r.prefix + r.type), className: "tree" },
      escapeHtml(r.name),
      change.op,
      info(r.protect, diffText(change)),
    ];
  });
  const deleted = (doc.changes?.deleted ?? []).map((r) => [
    { html: escapeHtml(r.type), className: "tree" },
    escapeHtml(r.name),
    "delete",
    info(r.protect),
  ]);
  const counts = Object.entries(doc.counts.byType).map(([type, n]) => [String(n), escapeHtml(type)]);
  const total = doc.changes ? "total" : "total to create";
  return [
    table(["type", "name", "plan", "info"], [...tree, ...deleted]),
    table(["count", "type"], [...counts, [String(doc.counts.total), total]], "Resources by type"),
  ].join("\n");
}

/** What the plan would do, in the words of the text report: `N to create, … M unchanged`, or `N to create`. */
function changesLine(doc: PlanDocument): string {
  if (!doc.changes) return `${doc.counts.total} resources to create`;
  const source = doc.changes.fromState
    ? `against the state in ${doc.changes.stateFile}`
    : "first plan of the stack";
  return escapeHtml(`${stepsText(doc.changes)} (${source})`);
}

/** The verdict, and each mandatory finding linked to its node in the picture: why the stack is blocked. */
function verdictSection(doc: PlanDocument): string {
  const mandatory = doc.findings.mandatory;
  // The engine's errors (a protected resource the plan would replace or delete) fail the preview as a finding does.
  const blocked = doc.changes?.blocked ?? [];
  if (mandatory.length === 0 && blocked.length === 0) {
    const advisory = doc.findings.advisory.length;
    return `<p class="ok">No mandatory violation: pulumi preview would pass${advisory ? ` (${advisory} advisory finding(s) below)` : ""}.</p>`;
  }
  const anchors = nodeAnchors(doc.topology);
  const item = (f: Finding) => {
    const anchor = anchors.get(f.urn);
    const where = anchor ? `<a href="#${anchor}">${escapeHtml(f.name)}</a>` : escapeHtml(f.name);
    return `<li>${findingMarks.mandatory} <strong>${escapeHtml(f.policy)}</strong> on ${escapeHtml(f.type)} ${where}: ${escapeHtml(f.message.split("\n")[0])}</li>`;
  };
  const reasons = [
    ...(mandatory.length > 0 ? [`${mandatory.length} mandatory violation(s)`] : []),
    ...(blocked.length > 0
      ? [`${blocked.length} protected resource(s) the plan would replace or delete`]
      : []),
  ];
  const errors = blocked.map(
    (b) => `<li>${findingMarks.mandatory} error: ${escapeHtml(b.split("\n").join(" "))}</li>`,
  );
  return `<div class="blocking"><strong class="mandatory">Blocked: ${reasons.join(" and ")}, pulumi preview would fail.</strong>
<ul>${[...mandatory.map(item), ...errors].join("\n")}</ul></div>`;
}

/** The program's warnings (a hub peering of one side only...), which `pulumi preview` shows with its diagnostics. */
function warningsSection(doc: PlanDocument): string {
  if (!doc.warnings?.length) return "";
  const item = (w: NonNullable<PlanDocument["warnings"]>[number]) => {
    const on = w.urn ? urnParts(w.urn) : undefined;
    return `<li>${escapeHtml(w.message)}${on ? ` <small>(${escapeHtml(`${on.type} ${on.name}`)})</small>` : ""}</li>`;
  };
  return `<div class="warnings" id="warnings"><strong class="advisory">Warnings from the program: ${doc.warnings.length}</strong>
<ul>${doc.warnings.map(item).join("\n")}</ul></div>`;
}

/** The page; `svg` is the topology picture's `<svg>` element (see `topologySvg` with `inline`). */
export function htmlReport(doc: PlanDocument, svg: string): string {
  const title = `Plan of stack ${doc.stack} (project ${doc.project})`;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${style}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
${verdictSection(doc)}
${warningsSection(doc)}
<nav>Offline ${escapeHtml(doc.mode)} on the fake Azure: ${changesLine(doc)}. <a href="#topology">Topology</a><a href="#findings">Policy findings</a><a href="#vnets">VNets</a><a href="#resources">Resources</a></nav>
<h2 id="topology">Topology <input type="checkbox" id="actual-size"> <label for="actual-size" class="zoom">actual size (scroll to pan)</label></h2>
<div class="picture">
${svg}
</div>
<h2 id="findings">Policy findings</h2>
${findingsSection(doc)}
<h2 id="vnets">VNets</h2>
${doc.vnets.length ? doc.vnets.map(vnetSection).join("\n") : "<p>No VNets.</p>"}
<h2 id="resources">Resources</h2>
${resourcesSection(doc)}
</body>
</html>
`;
}
