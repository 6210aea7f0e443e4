/**
 * Whether two recorded graphs declare the same Azure resources: the same custom resources by type and
 * name, with deep-equal inputs. Components and their URN nesting are ignored, since that is the point of
 * comparing a component program with a flat one.
 */
import { isDeepStrictEqual } from "util";
import type { RecordedGraph } from "../plan/mockRun";

export interface ResourceComparison {
  same: boolean;
  /** Custom resources of each graph. */
  counts: [number, number];
  /** `type name` of resources only in one graph or with different inputs (first few). */
  differences: string[];
}

export function compareResources(a: RecordedGraph, b: RecordedGraph): ResourceComparison {
  const customs = (g: RecordedGraph) =>
    new Map(g.resources.filter((r) => r.custom).map((r) => [`${r.type} ${r.name}`, r]));
  const [left, right] = [customs(a), customs(b)];
  const differences: string[] = [];
  for (const [key, r] of left) {
    const other = right.get(key);
    if (!other) differences.push(`${key}: only in the first`);
    else if (!isDeepStrictEqual(r.inputs, other.inputs)) differences.push(`${key}: inputs differ`);
  }
  for (const key of right.keys()) if (!left.has(key)) differences.push(`${key}: only in the second`);
  return {
    same: differences.length === 0,
    counts: [left.size, right.size],
    differences: differences.slice(0, 10),
  };
}
