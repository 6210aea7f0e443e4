/**
 * What the plan and the audit show of a recorded graph checked by the pack: the resource tree, one table per
 * VNet, the managed networks, the findings by level and the topology, each masked for the graph's secrets —
 * one description whether the graph came from a program run or from an Azure Resource Graph export.
 */
import { isManager, privateDnsDeclaration } from "../policy/model/privateDnsDeclaration";
import { redactDeep } from "../policy/model/secrets";
import type { PlatformNetwork } from "../policy/model/platformNetwork";
import { endpointZoneGroups } from "../policy/rules/endpointZoneGroups";
import { platformNetwork } from "../policy/rules/platformNetwork";
import { groupFindings, type Findings } from "./findings";
import { managedNetworkTables, type ManagedNetworkTable } from "./managedNetworkTables";
import type { RecordedGraph, RecordedWarning } from "./mockRun";
import { stackModel } from "./modelResources";
import type { PolicyPackSession, PolicyRun } from "./policy/policyPackSession";
import { countsByType, resourceTree, type TreeRow } from "./resourceTree";
import { topology, type Topology } from "./topology";
import { mermaidDiagram } from "./topologyMermaid";
import { vnetTables, type VnetTable } from "./vnetTables";

export interface GraphDescription {
  resources: TreeRow[];
  counts: { total: number; byType: Record<string, number> };
  vnets: VnetTable[];
  managedNetworks: ManagedNetworkTable[];
  findings: Findings;
  /** The program's warnings (a one-sided hub peering...), as `pulumi preview` shows them; absent when none. */
  warnings?: RecordedWarning[];
  diagram: string;
  topology: Topology;
  /** Masks the graph's secrets in any further part of a document. */
  redacted: <T>(value: T) => T;
}

export function describeGraph(
  graph: RecordedGraph,
  check: { session?: PolicyPackSession; run?: PolicyRun },
  scope: {
    stack: string;
    stackTags: Record<string, string>;
    /** The picture's, when not the stack's. */ title?: string;
  },
): GraphDescription {
  // The hubs the platform describes, as the pack was given them (a disabled policy describes none).
  const platform = check.session?.config[platformNetwork.name];
  const model = stackModel(
    graph,
    platform && platform.enforcementLevel !== "disabled"
      ? (platform.properties as Partial<PlatformNetwork>)
      : undefined,
  );
  // Every part of the document prints [secret] for the stack's secret values (policy/model/secrets.ts); the
  // findings' messages come masked from the pack.
  const redacted = <T>(value: T) => redactDeep(value, model.secrets);
  const tree = redacted(resourceTree(graph));
  const findings = groupFindings(check.run?.diagnostics ?? []);
  // As the pack decides it: its config (for the zone-group policy) over the stack tag.
  const configured = check.session?.config[endpointZoneGroups.name]?.properties.privateDns;
  const privateDns = privateDnsDeclaration(
    isManager(configured) ? configured : undefined,
    new Map(Object.entries(scope.stackTags)),
  ).manager;
  const drawn = topology({ model, graph, findings, stack: scope.stack, privateDns });
  const picture = redacted(scope.title === undefined ? drawn : { ...drawn, title: scope.title });
  return {
    resources: tree,
    counts: { total: tree.length, byType: countsByType(graph) },
    vnets: redacted(vnetTables(model, graph, privateDns)),
    managedNetworks: redacted(managedNetworkTables(graph)),
    findings,
    warnings: graph.warnings.length ? redacted(graph.warnings) : undefined,
    diagram: mermaidDiagram(picture),
    topology: picture,
    redacted,
  };
}
