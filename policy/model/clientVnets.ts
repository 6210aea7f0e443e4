/**
 * The client VNets of a workspace: VNets holding no private endpoint and no compute whose users rely on the
 * workspace's endpoints elsewhere, so each must resolve and reach them (rules/clientVnetReach.ts).
 * - A VNet an endpoint set of a WorkspaceNetwork created beside the sets holding the workspace's endpoints
 *   (`endpoints: []`, `servicesSet: false`): known from its URN's parent types (componentOrigin.ts).
 * - In a raw program, a VNet peered (either way) with a VNet holding the workspace's endpoints, or resolving
 *   through them: its DNS servers are held in such a VNet, or the zones answering its queries hold the
 *   records of the workspace's endpoints. That last tie alone counts only for a VNet tied to no workspace
 *   otherwise: a hub's central zones answer every spoke every workspace's names.
 * A VNet holding endpoints or computes is another rule's (dependency endpoints, compute VNet), one holding a
 * firewall or resolver is a hub (its clients are in the spokes); one related to none of the workspace's VNets
 * is left alone.
 */
import { DnsHostKinds, type NetworkGraph } from "./networkGraph";
import { push } from "./multiMap";
import { endpointsOf } from "./queries";
import type { Key, StackModel, Workspace } from "./types";

/** Why a VNet counts as a client VNet of the workspace, in words for messages. */
export interface ClientVnet {
  vnet: Key;
  why: string;
}

/** The VNets whose Azure DNS answers `vnet`'s queries: its own, or those of the hosts its DNS servers name. */
function dnsVnetsOf(graph: NetworkGraph, vnet: Key): Key[] {
  const servers = graph.vnets.get(vnet)?.dnsServers;
  if (!Array.isArray(servers) || servers.length === 0) return [vnet];
  return servers.flatMap((ip) => {
    const host = graph.hostsByIp.get(ip)?.[0]?.vnet;
    return typeof host === "string" ? [host] : [];
  });
}

const built = new WeakMap<StackModel, ClientVnets>();

type Relation = ClientVnet & { workspace: Key };

/**
 * The client VNets of every workspace, found once per model in one pass over the candidate VNets (linear in
 * VNets, endpoints and zone links: an organisation stack holds hundreds of workspaces sharing one hub).
 */
export class ClientVnets {
  private readonly found = new Map<Key, ClientVnet[]>();

  constructor(readonly model: StackModel) {
    const graph = model.network;
    const busy = new Set<Key>();
    for (const e of model.endpoints) if (typeof e.vnet === "string") busy.add(e.vnet);
    for (const c of model.computes) if (typeof c.vnet === "string") busy.add(c.vnet);
    for (const h of graph.hosts.values())
      if (h.kind !== DnsHostKinds.vm && typeof h.vnet === "string") busy.add(h.vnet);
    // Per workspace, in the model's order: the VNets of its endpoints and the WorkspaceNetworks made them.
    const byVnet = new Map<Key, Workspace[]>();
    const byNetwork = new Map<string, Workspace[]>();
    const byEndpoint = new Map<Key, Workspace>();
    for (const workspace of model.workspaces) {
      // Once per workspace and VNet (a hub holding every workspace's endpoints must not cost a scan per endpoint).
      const vnets = new Set<Key>();
      const networks = new Set<string>();
      for (const e of endpointsOf(model, workspace.key)) {
        byEndpoint.set(e.key, workspace);
        if (typeof e.vnet !== "string" || vnets.has(e.vnet)) continue;
        vnets.add(e.vnet);
        push(byVnet, e.vnet, workspace);
        const network = model.vnetOrigins.get(e.vnet)?.network;
        if (network !== undefined && !networks.has(network)) {
          networks.add(network);
          push(byNetwork, network, workspace);
        }
      }
    }
    const answers = new Map<Key, Workspace[]>();
    const answeredAt = (at: Key): Workspace[] => {
      let found = answers.get(at);
      if (!found) {
        const seen = new Set<Workspace>();
        for (const zone of graph.zonesByVnet.get(at) ?? [])
          for (const endpoint of graph.recordsByZone.get(zone) ?? []) {
            const workspace = byEndpoint.get(endpoint);
            if (workspace) seen.add(workspace);
          }
        answers.set(at, (found = [...seen]));
      }
      return found;
    };
    for (const vnet of model.vnets.keys()) {
      if (busy.has(vnet)) continue;
      const dnsVnets = dnsVnetsOf(graph, vnet);
      const related = relationsOf(model, vnet, dnsVnets, byVnet, byNetwork);
      // Central zones answer every spoke the names of every workspace: that relates a VNet to a workspace only
      // when nothing else (a component, a peering, its DNS servers) ties it to one.
      if (related.length === 0)
        for (const workspace of new Set(dnsVnets.flatMap(answeredAt)))
          related.push({
            vnet,
            workspace: workspace.key,
            why: `resolving the names of the endpoints of ${workspace.label}`,
          });
      for (const { workspace, ...client } of related) push(this.found, workspace, client);
    }
  }

  /** The stack's client VNets, found once per model (the rule and the plan's tables ask). */
  static of(model: StackModel): ClientVnets {
    let clients = built.get(model);
    if (!clients) built.set(model, (clients = new ClientVnets(model)));
    return clients;
  }

  /** The client VNets of the workspace. */
  of(workspace: Workspace): ClientVnet[] {
    return this.found.get(workspace.key) ?? [];
  }
}

/** The workspaces a VNet serves by a tie of its own: made for them, peered with their VNets, or asking DNS there. */
function relationsOf(
  model: StackModel,
  vnet: Key,
  dnsVnets: readonly Key[],
  byVnet: ReadonlyMap<Key, Workspace[]>,
  byNetwork: ReadonlyMap<string, Workspace[]>,
): Relation[] {
  const graph = model.network;
  const related = new Map<Key, Relation>();
  const relate = (workspace: Workspace, why: string) => {
    if (!related.has(workspace.key)) related.set(workspace.key, { vnet, workspace: workspace.key, why });
  };
  const origin = model.vnetOrigins.get(vnet);
  if (origin?.network !== undefined)
    for (const w of byNetwork.get(origin.network) ?? [])
      relate(w, `made for clients by ${origin.argument.split(" → ")[0]}`);
  const peers = [...graph.peeredFrom(vnet), ...graph.peeredBy(vnet)];
  for (const peer of peers)
    for (const w of byVnet.get(peer) ?? []) relate(w, `peered with ${graph.label(peer)}`);
  for (const at of dnsVnets)
    for (const w of byVnet.get(at) ?? []) relate(w, `resolving its names through ${graph.label(at)}`);
  return [...related.values()];
}
