/**
 * Every client VNet judged: a VNet whose users rely on a workspace's endpoints elsewhere (model/clientVnets.ts:
 * made for clients by a WorkspaceNetwork, or peered with or resolving through the VNets holding the endpoints)
 * must resolve every name of the workspace and of its private dependencies to an endpoint it reaches — its
 * own Azure DNS or DNS servers, a peering, or a route through the hub firewall (model/resolution.ts). The
 * names it needs are those a VNet holding a workspace endpoint needs (dependency-endpoints-per-vnet). A path
 * the pack cannot follow is the dns-resolution-unverified advisory's.
 */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule, Violation } from "../pack/rule";
import { GroupIds } from "../azure/clouds";
import { ClientVnets, type ClientVnet } from "../model/clientVnets";
import {
  dependenciesOf,
  endpointsOf,
  isPrivateService,
  requiredGroupIds,
  usesManagedNetwork,
} from "../model/queries";
import { describePath } from "../model/resolution";
import { cloudOfLocation, resolveGroupId } from "../model/resolutionQueries";
import type { Key, StackModel, Workspace } from "../model/types";
import { quotes } from "./quotes";

/** The workspace's own names, then each private dependency's group ids: (target, group id). */
function namesNeeded(model: StackModel, workspace: Workspace): { target: Key; groupId: string }[] {
  const required =
    requiredGroupIds[usesManagedNetwork(workspace) === false ? "customerVnet" : "managedNetwork"];
  return [
    { target: workspace.key, groupId: GroupIds.amlworkspace as string },
    ...dependenciesOf(workspace)
      .filter((d) => isPrivateService(model, d.key))
      .flatMap((d) => required[d.kind].map((groupId) => ({ target: d.key, groupId }))),
  ].filter((n) => endpointsOf(model, n.target).length > 0);
}

/** When every endpoint of the target is in a VNet `vnet` cannot reach: why, for the first. */
function unreachableEndpoints(model: StackModel, vnet: Key, target: Key): string | undefined {
  const reaches = endpointsOf(model, target).map((e) => ({
    e,
    reach: model.network.connected(vnet, e.vnet),
  }));
  if (reaches.length === 0 || reaches.some((r) => r.reach.verdict !== "broken")) return undefined;
  const { e, reach } = reaches[0];
  return `${e.label} is in ${model.label(e.vnet as Key)}, which it cannot reach (${reach.route})`;
}

/** The fix: the component argument that made the VNet, or what to change in a raw program. */
function fixOf(model: StackModel, vnet: Key): string {
  const origin = model.vnetOrigins.get(vnet);
  if (origin)
    return `set ${origin.argument}hubVirtualNetworkId to the VNet holding those endpoints (peered both ways), or peer with it beside the hub (${origin.argument}peerings.<name>.remoteVirtualNetworkId: spokes of one hub do not reach each other), or list them in ${origin.argument}endpoints so this VNet holds its own; resolve their names there (${origin.argument}dnsServers, or dnsMode ExistingZones with linkExistingZones)`;
  return "peer this VNet both ways with the VNet holding those endpoints, or route it through the hub firewall (a route table on its subnet sending that VNet's range to the firewall, every spoke peering allowing forwarded traffic), and resolve their names from zones holding their records";
}

function check(model: StackModel, workspace: Workspace, client: ClientVnet): Violation[] {
  const cloud = cloudOfLocation(workspace.location);
  const broken = namesNeeded(model, workspace).flatMap(({ target, groupId }) => {
    const answer = resolveGroupId(model, client.vnet, target, groupId, cloud);
    const name = `${groupId} (${model.label(target)})`;
    if (answer?.verdict === "broken") return [{ name, path: describePath(answer) }];
    // Whatever a DNS path the pack cannot follow answers, an endpoint in a VNet it cannot reach is of no use.
    const unreachable = unreachableEndpoints(model, client.vnet, target);
    return unreachable ? [{ name, path: unreachable }] : [];
  });
  if (broken.length === 0) return [];
  return [
    {
      urn: model.vnets.get(client.vnet)!.urn,
      message: message({
        subject: `${model.label(client.vnet)}, a client VNet of ${workspace.label} (${client.why}),`,
        problem: `cannot use ${broken.map((b) => b.name).join(", ")}: ${[...new Set(broken.map((b) => b.path))].join(" | ")}`,
        quote: quotes.hubSpokeResolution,
        fix: fixOf(model, client.vnet),
      }),
    },
  ];
}

export const clientVnetReach: StackRule<object> = {
  name: "client-vnet-reaches-workspace",
  description:
    "A VNet of clients of a workspace (made for clients by a WorkspaceNetwork, or peered with or resolving through the VNets of the workspace's endpoints) must resolve and reach every endpoint of the workspace and its private dependencies.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "A clients VNet holding no endpoint uses the workspace's endpoints in another VNet: it must resolve their names to their private IPs and reach them — peered both ways with their VNet, or routed through a firewall or NVA in the hub both are peered with.",
    "",
    "- azure-native: a `network.VirtualNetworkPeering` each way with the endpoints' VNet, or a `network.RouteTable` on the clients' subnet whose route sends that VNet's range to the firewall (`nextHopType: VirtualAppliance`); zones holding the records linked where its DNS path ends.",
    "- Components: `WorkspaceNetwork` `sets.<clients>.hubVirtualNetworkId` naming the VNet holding the endpoints, or `sets.<clients>.peerings.<name>.remoteVirtualNetworkId` naming it beside the hub, or `sets.<clients>.endpoints` listing the endpoints it holds itself.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-custom-dns",
  tags: ["dns", "private-endpoint", "vnet"],
  check: (model) => {
    const clients = ClientVnets.of(model);
    return model.workspaces.flatMap((w) => clients.of(w).flatMap((c) => check(model, w, c)));
  },
};
