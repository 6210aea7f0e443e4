/**
 * Issue 25's second blind mutation check: 40 new one-line breaks of the resolution model (policy/model), the rules
 * on it (policy/rules), the Azure facts tables (policy/azure) and the hub-and-spoke components (sdk), written from
 * the production code, the issue and the reference facts alone, without reading any test, and none repeating a
 * line change of the first round (blindMutations25.ts). Each name says the behaviour the break changes. Every
 * mutant is judged by the same whole set of unit test files (not files guessed by name). Run:
 * `npx ts-node --transpile-only test/mutation/mutate.ts --list blind25b [name-filter]`; results in
 * docs/mutation-25.md, "Second blind round".
 */
import type { Mutation } from "./mutate";
import { blindMutant as mutant } from "./blindJudges";

export const blindMutations25b: Mutation[] = [
  // ---- policy/model: resolution.ts ----
  mutant(
    "C01 a forwarding rule on the private link name wins over a linked zone (rules before linked zones)",
    "policy/model/resolution.ts",
    "if (zones.known.length > 0) return this.zoneAnswer(vnet, this.name!, zones.known);",
    "if (zones.known.length > 0 && !this.matchingRule(vnet, wanted)) return this.zoneAnswer(vnet, this.name!, zones.known);",
  ),
  mutant(
    "C02 a broken DNS server after a working one is ignored (each server must work)",
    "policy/model/resolution.ts",
    'if (answer.verdict === "broken") return answer;',
    'if (answer.verdict === "broken" && !worst) return answer;',
  ),
  mutant(
    "C03 a firewall policy with one custom DNS server asks Azure DNS of the hub instead",
    "policy/model/resolution.ts",
    "if (servers && servers.length > 0)\n        return yield* worstBranch(servers.map((s) =>",
    "if (servers && servers.length > 1)\n        return yield* worstBranch(servers.map((s) =>",
  ),
  mutant(
    "C04 a DNS host whose reach is unknown at preview is taken as reached",
    "policy/model/resolution.ts",
    'if (reach.verdict !== "ok")',
    'if (reach.verdict === "broken")',
  ),
  mutant(
    "C05 a zone record of another resource's endpoint answers for the target",
    "policy/model/resolution.ts",
    "return endpoint && endpoint.targets.includes(target) ? [endpoint] : [];",
    "return endpoint ? [endpoint] : [];",
  ),
  // ---- policy/model: networkGraph.ts ----
  mutant(
    "C06 a peering configured on one side only counts as connected",
    "policy/model/networkGraph.ts",
    'if (back.verdict !== "ok") return back;',
    'if (back.verdict === "unknown") return back;',
  ),
  mutant(
    "C07 a zone link whose zone is unknown at preview no longer leaves its VNet open (wrong key set)",
    "policy/model/networkGraph.ts",
    '} else if (typeof vnet === "string") this.vnetsOfOpenLinks.add(vnet);',
    '} else if (typeof vnet === "string") this.zonesOfOpenLinks.add(vnet);',
  ),
  // ---- policy/model: transit.ts ----
  mutant(
    "C08 the asking spoke's peering need not allow forwarded traffic (only the destination's checked)",
    "policy/model/transit.ts",
    "const flags = forwarded(graph, [to, from], hub, applianceLabel);",
    "const flags = forwarded(graph, [to], hub, applianceLabel);",
  ),
  mutant(
    "C09 an NVA (a NIC holding the next hop) is not an appliance: only Azure Firewall transits",
    "policy/model/transit.ts",
    'new Set(["firewall", "vm"] as const)',
    'new Set(["firewall"] as const)',
  ),
  // ---- policy/model: platformNetwork.ts ----
  mutant(
    "C10 a described firewallProxy/forwarder's forwardsTo is dropped",
    "policy/model/platformNetwork.ts",
    "{ dnsProxy: true, forwardsTo: server.forwardsTo }",
    "{ dnsProxy: true }",
  ),
  mutant(
    "C11 a DNS server or firewall IP outside a one-range hub is accepted",
    "policy/model/platformNetwork.ts",
    "else if (ranges.length > 0 && !inRanges(ip, ranges))",
    "else if (ranges.length > 1 && !inRanges(ip, ranges))",
  ),
  // ---- policy/model: clientVnets.ts, componentOrigin.ts ----
  mutant(
    "C12 a VNet peered only from the endpoints' side is not a client VNet (peered either way)",
    "policy/model/clientVnets.ts",
    "graph.peering(vnet, v) || graph.peering(v, vnet)",
    "graph.peering(vnet, v)",
  ),
  mutant(
    "C13 a VNet holding any VM's NIC is taken for a hub and never judged as a client VNet",
    "policy/model/clientVnets.ts",
    'if (h.kind !== DnsHostKinds.vm && typeof h.vnet === "string") busy.add(h.vnet);',
    'if (typeof h.vnet === "string") busy.add(h.vnet);',
  ),
  mutant(
    "C14 an endpoint set's VNet origin read from its own type, not its parent's (no component origin)",
    "policy/model/componentOrigin.ts",
    "if (types[types.length - 2] !== endpointSetType",
    "if (types[types.length - 1] !== endpointSetType",
  ),
  // ---- policy/model: stackNetwork.ts, routeParsers.ts ----
  mutant(
    "C15 a child policy setting DNS proxy no longer inherits its parent's DNS servers",
    "policy/model/stackNetwork.ts",
    "if (dnsProxy !== undefined && forwardsTo !== undefined) break;",
    "if (dnsProxy !== undefined) break;",
  ),
  mutant(
    "C16 a route read back from Azure (fields under properties) has no prefix, type or next hop",
    "policy/model/routeParsers.ts",
    'const field = (name: string) => str(route, name) ?? str(route, "properties", name);',
    "const field = (name: string) => str(route, name);",
  ),
  // ---- policy/rules ----
  mutant(
    "C17 an endpoint's VNet resolving the name from another zone (not the one holding its records) passes",
    "policy/rules/zoneLinkedToVnet.ts",
    "return answer.zone === zone.key ? [] : [notResolved(model, endpoint, group, zone, answer)];",
    "return [];",
  ),
  mutant(
    "C18 a forwarding loop is reported per zone, not once on the resource at fault",
    "policy/rules/resolutionFindings.ts",
    "  ResolutionFaults.noDnsProxy,\n  ResolutionFaults.forwardingLoop,\n",
    "  ResolutionFaults.noDnsProxy,\n",
  ),
  mutant(
    "C19 a path fault at a firewall is reported on the firewall, not on its policy (where DNS proxy is set)",
    "policy/rules/resolutionFindings.ts",
    "return policy?.urn ?? firewall.urn;",
    "return firewall.urn;",
  ),
  mutant(
    "C20 two different findings on one resource collapse into one",
    "policy/rules/resolutionFindings.ts",
    "if (!seen.has(`${v.urn}\\n${v.message}`)) seen.set(`${v.urn}\\n${v.message}`, v);",
    "if (!seen.has(v.urn)) seen.set(v.urn, v);",
  ),
  mutant(
    "C21 a VNet linked to one forwarding ruleset gets no advisory when a rule forwards outside the stack",
    "policy/rules/resolutionUnverified.ts",
    ": resolver.rulesets.length > 0",
    ": resolver.rulesets.length > 1",
  ),
  mutant(
    "C22 a dependency answer unknown at preview counts as unreached (mandatory finding at preview)",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    'if (!answer || answer.verdict !== "broken") return true;',
    'if (!answer || answer.verdict === "ok") return true;',
  ),
  mutant(
    "C23 an AzureDataLakeGen2 datastore asks for a blob endpoint instead of dfs",
    "policy/rules/dependencyEndpointsPerVnet.ts",
    '["AzureDataLakeGen2", "dfs"],',
    '["AzureDataLakeGen2", "blob"],',
  ),
  mutant(
    "C24 a client VNet's needed names taken from the other layout (customer VNet vs managed network swapped)",
    "policy/rules/clientVnetReach.ts",
    'requiredGroupIds[usesManagedNetwork(workspace) === false ? "customerVnet" : "managedNetwork"];',
    'requiredGroupIds[usesManagedNetwork(workspace) === false ? "managedNetwork" : "customerVnet"];',
  ),
  mutant(
    "C25 a network rule of another firewall policy counts as allowing the transit",
    "policy/rules/firewallTransit.ts",
    "(r) => r.policy === policy && covers(r.sources, fromPrefixes)",
    "(r) => covers(r.sources, fromPrefixes)",
  ),
  mutant(
    "C26 the first of two same-name zone links is reported too (not only the second)",
    "policy/rules/duplicateZoneLinks.ts",
    ".filter((link) => link.zone !== first && zones.includes(link.zone as string))",
    ".filter((link) => zones.includes(link.zone as string))",
  ),
  // ---- policy/azure: facts tables ----
  mutant(
    "C27 windows.net not reserved: a `.` rule forwards the storage privatelink names",
    "policy/azure/reservedDomains.ts",
    '    "windows.net",\n',
    "",
  ),
  mutant(
    "C28 azureml.ms not reserved: a `.` rule forwards the workspace's api names",
    "policy/azure/reservedDomains.ts",
    '    "azureml.ms",\n',
    "",
  ),
  mutant(
    "C29 key vault zone written privatelink.vault.azure.net (the suffix-derived mistake) instead of vaultcore",
    "policy/azure/clouds.ts",
    'vault: ["privatelink.vaultcore.azure.net"],',
    'vault: ["privatelink.vault.azure.net"],',
  ),
  mutant(
    "C30 the registry's regional zone in AzureCloud written without `data.` (Government's shape)",
    "policy/azure/clouds.ts",
    'AzureCloud: { registry: ["{regionName}.data.privatelink.azurecr.io"] },',
    'AzureCloud: { registry: ["{regionName}.privatelink.azurecr.io"] },',
  ),
  mutant(
    "C31 the workspace's notebooks zone dropped in AzureCloud",
    "policy/azure/clouds.ts",
    'amlworkspace: ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"],',
    'amlworkspace: ["privatelink.api.azureml.ms"],',
  ),
  // ---- sdk: platformHub, centralPrivateDns, programHub ----
  mutant(
    "C32 platformHub peers both ways by default (writes into the platform team's hub)",
    "sdk/network/platformHub.ts",
    "hubPeering: args.hubPeering ?? HubPeerings.ThisSideOnly,",
    "hubPeering: args.hubPeering ?? HubPeerings.BothWays,",
  ),
  mutant(
    "C33 platformHub defaults to OwnZones instead of writing into the hub's zones",
    "sdk/network/platformHub.ts",
    "dnsMode: args.dnsMode ?? DnsModes.ExistingZones,",
    "dnsMode: args.dnsMode ?? DnsModes.OwnZones,",
  ),
  mutant(
    "C34 a /28 inbound subnet prefix refused (off by one: /24 to /27 only)",
    "sdk/dns/centralPrivateDns.ts",
    "prefix.bits < 24 || prefix.bits > 28",
    "prefix.bits < 24 || prefix.bits > 27",
  ),
  mutant(
    "C35 both inboundSubnetPrefix and inboundSubnetId accepted together",
    "sdk/dns/centralPrivateDns.ts",
    "if (resolver && subnets !== 1)",
    "if (resolver && subnets === 0)",
  ),
  mutant(
    "C36 an adopted regional registry data zone is neither linked nor listed in zoneIds",
    "sdk/dns/centralPrivateDns.ts",
    "const regional = Object.keys(adopted).filter((z) => classifyRegionalZone(z)?.cloud === cloudName);",
    "const regional: string[] = [];",
  ),
  mutant(
    "C37 a hub VNet id coming from several VNets takes the first one's address space",
    "sdk/network/programHub.ts",
    "return vnets.length === 1 ? vnets[0].addressSpace : undefined;",
    "return vnets.length > 0 ? vnets[0].addressSpace : undefined;",
  ),
  // ---- sdk: spokeReach, validateSpoke ----
  mutant(
    "C38 a spoke peered with a hub has its hub DNS servers judged unreachable",
    "sdk/endpoints/spokeReach.ts",
    "  if (isPeered(set)) return [];\n",
    "",
  ),
  mutant(
    "C39 dnsMode AzurePolicy without dnsServers taken as the VNet's own Azure DNS (refused, not unknown)",
    "sdk/endpoints/spokeReach.ts",
    "const customDns = mode === DnsModes.None || mode === DnsModes.AzurePolicy;",
    "const customDns = mode === DnsModes.None;",
  ),
  mutant(
    "C40 a clients set (no endpoints) with dnsMode OwnZones refused for naming dnsServers",
    "sdk/endpoints/validateSpoke.ts",
    "planEndpoints(set).length > 0 &&",
    "",
  ),
];
