/**
 * The deployment critical path of a recorded graph: the longest chain of resources each of which waits
 * for the previous one. Pulumi creates resources whose dependencies are done in parallel, so this chain,
 * not the resource count, bounds `pulumi up` wall time.
 *
 * A resource waits for its `dependencies` and `propertyDependencies` (the SDK sends their union as
 * dependencies), and for a custom parent (the SDK needs the parent's URN, which the engine returns only
 * once the parent is created). A component parent is no wait: components are not deployment steps. A
 * dependency on a component means its custom descendants, found as the SDK's
 * `getAllTransitivelyReferencedResources` does: through child components, stopping at custom resources.
 * Providers are not counted.
 */
import type { RecordedGraph, RecordedResource } from "../plan/mockRun";

export interface ChainLink {
  name: string;
  type: string;
}

export interface CriticalPath {
  /** Deployment steps (custom resources other than providers) in the graph. */
  steps: number;
  /** The longest chain, first created first. */
  chain: ChainLink[];
}

const isStep = (r: RecordedResource) => r.custom && !r.type.startsWith("pulumi:providers:");

/** For each step, by URN, the steps it waits for. */
export function waitsFor(graph: RecordedGraph): Map<string, Set<string>> {
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  const children = new Map<string, RecordedResource[]>();
  for (const r of graph.resources) {
    if (r.parent) children.set(r.parent, [...(children.get(r.parent) ?? []), r]);
  }
  const expand = (urn: string, into: Set<string>): void => {
    const r = byUrn.get(urn);
    if (!r) return;
    if (r.custom) {
      if (isStep(r)) into.add(urn);
      return;
    }
    for (const child of children.get(urn) ?? []) expand(child.urn, into);
  };
  const edges = new Map<string, Set<string>>();
  for (const r of graph.resources.filter(isStep)) {
    const into = new Set<string>();
    const direct = [...r.dependencies, ...Object.values(r.propertyDependencies).flat()];
    if (r.parent && byUrn.get(r.parent)?.custom) direct.push(r.parent);
    for (const urn of direct) expand(urn, into);
    into.delete(r.urn);
    edges.set(r.urn, into);
  }
  return edges;
}

export function criticalPath(graph: RecordedGraph): CriticalPath {
  const edges = waitsFor(graph);
  const byUrn = new Map(graph.resources.map((r) => [r.urn, r]));
  // Longest chain ending at each step, memoised; `null` marks a step being visited (a cycle is a bug).
  const longest = new Map<string, string[] | null>();
  const chainTo = (urn: string): string[] => {
    const known = longest.get(urn);
    if (known === null) throw new Error(`dependency cycle through ${urn}`);
    if (known) return known;
    longest.set(urn, null);
    let best: string[] = [];
    for (const dep of edges.get(urn) ?? []) {
      const chain = chainTo(dep);
      if (chain.length > best.length) best = chain;
    }
    const chain = [...best, urn];
    longest.set(urn, chain);
    return chain;
  };
  let chain: string[] = [];
  for (const urn of edges.keys()) {
    const candidate = chainTo(urn);
    if (candidate.length > chain.length) chain = candidate;
  }
  return {
    steps: edges.size,
    chain: chain.map((urn) => ({ name: byUrn.get(urn)!.name, type: byUrn.get(urn)!.type })),
  };
}
