/**
 * The resource tree as `pulumi preview` draws it: every registration under its parent, in registration
 * order, with the tree glyphs of its depth, and the count of resources per type.
 */
import type { RecordedGraph, RecordedResource } from "./mockRun";

export interface TreeRow {
  urn: string;
  type: string;
  name: string;
  parent?: string;
  /** 0 for the stack. */
  depth: number;
  /** Tree glyphs drawn before the type (`├─ `, `│  └─ `...). */
  prefix: string;
  protect: boolean;
  id?: string;
}

export function resourceTree(graph: RecordedGraph): TreeRow[] {
  const known = new Set(graph.resources.map((r) => r.urn));
  const children = new Map<string | undefined, RecordedResource[]>();
  for (const r of graph.resources) {
    // A parent outside the graph (never registered) would hide its children: show them at the root.
    const parent = r.parent !== undefined && known.has(r.parent) ? r.parent : undefined;
    const siblings = children.get(parent);
    if (siblings) siblings.push(r);
    else children.set(parent, [r]);
  }
  const rows: TreeRow[] = [];
  const visit = (r: RecordedResource, depth: number, indent: string, last: boolean) => {
    rows.push({
      urn: r.urn,
      type: r.type,
      name: r.name,
      parent: r.parent,
      depth,
      prefix: depth === 0 ? "" : indent + (last ? "└─ " : "├─ "),
      protect: r.protect,
      id: r.id,
    });
    const kids = children.get(r.urn) ?? [];
    const childIndent = depth === 0 ? "" : indent + (last ? "   " : "│  ");
    kids.forEach((k, i) => visit(k, depth + 1, childIndent, i === kids.length - 1));
  };
  const roots = children.get(undefined) ?? [];
  roots.forEach((r, i) => visit(r, 0, "", i === roots.length - 1));
  return rows;
}

/** Resources per type, types sorted. */
export function countsByType(graph: RecordedGraph): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const r of graph.resources) counts[r.type] = (counts[r.type] ?? 0) + 1;
  return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
}
