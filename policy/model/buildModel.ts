/**
 * Builds the one model of a stack every rule reads: recognised resources parsed per kind, linked to each
 * other through property dependencies, ARM ids and resource group + name, and indexed so rules look
 * things up instead of scanning (cost stays linear in the number of resources).
 */
import { vnetOrigins } from "./componentOrigin";
import { parseInlineZoneGroups, parseVnetLink, parseZone, parseZoneGroup } from "./dnsParsers";
import { parseManagedEndpoint } from "./managedEndpointParsers";
import { parseOnlineDeployment, parseOutboundRule } from "./managedNetworkParsers";
import {
  parseBatchEndpoint,
  parseCompute,
  parseDatastore,
  parseManagedCluster,
  parseOnlineEndpoint,
} from "./mlParsers";
import {
  parseEndpoint,
  parseInlineSubnets,
  parseNetworkInterface,
  parseSubnet,
  parseVirtualNetwork,
} from "./networkParsers";
import type { NetworkGraph } from "./networkGraph";
import {
  parseDnsResolver,
  parseFirewall,
  parseFirewallPolicy,
  parseForwardingRule,
  parseForwardingRuleset,
  parseInlinePeerings,
  parseResolverEndpoint,
  parseRulesetVnetLink,
  parseVnetDnsServers,
  parseVnetPeering,
} from "./networkGraphParsers";
import { usableHubs, type PlatformNetwork } from "./platformNetwork";
import { ResourceIndex } from "./resourceIndex";
import {
  parseFirewallNetworkRules,
  parseInlineRoutes,
  parseRoute,
  parseRouteTableAssociation,
  parseTableSubnets,
} from "./routeParsers";
import { networkGraphOf } from "./stackNetwork";
import { governedFamilyOf } from "./governedFamilies";
import { namedResourceGroups, viewOf, type ResourceView } from "./resourceView";
import { endpointsFromConnections } from "./targetConnections";
import type { StackResource } from "./stackResource";
import type { Key, StackModel } from "./types";
import { isUnknown, unknown, type Maybe } from "./values";
import { kindHas } from "./workspaceKinds";
import { parseDependencyService, parseSynapseWorkspace, parseWorkspace } from "./workspaceParsers";
import { push } from "./multiMap";

/** The model of `resources`; `platform` describes the hubs other stacks run (platform-network). */
export function buildModel(
  resources: readonly StackResource[],
  platform?: Partial<PlatformNetwork>,
): StackModel {
  const secrets = new Set<string>();
  const groupNames = namedResourceGroups(resources, secrets);
  const viewed = resources.map((r) => viewOf(r, groupNames));
  const views = viewed.filter((v): v is ResourceView => v !== undefined);
  for (const view of views) for (const text of view.secrets) secrets.add(text);
  const index = new ResourceIndex(views);
  const model: StackModel = {
    workspaces: [],
    projects: [],
    services: new Map(),
    endpoints: [],
    zoneGroups: [],
    zones: new Map(),
    links: [],
    vnets: new Map(),
    subnets: new Map(),
    computes: [],
    clusters: new Map(),
    onlineEndpoints: [],
    batchEndpoints: [],
    datastores: [],
    synapseWorkspaces: new Map(),
    managedEndpoints: [],
    networkInterfaces: [],
    outboundRules: [],
    onlineDeployments: [],
    peerings: [],
    vnetDnsServers: [],
    dnsResolvers: new Map(),
    resolverEndpoints: new Map(),
    forwardingRulesets: new Map(),
    forwardingRules: [],
    rulesetVnetLinks: [],
    firewalls: [],
    firewallPolicies: new Map(),
    routes: [],
    routeTableAssociations: [],
    firewallNetworkRules: [],
    unread: resources.flatMap((r, i) => {
      const family = viewed[i] ? undefined : governedFamilyOf(r);
      return family ? [{ urn: r.urn, name: r.name, type: r.type, family }] : [];
    }),
    workspacesByKey: new Map(),
    datastoresByWorkspace: new Map(),
    outboundRulesByWorkspace: new Map(),
    endpointsByTarget: new Map(),
    zoneGroupsByEndpoint: new Map(),
    linkedVnetsByZone: new Map(),
    label: (key) => index.label(key),
    network: undefined as unknown as NetworkGraph,
    vnetOrigins: new Map(),
    secrets,
    platformHubs: usableHubs(platform).flatMap((hub) => {
      const key = index.keyOfId(hub.virtualNetworkId);
      return key === undefined ? [] : [{ hub, key }];
    }),
  };

  // VNets first: their inline subnets must be in the index before endpoints look subnets up by id.
  for (const view of views.filter((v) => v.kind === "virtualNetwork")) {
    model.vnets.set(view.urn, parseVirtualNetwork(view, index));
    for (const subnet of parseInlineSubnets(view, index)) model.subnets.set(subnet.key, subnet);
    model.peerings.push(...parseInlinePeerings(view, index));
  }

  const parsers: Partial<Record<ResourceView["kind"], (view: ResourceView) => void>> = {
    workspace: (v) => {
      const workspace = parseWorkspace(v, index);
      (kindHas(workspace.workspaceKind, "ownNetwork") === false ? model.projects : model.workspaces).push(
        workspace,
      );
    },
    storageAccount: (v) => model.services.set(v.urn, parseDependencyService(v, index)),
    keyVault: (v) => model.services.set(v.urn, parseDependencyService(v, index)),
    containerRegistry: (v) => model.services.set(v.urn, parseDependencyService(v, index)),
    subnet: (v) => model.subnets.set(v.urn, parseSubnet(v, index)),
    privateEndpoint: (v) => {
      model.endpoints.push(parseEndpoint(v, index));
      model.zoneGroups.push(...parseInlineZoneGroups(v, index));
    },
    zoneGroup: (v) => model.zoneGroups.push(parseZoneGroup(v, index)),
    privateZone: (v) => model.zones.set(v.urn, parseZone(v, index)),
    vnetLink: (v) => model.links.push(parseVnetLink(v, index)),
    compute: (v) => model.computes.push(parseCompute(v, index)),
    managedCluster: (v) => model.clusters.set(v.urn, parseManagedCluster(v, index)),
    onlineEndpoint: (v) => model.onlineEndpoints.push(parseOnlineEndpoint(v, index)),
    batchEndpoint: (v) => model.batchEndpoints.push(parseBatchEndpoint(v, index)),
    datastore: (v) => model.datastores.push(parseDatastore(v, index)),
    synapseWorkspace: (v) => model.synapseWorkspaces.set(v.urn, parseSynapseWorkspace(v, index)),
    synapseManagedEndpoint: (v) => model.managedEndpoints.push(parseManagedEndpoint(v, index)),
    dataFactoryManagedEndpoint: (v) => model.managedEndpoints.push(parseManagedEndpoint(v, index)),
    networkInterface: (v) => model.networkInterfaces.push(parseNetworkInterface(v, index)),
    outboundRule: (v) => model.outboundRules.push(parseOutboundRule(v, index)),
    onlineDeployment: (v) => model.onlineDeployments.push(parseOnlineDeployment(v, index)),
    vnetPeering: (v) => model.peerings.push(parseVnetPeering(v, index)),
    vnetDnsServers: (v) => model.vnetDnsServers.push(parseVnetDnsServers(v, index)),
    dnsResolver: (v) => model.dnsResolvers.set(v.urn, parseDnsResolver(v, index)),
    resolverInboundEndpoint: (v) =>
      model.resolverEndpoints.set(v.urn, parseResolverEndpoint(v, index, "inbound")),
    resolverOutboundEndpoint: (v) =>
      model.resolverEndpoints.set(v.urn, parseResolverEndpoint(v, index, "outbound")),
    forwardingRuleset: (v) => model.forwardingRulesets.set(v.urn, parseForwardingRuleset(v, index)),
    forwardingRule: (v) => model.forwardingRules.push(parseForwardingRule(v, index)),
    rulesetVnetLink: (v) => model.rulesetVnetLinks.push(parseRulesetVnetLink(v, index)),
    firewall: (v) => model.firewalls.push(parseFirewall(v, index)),
    firewallPolicy: (v) => model.firewallPolicies.set(v.urn, parseFirewallPolicy(v, index)),
    routeTable: (v) => {
      model.routes.push(...parseInlineRoutes(v, index));
      model.routeTableAssociations.push(...parseTableSubnets(v, index));
    },
    route: (v) => model.routes.push(parseRoute(v, index)),
    routeTableAssociation: (v) => model.routeTableAssociations.push(parseRouteTableAssociation(v, index)),
    firewallRuleGroup: (v) => model.firewallNetworkRules.push(...parseFirewallNetworkRules(v, index)),
  };
  for (const view of views) parsers[view.kind]?.(view);
  for (const subnet of model.subnets.values())
    if (subnet.routeTable !== undefined)
      model.routeTableAssociations.push({ subnet: subnet.key, table: subnet.routeTable });
  const connected = new Set<string>();
  for (const view of views) model.endpoints.push(...endpointsFromConnections(view, index, connected));

  /** The VNet of a subnet key (a VNet key stands for itself: an inline subnet unknown at preview). */
  const vnetOf = (subnet: Maybe<Key>): Maybe<Key> => {
    if (subnet === undefined || isUnknown(subnet)) return subnet;
    if (index.kindOf(subnet) === "virtualNetwork") return subnet;
    const known = model.subnets.get(subnet);
    if (known) return known.vnet;
    return index.parentVnetOfExternalSubnet(subnet) ?? unknown;
  };

  for (const workspace of model.workspaces) {
    model.workspacesByKey.set(workspace.key, workspace);
    if (Array.isArray(workspace.inlineOutboundRules))
      model.outboundRules.push(...workspace.inlineOutboundRules);
  }
  // A project's resources use its hub's network: they are judged with the hub's, once.
  for (const project of model.projects) {
    const hub = typeof project.hub === "string" ? model.workspacesByKey.get(project.hub) : undefined;
    if (hub) model.workspacesByKey.set(project.key, hub);
  }
  /** The key of the workspace whose network a child of `key` uses. */
  const networkOwner = (key: Key) => model.workspacesByKey.get(key)?.key ?? key;
  for (const rule of model.outboundRules)
    if (typeof rule.workspace === "string")
      push(model.outboundRulesByWorkspace, networkOwner(rule.workspace), rule);
  for (const datastore of model.datastores)
    if (typeof datastore.workspace === "string")
      push(model.datastoresByWorkspace, networkOwner(datastore.workspace), datastore);
  for (const endpoint of model.endpoints) {
    endpoint.vnet = vnetOf(endpoint.subnet);
    for (const c of endpoint.connections)
      if (typeof c.target === "string") push(model.endpointsByTarget, c.target, endpoint);
  }
  for (const cluster of model.clusters.values()) cluster.vnet = vnetOf(cluster.subnet);
  for (const compute of model.computes) {
    const cluster = typeof compute.cluster === "string" ? model.clusters.get(compute.cluster) : undefined;
    if (cluster) compute.subnet = cluster.subnet;
    compute.vnet = cluster ? cluster.vnet : vnetOf(compute.subnet);
    // An attached cluster runs where the AKS cluster is, whatever the compute resource's own location.
    if (cluster && cluster.location !== undefined) compute.location = cluster.location;
  }
  for (const group of model.zoneGroups) {
    for (const zone of group.zones) zone.zoneName ??= model.zones.get(zone.key)?.zoneName;
    if (typeof group.endpoint === "string") push(model.zoneGroupsByEndpoint, group.endpoint, group);
  }
  for (const nic of model.networkInterfaces) nic.vnet = vnetOf(nic.subnet);
  for (const firewall of model.firewalls) firewall.vnet = vnetOf(firewall.subnet);
  for (const endpoint of model.resolverEndpoints.values()) {
    const resolver =
      typeof endpoint.resolver === "string" ? model.dnsResolvers.get(endpoint.resolver) : undefined;
    // A resolver's endpoints are in its VNet (their subnets must be); the subnet tells when the resolver is not in the stack.
    endpoint.vnet = resolver?.vnet ?? vnetOf(endpoint.subnet);
  }
  for (const servers of model.vnetDnsServers) {
    const vnet = typeof servers.vnet === "string" ? model.vnets.get(servers.vnet) : undefined;
    if (vnet)
      Object.assign(vnet, { dnsServers: servers.dnsServers, dnsServerSources: servers.dnsServerSources });
  }
  for (const link of model.links) {
    if (typeof link.zone !== "string" || typeof link.vnet !== "string") continue;
    const vnets = model.linkedVnetsByZone.get(link.zone) ?? new Set<Key>();
    vnets.add(link.vnet);
    model.linkedVnetsByZone.set(link.zone, vnets);
  }
  model.vnetOrigins = vnetOrigins(resources, model.vnets.keys());
  model.network = networkGraphOf(model, (id) => index.keyOfId(id));
  // Keys the platform describes read as the platform's, not as "outside this stack".
  model.label = (key) => (model.network.isPlatformKey(key) ? model.network.label(key) : index.label(key));
  return model;
}
