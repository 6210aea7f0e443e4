/**
 * Issue 25's fourth blind mutation check: 40 new one-line breaks of the resolution model (policy/model), the rules
 * on it (policy/rules), the Azure facts tables (policy/azure) and the hub-and-spoke components (sdk), written from
 * the production code, the issue and the reference facts alone, by someone who has read no test, and none
 * repeating a line change of the earlier rounds (blindMutations25.ts, blindMutations25b.ts, blindMutations25c.ts,
 * blindMutations26.ts). Each name says the behaviour the break changes. Every mutant is judged by the same whole
 * set of unit test files. Run: `npx ts-node --transpile-only test/mutation/mutate.ts --list blind25d
 * [name-filter]`; results in docs/mutation-25.md, "Fourth blind round".
 */
import type { Mutation } from "./mutate";
import { blindMutant as mutant } from "./blindJudges";

export const blindMutations25d: Mutation[] = [
  // ---- policy/model: resolution.ts ----
  mutant(
    "E01 two zones of one name linked to a VNet: the first answers (ok), not duplicateZones (broken)",
    "policy/model/resolution.ts",
    "if (!isWithin(name, covered) || covered.length < length) continue;",
    "if (!isWithin(name, covered) || covered.length <= length) continue;",
  ),
  mutant(
    "E02 a zone or rule domain covers any name ending in its text, not only names under it (no label boundary)",
    "policy/model/resolution.ts",
    "return name === domain || name.endsWith(`.${domain}`);",
    "return name.endsWith(domain);",
  ),
  mutant(
    "E03 a VNet with a zone link whose zone is unknown at preview: an unlinked name is broken, not unknown",
    "policy/model/resolution.ts",
    "const open = zones.open || g.anyOpenLink || g.vnetsOfOpenLinks.has(vnet) || this.zoneOfNameOpen(wanted);",
    "const open = zones.open || g.anyOpenLink || this.zoneOfNameOpen(wanted);",
  ),
  // ---- policy/model: networkGraph.ts ----
  mutant(
    "E04 a spoke peered with a hub the platform describes needs the hub's side, which is not seen (broken, not ok)",
    "policy/model/networkGraph.ts",
    '    if (this.isDescribed(b)) return { verdict: "ok", route: "peered (the hub\'s side is the platform\'s)" };\n',
    "",
  ),
  mutant(
    "E05 a VNet only other VNets peer with (none of its own) counts as isolated",
    "policy/model/networkGraph.ts",
    "      !this.peeredTo.has(vnet) &&\n",
    "",
  ),
  // ---- policy/model: transit.ts ----
  mutant(
    "E06 transit: a route matches when its prefix lies inside the destination, not when it holds it (0.0.0.0/0 never matches)",
    "policy/model/transit.ts",
    "if (cidr && contains(cidr, target) && (!best || cidr.bits > best.bits))",
    "if (cidr && contains(target, cidr) && (!best || cidr.bits > best.bits))",
  ),
  mutant(
    "E07 transit: allowForwardedTraffic read on the hub's side of each peering, not on the spoke's",
    "policy/model/transit.ts",
    "const peering = graph.peering(spoke, hub);",
    "const peering = graph.peering(hub, spoke);",
  ),
  // ---- policy/model: clientVnets.ts ----
  mutant(
    "E08 client VNets: a VNet on Azure-provided DNS resolves through no VNet (its linked zones' records not seen)",
    "policy/model/clientVnets.ts",
    "if (!Array.isArray(servers) || servers.length === 0) return [vnet];",
    "if (!Array.isArray(servers) || servers.length === 0) return [];",
  ),
  mutant(
    "E09 client VNets: a VNet holding only computes is taken as a client VNet too (judged twice)",
    "policy/model/clientVnets.ts",
    '    for (const c of model.computes) if (typeof c.vnet === "string") busy.add(c.vnet);\n',
    "",
  ),
  // ---- policy/model: stackNetwork.ts ----
  mutant(
    "E10 a zone group whose zones are not all known at preview: a zone without the record is broken, not unknown",
    "policy/model/stackNetwork.ts",
    "    if (!group.complete) records.push({ zone: unknown, endpoint: group.endpoint });\n",
    "",
  ),
  mutant(
    "E11 firewall policy DNS: a parent's enableProxy overrides the child policy's own setting",
    "policy/model/stackNetwork.ts",
    "    dnsProxy ??= policy.enableProxy;",
    "    dnsProxy = policy.enableProxy ?? dnsProxy;",
  ),
  mutant(
    "E12 a hub the stack holds is also added as the platform's description (its own DNS servers then 'not run by the platform')",
    "policy/model/stackNetwork.ts",
    "model.platformHubs.filter((h) => !model.vnets.has(h.key)).map((h) => h.hub),",
    "model.platformHubs.map((h) => h.hub),",
  ),
  // ---- policy/model: platformNetwork.ts, resolutionQueries.ts, routeParsers.ts ----
  mutant(
    "E13 platform: only a spoke range inside a hub's is reported as overlapping (partly overlapping or holding it: not)",
    "policy/model/platformNetwork.ts",
    "const clash = own.find((c) => overlaps(c, hubRange));",
    "const clash = own.find((c) => overlaps(c, hubRange) && contains(hubRange, c));",
  ),
  mutant(
    "E14 a registry's regional zone present in the stack but not linked where the VNet resolves counts as broken",
    "policy/model/resolutionQueries.ts",
    ".filter((a) => a.fault !== ResolutionFaults.zoneNotLinked && a.fault !== ResolutionFaults.outsideStack);",
    ".filter((a) => a.fault !== ResolutionFaults.outsideStack);",
  ),
  mutant(
    "E15 firewall rule groups: the network rules of Deny collections are read as allowing traffic",
    "policy/model/routeParsers.ts",
    'if (typeof action !== "string" || action.toLowerCase() !== "allow" || !Array.isArray(rules)) return [];',
    'if (typeof action !== "string" || !Array.isArray(rules)) return [];',
  ),
  // ---- policy/rules ----
  mutant(
    "E16 dns-resolution-unverified: a VNet whose DNS path is broken (not unknown) also gets the advisory",
    "policy/rules/resolutionUnverified.ts",
    '    resolver.verdict === "unknown"\n',
    '    resolver.verdict !== "ok"\n',
  ),
  mutant(
    "E17 client-vnet-reaches-workspace: a name whose DNS path is unknown at preview is a mandatory violation",
    "policy/rules/clientVnetReach.ts",
    'if (answer?.verdict === "broken") return [{ name, path: describePath(answer) }];',
    'if (answer && answer.verdict !== "ok") return [{ name, path: describePath(answer) }];',
  ),
  mutant(
    "E18 zone-linked-to-vnet: an endpoint VNet whose DNS path is unknown at preview is reported (not left for the update)",
    "policy/rules/zoneLinkedToVnet.ts",
    '      if (answer.verdict === "unknown") return [];\n',
    "",
  ),
  mutant(
    "E19 dependency endpoints: a VNet holding any one dependency's endpoints counts as sharing them all with the workspace",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    "withEndpoints.every((r) => r.groupsByVnet.has(vnet))",
    "withEndpoints.some((r) => r.groupsByVnet.has(vnet))",
  ),
  mutant(
    "E20 dependency endpoints: a storage service endpoint excuses the missing storage endpoints of a customer-VNet workspace too",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    '!customerVnet && r.kind === "storageAccount" && reachesByServiceEndpoint',
    'r.kind === "storageAccount" && reachesByServiceEndpoint',
  ),
  mutant(
    "E21 traffic-through-firewall: a network rule covering one of the VNet's prefixes counts as allowing all of them",
    "policy/rules/firewallTransit.ts",
    "return (prefixes as string[]).every((p) => {",
    "return (prefixes as string[]).some((p) => {",
  ),
  mutant(
    "E22 traffic-through-firewall: the advisory is reported on the asking VNet, not on the route that sends it",
    "policy/rules/firewallTransit.ts",
    "urn: model.routes.find((r) => r.key === through.route)?.urn",
    "urn: model.routes.find((r) => r.key === through.from)?.urn",
  ),
  mutant(
    "E23 ruleset link limits: first links keyed by ruleset, so a second ruleset linked to one VNet is never found",
    "policy/rules/rulesetLinkLimits.ts",
    "      first.set(link.vnet, link);",
    "      first.set(link.ruleset, link);",
  ),
  mutant(
    "E24 record collision: endpoints of different targets writing into one zone are reported as colliding",
    "policy/rules/dnsRecordCollision.ts",
    "const key = `${connection.target}\\n${zone.key}`;",
    "const key = zone.key;",
  ),
  mutant(
    "E25 platform-network: a peering stating an empty remote address space contradicts the description",
    "policy/rules/platformNetwork.ts",
    "if (Array.isArray(stated) && stated.length > 0 && !sameRanges(stated, hub.addressSpace))",
    "if (Array.isArray(stated) && !sameRanges(stated, hub.addressSpace))",
  ),
  // ---- policy/azure: fact tables ----
  mutant(
    "E26 China cloud: the blob zone named privatelink.blob.core.windows.cn (not chinacloudapi.cn)",
    "policy/azure/clouds.ts",
    'blob: ["privatelink.blob.core.chinacloudapi.cn"],',
    'blob: ["privatelink.blob.core.windows.cn"],',
  ),
  mutant(
    "E27 azurecr.io not reserved: a '.' forwarding rule sends registry names away from the linked zones",
    "policy/azure/reservedDomains.ts",
    '    "azurecr.io",\n',
    "",
  ),
  mutant(
    "E28 CIDR containment misses a range ending where its container ends (a range does not contain itself)",
    "policy/azure/cidr.ts",
    "outer.start <= inner.start && inner.end <= outer.end",
    "outer.start <= inner.start && inner.end < outer.end",
  ),
  mutant(
    "E29 Azure DNS's virtual IP mistyped 168.63.129.61: naming 168.63.129.16 is a DNS server outside the stack",
    "policy/azure/azureDnsIp.ts",
    'export const azureDnsIp = "168.63.129.16";',
    'export const azureDnsIp = "168.63.129.61";',
  ),
  mutant(
    "E30 usgovvirginia missing from the US Government regions: a workspace there is judged with the public cloud's zones",
    "policy/azure/locations.ts",
    '"usgovtexas", "usgovvirginia", "usdodcentral"',
    '"usgovtexas", "usdodcentral"',
  ),
  // ---- sdk: hub-and-spoke components ----
  mutant(
    "E31 the hub's side of a BothWays peering is created on the spoke's own VNet, not the hub's",
    "sdk/network/vnetPeering.ts",
    'virtualNetworkName: remote.apply((r) => r?.name ?? ""),',
    "virtualNetworkName: net.virtualNetworkName,",
  ),
  mutant(
    "E32 hubPeering defaults to ThisSideOnly: no hub-side peering is created unless asked",
    "sdk/endpoints/privateEndpointSet.ts",
    "mode: (layout.hubPeering as HubPeerings | undefined) ?? HubPeerings.BothWays,",
    "mode: (layout.hubPeering as HubPeerings | undefined) ?? HubPeerings.ThisSideOnly,",
  ),
  mutant(
    "E33 dnsMode ExistingZones links the central zones to the set's VNet even without linkExistingZones",
    "sdk/endpoints/privateEndpointSet.ts",
    "if (mode === DnsModes.ExistingZones && layout.linkExistingZones === true)",
    "if (mode === DnsModes.ExistingZones)",
  ),
  mutant(
    "E34 spoke checks take an unset dnsMode as ExistingZones: dnsServers with own zones and a stray linkExistingZones pass",
    "sdk/endpoints/validateSpoke.ts",
    "const mode = set.dnsMode ?? DnsModes.OwnZones;",
    "const mode = set.dnsMode ?? DnsModes.ExistingZones;",
  ),
  mutant(
    "E35 two peerings naming the same remote VNet (neither the hub) are not refused",
    "sdk/endpoints/validateSpoke.ts",
    "    else byRemote.set(armIdKey(id), property);\n",
    "",
  ),
  mutant(
    "E36 platformHub: a hubVirtualNetworkId differing only in case is refused as another VNet",
    "sdk/endpoints/validateSpoke.ts",
    "armIdKey(set.hubVirtualNetworkId) !== armIdKey(hub.virtualNetworkId)",
    "set.hubVirtualNetworkId !== hub.virtualNetworkId",
  ),
  mutant(
    "E37 a set with exactly one peering (no hub) has the endpoints it omits taken as in a VNet it is not peered with",
    "sdk/endpoints/spokeReach.ts",
    ": peeringKeys.length > 0",
    ": peeringKeys.length > 1",
  ),
  mutant(
    "E38 spoke reach: a path unknown when planning (e.g. a DNS server IP not known yet) is refused as broken",
    "sdk/endpoints/spokeReach.ts",
    '      return answer.verdict === "broken"\n',
    '      return answer.verdict !== "ok"\n',
  ),
  mutant(
    "E39 the program's zone links: one zone linked to the set's VNet counts as all of them",
    "sdk/dns/programZoneLinks.ts",
    "links.length > 0 && linked.every((zone) => zone.some((vnets) => vnets.some((v) => own.includes(v))))",
    "links.length > 0 && linked.some((zone) => zone.some((vnets) => vnets.some((v) => own.includes(v))))",
  ),
  mutant(
    "E40 central DNS: no privatelink.file zone is created (the file endpoints' zone is missing from the hub)",
    "sdk/dns/centralPrivateDns.ts",
    "    GroupIds.file,\n",
    "",
  ),
];
