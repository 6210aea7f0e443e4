/**
 * The client VNets of a workspace: VNets holding no private endpoint and no compute whose users rely on the
 * workspace's endpoints elsewhere, so each must resolve and reach them (rules/clientVnetReach.ts).
 * - A VNet an endpoint set of a WorkspaceNetwork created beside the sets holding the workspace's endpoints
 *   (`endpoints: []`, `servicesSet: false`): known from its URN's parent types (componentOrigin.ts).
 * - In a raw program, a VNet peered (either way) with a VNet holding the workspace's endpoints, or resolving
 *   through them: its DNS servers are held in such a VNet, or the zones answering its queries hold the
 *   records of the workspace's endpoints.
 * A VNet holding endpoints or computes is another rule's (dependency endpoints, compute VNet), one holding a
 * firewall or resolver is a hub (its clients are in the spokes); one related to none of the workspace's VNets
 * is left alone.
 */
import { DnsHostKinds, type NetworkGraph } from "./networkGraph";
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

/** Per candidate VNet: the VNets it resolves through and the endpoints whose records answer it. Built once. */
export class ClientVnets {
  private readonly candidates: { vnet: Key; dnsVnets: Key[]; answered: ReadonlySet<Key>[] }[] = [];
  /** Per VNet whose Azure DNS answers: the endpoints its linked zones hold records of (shared by its spokes). */
  private readonly answers = new Map<Key, Set<Key>>();

  private answeredAt(vnet: Key): ReadonlySet<Key> {
    let answered = this.answers.get(vnet);
    if (!answered) {
      answered = new Set<Key>();
      for (const zone of this.model.network.zonesByVnet.get(vnet) ?? [])
        for (const endpoint of this.model.network.recordsByZone.get(zone) ?? []) answered.add(endpoint);
      this.answers.set(vnet, answered);
    }
    return answered;
  }

  constructor(readonly model: StackModel) {
    const graph = model.network;
    const busy = new Set<Key>();
    for (const e of model.endpoints) if (typeof e.vnet === "string") busy.add(e.vnet);
    for (const c of model.computes) if (typeof c.vnet === "string") busy.add(c.vnet);
    for (const h of graph.hosts.values())
      if (h.kind !== DnsHostKinds.vm && typeof h.vnet === "string") busy.add(h.vnet);
    for (const vnet of model.vnets.keys()) {
      if (busy.has(vnet)) continue;
      const dnsVnets = dnsVnetsOf(graph, vnet);
      this.candidates.push({ vnet, dnsVnets, answered: dnsVnets.map((at) => this.answeredAt(at)) });
    }
  }

  private readonly found = new Map<Key, ClientVnet[]>();

  /** The stack's client VNets, found once per model (the rule and the plan's tables ask). */
  static of(model: StackModel): ClientVnets {
    let clients = built.get(model);
    if (!clients) built.set(model, (clients = new ClientVnets(model)));
    return clients;
  }

  /** The client VNets of the workspace, found once. */
  of(workspace: Workspace): ClientVnet[] {
    let found = this.found.get(workspace.key);
    if (!found) this.found.set(workspace.key, (found = this.find(workspace)));
    return found;
  }

  private find(workspace: Workspace): ClientVnet[] {
    const { model } = this;
    const graph = model.network;
    const endpoints = endpointsOf(model, workspace.key);
    const vnets = new Set(endpoints.flatMap((e) => (typeof e.vnet === "string" ? [e.vnet] : [])));
    if (vnets.size === 0) return [];
    const networks = new Set([...vnets].flatMap((v) => model.vnetOrigins.get(v)?.network ?? []));
    return this.candidates.flatMap(({ vnet, dnsVnets, answered }): ClientVnet[] => {
      const origin = model.vnetOrigins.get(vnet);
      if (origin?.network !== undefined && networks.has(origin.network))
        return [{ vnet, why: `made for clients by ${origin.argument.split(" → ")[0]}` }];
      const peer = [...vnets].find((v) => graph.peering(vnet, v) || graph.peering(v, vnet));
      if (peer) return [{ vnet, why: `peered with ${graph.label(peer)}` }];
      const through = dnsVnets.find((v) => vnets.has(v));
      if (through) return [{ vnet, why: `resolving its names through ${graph.label(through)}` }];
      if (endpoints.some((e) => answered.some((set) => set.has(e.key))))
        return [{ vnet, why: `resolving the names of the endpoints of ${workspace.label}` }];
      return [];
    });
  }
}
