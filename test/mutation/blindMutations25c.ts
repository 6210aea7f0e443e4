/**
 * Issue 25's third blind mutation check: 40 new one-line breaks of the resolution model (policy/model), the rules
 * on it (policy/rules), the Azure facts tables (policy/azure) and the hub-and-spoke components (sdk), written from
 * the production code, the issue and the reference facts alone, by someone who has read no test, and none
 * repeating a line change of the first two rounds (blindMutations25.ts, blindMutations25b.ts). Each name says the
 * behaviour the break changes. Every mutant is judged by the same whole set of unit test files. Run:
 * `npx ts-node --transpile-only test/mutation/mutate.ts --list blind25c [name-filter]`; results in
 * docs/mutation-25.md, "Third blind round".
 */
import type { Mutation } from "./mutate";
import { blindMutant as mutant } from "./blindJudges";

export const blindMutations25c: Mutation[] = [
  // ---- policy/model: resolution.ts ----
  mutant(
    "D01 of several DNS servers, an unknown one after a working one is ignored (answer ok, not unknown)",
    "policy/model/resolution.ts",
    'if (!worst || (worst.verdict === "ok" && answer.verdict === "unknown")) worst = answer;',
    "if (!worst) worst = answer;",
  ),
  mutant(
    "D02 a described forwarder without forwardsTo is taken as asking Azure DNS of the hub (ok, not unknown)",
    "policy/model/resolution.ts",
    "if (host.kind === DnsHostKinds.forwarder && host.forwardsTo === undefined)",
    "if (host.kind === DnsHostKinds.forwarder && isUnknown(host.forwardsTo))",
  ),
  mutant(
    "D03 a zone whose zone group's endpoint is unknown at preview holds 'no record' (broken, not unknown)",
    "policy/model/resolution.ts",
    "const open = graph.anyOpenRecord || graph.zonesOfOpenRecords.has(zone);",
    "const open = graph.anyOpenRecord;",
  ),
  mutant(
    "D04 forwarding rules: the first matching rule wins, not the longest domain match",
    "policy/model/resolution.ts",
    "if (matches && (!best || domain.length > best.length)) best = { rule, length: domain.length };",
    "if (matches && !best) best = { rule, length: domain.length };",
  ),
  mutant(
    "D05 a DNS server IP held by a host of an unreached VNet outside every known range is 'outside the stack' (unknown, not unreachable)",
    "policy/model/resolution.ts",
    "if (best) return yield* this.viaHost(from, best.host, who);",
    "",
  ),
  // ---- policy/model: networkGraph.ts ----
  mutant(
    "D06 a peering to a VNet outside the stack needs a back side the pack cannot see (broken, not connected)",
    "policy/model/networkGraph.ts",
    "if (!this.vnets.has(b))",
    "if (!this.vnets.has(a))",
  ),
  mutant(
    "D07 DNS names compared case-sensitively (zone, rule domain, NxDomainRedirect)",
    "policy/model/networkGraph.ts",
    'return name.toLowerCase().replace(/\\.$/, "");',
    'return name.replace(/\\.$/, "");',
  ),
  // ---- policy/model: transit.ts, transitPaths.ts ----
  mutant(
    "D08 transit: the destination spoke's own peering with the hub is not checked (one-way peering passes)",
    "policy/model/transit.ts",
    "for (const leg of [graph.peered(from, hub), graph.peered(to, hub)])",
    "for (const leg of [graph.peered(from, hub)])",
  ),
  mutant(
    "D09 transit: the VNet's worst routed subnet is taken, not the best (one subnet routed is not enough)",
    "policy/model/transit.ts",
    "if (!best || rank[worst.verdict] < rank[best.verdict]) best = worst;",
    "if (!best || rank[worst.verdict] > rank[best.verdict]) best = worst;",
  ),
  mutant(
    "D10 a client VNet routed through the hub firewall gets no traffic-through-firewall advisory (sources miss client VNets)",
    "policy/model/transitPaths.ts",
    "      ...clients.of(workspace).map((c) => c.vnet),\n",
    "",
  ),
  // ---- policy/model: platformNetwork.ts, clientVnets.ts, componentOrigin.ts ----
  mutant(
    "D11 a described firewallProxy without forwardsTo is an undescribed forwarder (unknown, not Azure DNS of the hub)",
    "policy/model/platformNetwork.ts",
    "[PlatformDnsKinds.firewallProxy]: DnsHostKinds.firewall,",
    "[PlatformDnsKinds.firewallProxy]: DnsHostKinds.forwarder,",
  ),
  mutant(
    "D12 a VNet resolving some (not all) of a workspace's endpoint names is not a client VNet",
    "policy/model/clientVnets.ts",
    "if (endpoints.some((e) => answered.some((set) => set.has(e.key))))",
    "if (endpoints.every((e) => answered.some((set) => set.has(e.key))))",
  ),
  mutant(
    "D13 a set's VNet origin takes the shortest WorkspaceNetwork name it starts with ('net' before 'net-a')",
    "policy/model/componentOrigin.ts",
    ".sort((a, b) => b.length - a.length)[0]",
    ".sort((a, b) => a.length - b.length)[0]",
  ),
  // ---- policy/model: buildModel.ts, routeParsers.ts ----
  mutant(
    "D14 a subnet's own routeTable is not read as a route table association",
    "policy/model/buildModel.ts",
    "    if (subnet.routeTable !== undefined)\n",
    "    if (subnet.routeTable === undefined)\n",
  ),
  mutant(
    "D15 a subnet read back from Azure (routeTable under properties) has no route table",
    "policy/model/routeParsers.ts",
    'const id = str(holder, "routeTable", "id") ?? str(holder, "properties", "routeTable", "id");',
    'const id = str(holder, "routeTable", "id");',
  ),
  // ---- policy/rules ----
  mutant(
    "D16 two zones of one name on a VNet also reported by the zone-link rule (twice, not only by duplicate links)",
    "policy/rules/zoneLinkedToVnet.ts",
    "      if (answer.fault === ResolutionFaults.duplicateZones) return [];\n",
    "",
  ),
  mutant(
    "D17 a client VNet whose DNS path is unknown passes even when every endpoint is in a VNet it cannot reach",
    "policy/rules/clientVnetReach.ts",
    "    return unreachable ? [{ name, path: unreachable }] : [];",
    "    return [];",
  ),
  mutant(
    "D18 a client VNet is judged on dependencies that have no private endpoint at all",
    "policy/rules/clientVnetReach.ts",
    "  ].filter((n) => endpointsOf(model, n.target).length > 0);",
    "  ];",
  ),
  mutant(
    "D19 an unreachable DNS host is reported per zone group, not once on the VNet at fault (not a path fault)",
    "policy/rules/resolutionFindings.ts",
    "  ResolutionFaults.dnsHostUnreachable,\n  ResolutionFaults.noDnsProxy,",
    "  ResolutionFaults.noDnsProxy,",
  ),
  mutant(
    "D20 a path fault at another VNet (a ruleset's VNet) is reported on the asking VNet",
    "policy/rules/resolutionFindings.ts",
    'return model.vnets.get(key ?? asking)?.urn ?? model.vnets.get(asking)?.urn ?? "";',
    'return model.vnets.get(asking)?.urn ?? "";',
  ),
  mutant(
    "D21 the unverified advisory fires on any name unknown at preview in a VNet with a ruleset, not only forwarded ones",
    "policy/rules/resolutionUnverified.ts",
    'if (answer.verdict === "unknown" && answer.path.some((step) => step.includes("forwards")))',
    'if (answer.verdict === "unknown")',
  ),
  mutant(
    "D22 client VNets get no dns-resolution-unverified advisory",
    "policy/rules/resolutionUnverified.ts",
    "  for (const workspace of model.workspaces)\n",
    "  for (const workspace of model.workspaces.slice(0, 0))\n",
  ),
  mutant(
    "D23 platform-network compares every peering of the stack with the described hub (not only those naming it)",
    "policy/rules/platformNetwork.ts",
    'if (peering.remoteVnet !== key || typeof peering.vnet !== "string") continue;',
    'if (typeof peering.vnet !== "string") continue;',
  ),
  mutant(
    "D24 traffic-through-firewall: a network rule's destinations matched against the asking VNet's range",
    "policy/rules/firewallTransit.ts",
    "covers(r.destinations, toPrefixes)",
    "covers(r.destinations, fromPrefixes)",
  ),
  mutant(
    "D25 a compute VNet whose reach is unknown at preview gets the mandatory 'holds no endpoint' finding",
    "policy/rules/computeVnet.ts",
    '(v) => model.network.connected(vnet, v).verdict !== "broken",',
    '(v) => model.network.connected(vnet, v).verdict === "ok",',
  ),
  // ---- policy/azure: facts tables ----
  mutant(
    "D26 azure.net not reserved: a `.` rule forwards the key vault and notebooks privatelink names",
    "policy/azure/reservedDomains.ts",
    '    "azure.net",\n',
    "",
  ),
  mutant(
    "D27 the registry's regional zone in AzureUSGovernment written with `data.` (Commercial's shape)",
    "policy/azure/clouds.ts",
    'AzureUSGovernment: { registry: ["{regionName}.privatelink.azurecr.us"] },',
    'AzureUSGovernment: { registry: ["{regionName}.data.privatelink.azurecr.us"] },',
  ),
  mutant(
    "D28 AzureChinaCloud's registry zone copied from Commercial (privatelink.azurecr.io)",
    "policy/azure/clouds.ts",
    'registry: ["privatelink.azurecr.cn"],',
    'registry: ["privatelink.azurecr.io"],',
  ),
  mutant(
    "D29 AzureUSGovernment's notebooks zone derived from the cloud suffix (privatelink.notebooks.azure.us)",
    "policy/azure/clouds.ts",
    'amlworkspace: ["privatelink.api.ml.azure.us", "privatelink.notebooks.usgovcloudapi.net"],',
    'amlworkspace: ["privatelink.api.ml.azure.us", "privatelink.notebooks.azure.us"],',
  ),
  mutant(
    "D30 Azure taken to reserve three addresses per subnet instead of five",
    "policy/azure/cidr.ts",
    "export const azureReservedAddressesPerSubnet = 5;",
    "export const azureReservedAddressesPerSubnet = 3;",
  ),
  // ---- sdk: vnetPeering, setPeerings, platformHub, programZoneLinks ----
  mutant(
    "D31 the remote side of a peering is created in the set's resource group, not the remote VNet's",
    "sdk/network/vnetPeering.ts",
    'resourceGroupName: remote.apply((r) => r?.resourceGroup ?? ""),',
    "resourceGroupName: net.resourceGroupName,",
  ),
  mutant(
    "D32 an empty peerings.<key>.remoteAddressSpace accepted",
    "sdk/network/setPeerings.ts",
    "kind: listOf(cidr, 1),",
    "kind: listOf(cidr),",
  ),
  mutant(
    "D33 platformHub's zone ids keyed by the id's zone name as written (case-sensitive)",
    "sdk/network/platformHub.ts",
    '.map((id) => [id.trim().split("/").pop()!.toLowerCase(), id])',
    '.map((id) => [id.trim().split("/").pop()!, id])',
  ),
  mutant(
    "D34 platformHub does not give its addressSpace as hubAddressSpace (overlap with the hub unchecked)",
    "sdk/network/platformHub.ts",
    "hubAddressSpace: args.hubAddressSpace ?? hub.addressSpace,",
    "hubAddressSpace: args.hubAddressSpace,",
  ),
  mutant(
    "D35 the program's links of one zone count as linking all of the set's zones",
    "sdk/dns/programZoneLinks.ts",
    'return links.every(named) ? "linked" : undefined;',
    'return links.some(named) ? "linked" : undefined;',
  ),
  // ---- sdk: validateSpoke, spokeReach, centralPrivateDns ----
  mutant(
    "D36 a peerings entry naming the hub's VNet accepted (two peerings of one pair)",
    "sdk/endpoints/validateSpoke.ts",
    "  if (set.hubVirtualNetworkId) byRemote.set(armIdKey(set.hubVirtualNetworkId), hubIdArgument(set));\n",
    "",
  ),
  mutant(
    "D37 linkExistingZones accepted with dnsMode None or AzurePolicy",
    "sdk/endpoints/validateSpoke.ts",
    "if (set.linkExistingZones === true && mode !== DnsModes.ExistingZones)",
    "if (set.linkExistingZones === true && mode === DnsModes.OwnZones)",
  ),
  mutant(
    "D38 a services set's VNet whose reach is unknown at plan time (firewall IP an output) refused",
    "sdk/endpoints/spokeReach.ts",
    '  if (reach.verdict !== "broken") return undefined;\n  const keys',
    '  if (reach.verdict === "ok") return undefined;\n  const keys',
  ),
  mutant(
    "D39 zones the program's CentralPrivateDns links to the set's VNet not counted as linked",
    "sdk/endpoints/spokeReach.ts",
    'mode === DnsModes.OwnZones || set.linkExistingZones === true || set.programLinks === "linked";',
    "mode === DnsModes.OwnZones || set.linkExistingZones === true;",
  ),
  mutant(
    "D40 central DNS: an adopted zone's links created in the component's resource group, not the zone's",
    "sdk/dns/centralPrivateDns.ts",
    'group: pulumi.output(existing).apply((z) => parseArmId(z)?.resourceGroup ?? ""),',
    "group: pulumi.output(args.resourceGroupName),",
  ),
];
