/**
 * The fixture estates: provided stacks run against the fake Azure, read back as Azure discovers them and
 * exported in Azure Resource Graph's shape (argExportOf.ts), some with one part taken away — each the
 * equivalent of a Pulumi program whose findings the plan gives. `npx ts-node --transpile-only -P tsconfig.json
 * test/audit/writeFixtureEstates.ts` writes them to fixtures/estates/ (the e2e checks they are current).
 */
import * as path from "path";
import type { RecordedResource } from "../../plan/mockRun";
import { runOnMocks, RecordedGraph, type MockRun } from "../../plan/mockRun";
import type { PolicyPackConfig } from "../../plan/policy/policyConfig";
import { programOf } from "../../plan/programEntry";
import { resolveTarget } from "../../plan/planTarget";
import { discoveredGraph } from "../analyzer/discoveredForm";

export interface FixtureEstate {
  name: string;
  /** The provided stack it is exported from. */
  stack: string;
  /** Resources the estate lacks (taken from the program's graph before both the plan and the export). */
  without?: (r: RecordedResource) => boolean;
  /** The pack config equivalent to the stack's tags. */
  packConfig?: PolicyPackConfig;
  /** The verdict the docs give: mandatory policies, in order. */
  mandatory: string[];
}

const zoneLink = (zone: string, vnet: string) => (r: RecordedResource) =>
  /:VirtualNetworkLink$/.test(r.type) &&
  String(r.outputs.id).toLowerCase().includes(`/privatednszones/${zone}/`) &&
  String((r.outputs.virtualNetwork as { id?: string } | undefined)?.id).includes(vnet);

export const fixtureEstates: readonly FixtureEstate[] = [
  // Every VNet holds the endpoints and links every zone (docs: how-to-custom-dns, "Azure DNS Private Zones").
  { name: "isolated-all-zones", stack: "isolated-clients", mandatory: [] },
  // The clients VNet's link to the workspace's api zone is gone: its names resolve to public IPs.
  {
    name: "zone-link-missing",
    stack: "isolated-clients",
    without: zoneLink("privatelink.api.azureml.ms", "net-clients-vnet"),
    mandatory: ["private-dns-zone-linked-to-endpoint-vnet"],
  },
  // Spokes resolve through the hub's DNS Private Resolver over peering (hub-spoke DNS docs).
  { name: "hub-spoke-resolver", stack: "hub-spoke", mandatory: [] },
  // The compute spoke lost its peering: its compute cannot reach the workspace's endpoints in the hub.
  {
    name: "spoke-without-peering",
    stack: "hub-spoke",
    without: (r) => /:VirtualNetworkPeering$/.test(r.type) && String(r.outputs.id).includes("compute"),
    mandatory: ["compute-in-endpoint-vnet"],
  },
  // A landing zone: Azure Policy writes the records (the stack tag azureml:private-dns, here pack config).
  {
    name: "landing-zone-policy-records",
    stack: "landing-zone-dns",
    packConfig: { "endpoint-dns-zone-group": { privateDns: "azure-policy" } },
    mandatory: [],
  },
];

export const fixtureEstatesDir = path.join(__dirname, "fixtures", "estates");

/** The stack's program run as an update, and its graph without what the estate lacks. */
export async function runEstate(estate: FixtureEstate): Promise<{
  run: MockRun;
  graph: RecordedGraph;
  discovered: RecordedGraph;
  stackTags: Record<string, string>;
}> {
  const resolved = resolveTarget(estate.stack, { cwd: path.resolve(__dirname, "..", "..") });
  const run = await runOnMocks(programOf(resolved.entry), {
    preview: false,
    project: resolved.project.name,
    stack: resolved.stack,
    config: resolved.config.config,
    secretKeys: resolved.config.secretKeys,
  });
  const without = estate.without ?? (() => false);
  const graph = new RecordedGraph();
  graph.resources.push(...run.graph.resources.filter((r) => !without(r)));
  return { run, graph, discovered: discoveredGraph({ ...run, graph }), stackTags: resolved.stackTags };
}
