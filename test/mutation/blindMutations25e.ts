/**
 * Issue 25's fifth blind mutation check: 40 new one-line breaks of the resolution model (policy/model), the rules
 * on it (policy/rules), the Azure facts tables (policy/azure) and the hub-and-spoke components (sdk), written from
 * the production code, the issue and the reference facts alone, by someone who has read no test, and none
 * repeating a line change of the earlier rounds (blindMutations25.ts, blindMutations25b.ts, blindMutations25c.ts,
 * blindMutations25d.ts, blindMutations26.ts). Each name says the behaviour the break changes. Every mutant is
 * judged by the same whole set of unit test files. Run: `npx ts-node --transpile-only test/mutation/mutate.ts
 * --list blind25e [name-filter]`; results in docs/mutation-25.md, "Fifth blind round".
 */
import type { Mutation } from "./mutate";
import { blindMutant as mutant } from "./blindJudges";

export const blindMutations25e: Mutation[] = [
  // ---- policy/model: resolution.ts ----
  mutant(
    "E01 a platform DNS forwarder that says where it forwards asks Azure DNS of the hub instead of its forwardsTo servers",
    "policy/model/resolution.ts",
    "if (host.kind === DnsHostKinds.firewall || host.kind === DnsHostKinds.forwarder) {",
    "if (host.kind === DnsHostKinds.firewall) {",
  ),
  mutant(
    "E02 resolverOf: a VNet naming 168.63.129.16 as DNS server is not among the VNets resolving for it",
    "policy/model/resolution.ts",
    "if (ip === azureDnsIp) return [vnet];",
    "if (ip === azureDnsIp) return [];",
  ),
  // ---- policy/model: networkGraph.ts ----
  mutant(
    "E03 a zone link whose VNet is unknown at preview opens every VNet's names (anyOpenLink), not only that zone's",
    "policy/model/networkGraph.ts",
    '      else if (typeof zone === "string") this.zonesOfOpenLinks.add(zone);\n',
    "",
  ),
  mutant(
    "E04 transit paths: a VNet holding some of a workspace's endpoints is not followed to the VNet holding the others",
    "policy/model/transitPaths.ts",
    "      ...targets,\n    ].filter((v) => graph.routesByVnet.has(v));",
    "    ].filter((v) => graph.routesByVnet.has(v));",
  ),
  mutant(
    "E05 a VNet linked to a DNS forwarding ruleset (no peering, no DNS server) counts as isolated",
    "policy/model/networkGraph.ts",
    "(servers === undefined || (Array.isArray(servers) && servers.length === 0)) &&\n      !this.rulesetsByVnet.has(vnet)",
    "(servers === undefined || (Array.isArray(servers) && servers.length === 0))",
  ),
  // ---- policy/model: clientVnets.ts, componentOrigin.ts ----
  mutant(
    "E06 client VNets: a VNet tied to one workspace also becomes a client of every workspace whose records its zones hold",
    "policy/model/clientVnets.ts",
    "      if (related.length === 0)\n",
    "      if (related.length >= 0)\n",
  ),
  mutant(
    "E07 component origin: a WorkspaceNetwork set's argument path keeps the dash (sets.-clients. instead of sets.clients.)",
    "policy/model/componentOrigin.ts",
    "sets.${setName.slice(network.length + 1)}.",
    "sets.${setName.slice(network.length)}.",
  ),
  // ---- policy/model: platformNetwork.ts ----
  mutant(
    "E08 a described hub enters the graph without its address space (an IP in it no platform server runs is unknown, not notRunByPlatform)",
    "policy/model/platformNetwork.ts",
    "      addressPrefixes: [...hub.addressSpace],\n",
    "      addressPrefixes: [],\n",
  ),
  mutant(
    "E09 a platform hub with an empty addressSpace list is accepted (only a missing one is refused)",
    "policy/model/platformNetwork.ts",
    "  if (addressSpace.length === 0)\n",
    "  if (!Array.isArray(hub.addressSpace))\n",
  ),
  // ---- policy/model: stackNetwork.ts ----
  mutant(
    "E10 a firewall without a policy and without DNS settings counts as a DNS proxy (default on, not off)",
    "policy/model/stackNetwork.ts",
    "return { dnsProxy: firewall.dnsProxy ?? false, forwardsTo: firewall.dnsServers };",
    "return { dnsProxy: firewall.dnsProxy ?? true, forwardsTo: firewall.dnsServers };",
  ),
  mutant(
    "E11 a zone the platform describes that the stack also names reads as the stack's zone, not the platform's",
    "policy/model/stackNetwork.ts",
    "for (const zone of platform.zones) zones.set(zone.key, zone);",
    "for (const zone of platform.zones) if (!zones.has(zone.key)) zones.set(zone.key, zone);",
  ),
  // ---- policy/model: parsers ----
  mutant(
    "E12 a zone group whose every config names a known zone counts as incomplete (its zones may hold unknown records)",
    "policy/model/dnsParsers.ts",
    "complete: zones.size >= configs.length",
    "complete: zones.size > configs.length",
  ),
  mutant(
    "E13 a resolver inbound endpoint's private IP read from privateIPAddress (not azure-native's privateIpAddress): it holds no IP",
    "policy/model/networkGraphParsers.ts",
    '? ipConfigurations(view, index, "privateIpAddress")',
    '? ipConfigurations(view, index, "privateIPAddress")',
  ),
  mutant(
    "E14 a classic firewall's Network.DNS.Servers list is split on commas without trimming (' 10.0.0.5' matches no host)",
    "policy/model/networkGraphParsers.ts",
    'servers.split(",").map((s) => s.trim())',
    'servers.split(",")',
  ),
  // ---- policy/model: resolutionQueries.ts ----
  mutant(
    "E15 a peered compute cluster's VNet need only reach the storage (managed-network set), not the key vault and registry",
    "policy/model/resolutionQueries.ts",
    "requiredGroupIds.customerVnet[d.kind].flatMap((groupId) => {",
    "requiredGroupIds.managedNetwork[d.kind].flatMap((groupId) => {",
  ),
  // ---- policy/rules ----
  mutant(
    "E16 record collision reported on the first endpoint writing the records, not on the later ones",
    "policy/rules/dnsRecordCollision.ts",
    "for (const endpoint of endpoints.slice(1)) {",
    "for (const endpoint of endpoints.slice(0, -1)) {",
  ),
  mutant(
    "E17 one ruleset linked twice to one VNet is reported as a second ruleset on that VNet",
    "policy/rules/rulesetLinkLimits.ts",
    "    if (earlier.ruleset === link.ruleset) return [];\n",
    "",
  ),
  mutant(
    "E18 endpoint zone groups: with custom-dns declared, an endpoint without a zone group is still reported",
    "policy/rules/endpointZoneGroups.ts",
    "if (!allGroupsTied || manager === PrivateDnsManagers.customDns) return [];",
    "if (!allGroupsTied) return [];",
  ),
  mutant(
    "E19 endpoint zone groups: a zone named in another case (privatelink.API.azureml.ms) counts as missing",
    "policy/rules/endpointZoneGroups.ts",
    "g.zones.map((z) => (z.zoneName as string).toLowerCase())",
    "g.zones.map((z) => z.zoneName as string)",
  ),
  mutant(
    "E20 dependency endpoints: a datastore on a public storage account still asks for a private endpoint per VNet",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    "  if (!isPrivateService(model, account)) return [];\n",
    "",
  ),
  mutant(
    "E21 dependency endpoints: a managed-network workspace must also share a VNet with its dependencies' endpoints",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    "if (customerVnet && withEndpoints.length > 0 && !shared)",
    "if (withEndpoints.length > 0 && !shared)",
  ),
  mutant(
    "E22 dependency endpoints: an AzureFile datastore asks for a blob endpoint, not a file one",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    '  ["AzureFile", "file"],\n',
    '  ["AzureFile", "blob"],\n',
  ),
  mutant(
    "E23 zone linked to VNet: a zone with a link whose VNet is unknown at preview is reported as not linked",
    "policy/rules/zoneLinkedToVnet.ts",
    "graph.anyOpenLink || graph.vnetsOfOpenLinks.has(vnet) || graph.zonesOfOpenLinks.has(zone.key);",
    "graph.anyOpenLink || graph.vnetsOfOpenLinks.has(vnet);",
  ),
  mutant(
    "E24 firewall transit: a network rule's wider range (10.0.0.0/8, *) does not cover a VNet's narrower range",
    "policy/rules/firewallTransit.ts",
    "return prefix !== undefined && cidrs.some((c) => contains(c, prefix));",
    "return prefix !== undefined && cidrs.some((c) => contains(prefix, c));",
  ),
  mutant(
    "E25 compute VNet: a workspace endpoint whose VNet is unknown at preview no longer makes the rule stand down",
    "policy/rules/computeVnet.ts",
    'if (endpoints.length === 0 || endpoints.some((e) => typeof e.vnet !== "string")) return [];',
    "if (endpoints.length === 0) return [];",
  ),
  // ---- policy/azure ----
  mutant(
    "E26 a CIDR with host bits set (10.0.0.1/16) is accepted as a range",
    "policy/azure/cidr.ts",
    "  if (start % size !== 0) return undefined;\n",
    "",
  ),
  mutant(
    "E27 two ranges sharing one address (or two equal /32s) do not overlap (strict comparison)",
    "policy/azure/cidr.ts",
    "return a.start <= b.end && b.start <= a.end;",
    "return a.start < b.end && b.start < a.end;",
  ),
  mutant(
    "E28 Azure China's key vault zone is privatelink.vaultcore.chinacloudapi.cn, not privatelink.vaultcore.azure.cn",
    "policy/azure/clouds.ts",
    'vault: ["privatelink.vaultcore.azure.cn"],',
    'vault: ["privatelink.vaultcore.chinacloudapi.cn"],',
  ),
  mutant(
    "E29 chinacloudapi.cn is not a reserved domain: a '.' forwarding rule takes China's storage names",
    "policy/azure/reservedDomains.ts",
    '    "chinacloudapi.cn",\n',
    "",
  ),
  mutant(
    "E30 a zone name given with its trailing dot (privatelink.blob.core.windows.net.) is not recognised as a zone-table zone",
    "policy/azure/clouds.ts",
    '  const name = zoneName.toLowerCase().replace(/\\.$/, "");\n  for (const cloud of allClouds) {\n',
    "  const name = zoneName.toLowerCase();\n  for (const cloud of allClouds) {\n",
  ),
  // ---- sdk: dns ----
  mutant(
    "E31 custom DNS records: two endpoints registering one name in different case are not refused (and names keep their case)",
    "sdk/dns/dnsRecords.ts",
    "const fqdn = config.fqdn.toLowerCase();",
    "const fqdn = config.fqdn;",
  ),
  mutant(
    "E32 an endpoint's zone group names every existing regional zone (the registry's data zone on a blob endpoint too)",
    "sdk/dns/zoneKeys.ts",
    "existingZoneNames.filter((z) => classifyRegionalZone(z)?.groupId === groupId)",
    "existingZoneNames.filter((z) => classifyRegionalZone(z) !== undefined)",
  ),
  mutant(
    "E33 own zones: a set of no endpoints still creates its (empty) DNS resource group",
    "sdk/dns/privateZones.ts",
    "  if (args.zoneKeys.length === 0) return {};\n",
    "",
  ),
  // ---- sdk: network ----
  mutant(
    "E34 the remote side of a peering points at the remote VNet itself, not back at the set's VNet",
    "sdk/network/vnetPeering.ts",
    "      remoteVirtualNetwork: { id: net.virtualNetworkId },\n",
    "      remoteVirtualNetwork: { id: remoteId },\n",
  ),
  mutant(
    "E35 the endpoint subnet a set creates enables private endpoint network policies (NSGs and routes apply)",
    "sdk/network/endpointNetwork.ts",
    "privateEndpointNetworkPolicies: network.VirtualNetworkPrivateEndpointNetworkPolicies.Disabled,",
    "privateEndpointNetworkPolicies: network.VirtualNetworkPrivateEndpointNetworkPolicies.Enabled,",
  ),
  mutant(
    "E36 peerings: an entry without remoteVirtualNetworkId is not refused as missing",
    "sdk/network/setPeerings.ts",
    "  remoteVirtualNetworkId: { kind: armId(ArmTypes.virtualNetwork), required: true },\n",
    "  remoteVirtualNetworkId: { kind: armId(ArmTypes.virtualNetwork) },\n",
  ),
  // ---- sdk: endpoints ----
  mutant(
    "E37 validate spoke: hubPeering without hubVirtualNetworkId is accepted",
    "sdk/endpoints/validateSpoke.ts",
    '      ["hubPeering", set.hubPeering],\n',
    "",
  ),
  mutant(
    "E38 validate spoke: azureNamePrefix is not checked against the endpoints' NIC names (the longest names)",
    "sdk/endpoints/validateSpoke.ts",
    "return [`${prefix}-vnet`, `${prefix}-endpoints`, ...endpoints, ...endpoints.map((pe) => `${pe}-nic`)];",
    "return [`${prefix}-vnet`, `${prefix}-endpoints`, ...endpoints];",
  ),
  mutant(
    "E39 spoke reach: a set peered only through peerings (no hub) counts as unpeered (its DNS servers out of range unreachable)",
    "sdk/endpoints/spokeReach.ts",
    "return set.hubVirtualNetworkId !== undefined || Object.keys(set.peerings ?? {}).length > 0;",
    "return set.hubVirtualNetworkId !== undefined;",
  ),
  mutant(
    "E40 spoke reach: a spoke's own endpoints are judged before the program's pending zone links exist (refused too early)",
    "sdk/endpoints/spokeReach.ts",
    '  if (set.programLinks === "pending") return undefined;\n',
    "",
  ),
];
