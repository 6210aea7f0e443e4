/**
 * Issue 25's blind mutation check: one-line breaks of the resolution model (policy/model), the rules on it
 * (policy/rules) and the hub-and-spoke components (sdk), written from the production code and the issue alone,
 * without reading the tests. Each names the test files that judge it (chosen by file name only). Run:
 * `npx ts-node --transpile-only test/mutation/mutate.ts --list blind25 [name-filter]`.
 */
import type { Mutation } from "./mutate";

/** Policy test files by name (chosen from the file names only). */
const policy = (...files: string[]) => files.map((f) => `test/policy/${f}.test.ts`);
/** The resolution model's own tests, by name. */
const core = policy(
  "networkGraph",
  "resolutionOrder",
  "resolutionSearch",
  "resolutionRules",
  "dns",
  "topologies",
);
/**
 * Judges of a component mutant. test/hubSpoke/platformHub.test.ts is left out: it fails on the unmutated
 * branch (2 failing), so it would "kill" every mutant.
 */
const sdkJudges = [
  "test/hubSpoke/components.test.ts",
  "test/hubSpoke/clientSpokes.test.ts",
  "test/endpoints/*.test.ts",
  "test/validation/*.test.ts",
  "test/plan/spokeReport.test.ts",
];

const model = (name: string, file: string, from: string, to: string, tests: string[]): Mutation => ({
  name,
  file: `policy/model/${file}`,
  from,
  to,
  tests,
});
const rule = (name: string, file: string, from: string, to: string, tests: string[]): Mutation => ({
  name,
  file: `policy/rules/${file}`,
  from,
  to,
  tests,
});
const sdk = (name: string, file: string, from: string, to: string): Mutation => ({
  name,
  file: `sdk/${file}`,
  from,
  to,
  tests: sdkJudges,
});

export const mutations: Mutation[] = [
  // policy/model: resolution.ts
  model(
    "B01 a rule on the public name is never consulted",
    "resolution.ts",
    "this.matchingRule(vnet, this.publicName)",
    "undefined",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B02 a ruleset's query leaves from the asking VNet, not the outbound endpoint's",
    "resolution.ts",
    'const from = typeof ruleset?.vnet === "string" ? ruleset.vnet : vnet;',
    "const from = vnet;",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B03 forwarding rule targets judged worst-of instead of first target",
    "resolution.ts",
    "const answer = yield* this.viaIp(from, targets[0], via);",
    "const answer = yield* worstBranch(targets.map((t) => () => this.viaIp(from, t, via)));",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B04 a `.` rule also takes the reserved Azure domains",
    "resolution.ts",
    "const reserved = isUnderReservedDomain(name);",
    "const reserved = isUnderReservedDomain(`${name}.`);",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B05 168.63.129.16 named as a DNS server is not the VNet's own Azure DNS",
    "resolution.ts",
    "if (ip === azureDnsIp) {",
    "if (ip === azureDnsIp && !asking) {",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B06 an unlisted IP in a described hub is not notRunByPlatform",
    "resolution.ts",
    "if (reachable && g.vnets.get(reachable.vnet)?.platform !== undefined)",
    'if (reachable && g.vnets.get(reachable.vnet)?.platform === "")',
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B07 an IP in one unreached in-stack range is no longer unreachable",
    "resolution.ts",
    "if (holders.length > 0) {",
    "if (holders.length > 1) {",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model(
    "B08 a linked zone of unknown name at preview no longer hides the known ones",
    "resolution.ts",
    "known: open ? [] : known",
    "known",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  model("B09 a Disabled forwarding rule still forwards", "resolution.ts", "rule.enabled === false || ", "", [
    ...core,
    ...policy("platformNetwork", "ruleBranches"),
  ]),
  model(
    "B10 of several endpoints with records, the worst reached is taken",
    "resolution.ts",
    ">= verdictOrder.indexOf(a.route.verdict)",
    "<= verdictOrder.indexOf(a.route.verdict)",
    [...core, ...policy("platformNetwork", "ruleBranches")],
  ),
  // policy/model: networkGraph.ts
  model(
    "B11 omitted allowVirtualNetworkAccess taken as false (Azure's default is true)",
    "networkGraph.ts",
    "if (access === false)",
    "if (access !== true)",
    [...core, ...policy("transit", "routes", "clientVnets", "platformNetwork")],
  ),
  model(
    "B12 a peering of unknown remote VNet at preview ignored for its own VNet",
    "networkGraph.ts",
    "if (this.anyOpenPeering || this.openPeerings.has(from))",
    "if (this.anyOpenPeering)",
    [...core, ...policy("transit", "routes", "clientVnets", "platformNetwork")],
  ),
  model(
    "B13 peering state Disconnected matched case-sensitively",
    "networkGraph.ts",
    'peering.state.toLowerCase() === "disconnected"',
    'peering.state === "disconnected"',
    [...core, ...policy("transit", "routes", "clientVnets", "platformNetwork")],
  ),
  // policy/model: transit.ts
  model(
    "B14 omitted allowForwardedTraffic taken as true (Azure's default is false)",
    "transit.ts",
    "if (allowed !== true)",
    "if (allowed === false)",
    [...policy("transit", "routes", "networkGraph", "topologies"), "test/hubSpoke/clientSpokes.test.ts"],
  ),
  model(
    "B15 route selection takes the shortest prefix",
    "transit.ts",
    "cidr.bits > best.bits",
    "cidr.bits < best.bits",
    [...policy("transit", "routes", "networkGraph", "topologies"), "test/hubSpoke/clientSpokes.test.ts"],
  ),
  // policy/model: stackNetwork.ts
  model(
    "B16 firewall policy DNS proxy on by default",
    "stackNetwork.ts",
    "return { dnsProxy: dnsProxy ?? false, forwardsTo };",
    "return { dnsProxy: dnsProxy ?? true, forwardsTo };",
    [...core, ...policy("firewallPolicyInheritance", "ruleBranches")],
  ),
  model(
    "B17 a child firewall policy does not inherit its basePolicy's DNS settings",
    "stackNetwork.ts",
    "at = policy.basePolicy;",
    "at = undefined;",
    [...core, ...policy("firewallPolicyInheritance", "ruleBranches")],
  ),
  model(
    "B18 a Pending or Rejected connection carries traffic",
    "stackNetwork.ts",
    'status.toLowerCase() === "approved"',
    'status.toLowerCase() !== "rejected"',

    [
      ...policy("connectionApproval", "networkGraph", "resolutionRules", "model"),
      "test/managedVnet/approvalBodies.test.ts",
    ],
  ),
  // policy/model: networkGraphParsers.ts, platformNetwork.ts
  model(
    "B19 forwarding rule state omitted taken as Disabled (Azure's default is Enabled)",
    "networkGraphParsers.ts",
    'state?.toLowerCase() !== "disabled"',
    'state === "Enabled"',
    [...core, ...policy("classicModel", "model")],
  ),
  model(
    "B20 a platform firewall not described as a DNS server proxies DNS",
    "platformNetwork.ts",
    "          dnsProxy: false,",
    "          dnsProxy: true,",
    [...core, ...policy("platformNetwork")],
  ),
  // policy/rules
  rule(
    "B21 a zone outside the stack linked from it is left alone",
    "zoneLinkedToVnet.ts",
    "if (!model.zones.has(zone.key) && !linked && !throughPlatform(graph, answer)) return [];",
    "if (!model.zones.has(zone.key) && !throughPlatform(graph, answer)) return [];",
    [...core, ...policy("ruleBranches", "platformNetwork", "sharedModel")],
  ),
  rule(
    "B22 a DNS server the platform does not run is not a path fault",
    "resolutionFindings.ts",
    "  ResolutionFaults.notRunByPlatform,\n",
    "",
    [...core, ...policy("platformNetwork", "componentFix", "ruleBranches")],
  ),
  rule(
    "B23 a fault at a platform DNS host gets the stack's fix text",
    "resolutionFindings.ts",
    "(graph.isDescribed(at) || graph.hosts.get(at)?.platform !== undefined)",
    "graph.isDescribed(at)",
    [...core, ...policy("platformNetwork", "componentFix", "ruleBranches")],
  ),
  rule(
    "B24 the unverified advisory skips VNets holding only computes",
    "resolutionUnverified.ts",
    'for (const c of model.computes) if (typeof c.vnet === "string") used.set(c.vnet, holds);',
    "",
    [...core, ...policy("ruleBranches", "platformNetwork")],
  ),
  rule(
    "B25 a datastore's endpoints in a connected VNet not counted",
    "dependencyEndpointsPerVnet.ts",
    " || elsewhere.reaches(vnet, account, groupId)) return [];",
    ") return [];",
    [...core, ...policy("publicAccessAndDependencies", "ruleBranches", "storageServiceEndpoint")],
  ),
  rule(
    "B26 compute type AmlCompute matched case-sensitively",
    "computeVnet.ts",
    "type.toLowerCase() !== peerableComputeType",
    "type !== peerableComputeType",
    policy("networkAndCompute", "computeClusterDependencies", "ruleBranches", "resolutionRules"),
  ),
  rule(
    "B27 a client VNet whose reach is unknown at preview is blocked",
    "clientVnetReach.ts",
    'reaches.some((r) => r.reach.verdict !== "broken")',
    'reaches.some((r) => r.reach.verdict === "ok")',
    [...policy("clientVnets", "platformNetwork", "resolutionRules"), "test/hubSpoke/clientSpokes.test.ts"],
  ),
  rule(
    "B28 a network rule's `*` address no longer covers the prefixes",
    "firewallTransit.ts",
    'a === "*" ? [parseCidr("0.0.0.0/0")!]',
    'a === "*" ? []',
    policy("transit", "routes", "ruleBranches"),
  ),
  rule(
    "B29 ruleset and VNet regions compared without normalising",
    "rulesetLinkLimits.ts",
    "normalizeLocation(from) === normalizeLocation(to)",
    "normalizeLocation(from) === to",
    policy("rulesetLinkLimits", "ruleBranches", "resolutionRules"),
  ),
  rule(
    "B30 described and actual hub ranges compared in order",
    "platformNetwork.ts",
    '))].sort().join(",")',
    '))].join(",")',
    [...policy("platformNetwork", "ruleBranches"), "test/analyzer/config.test.ts"],
  ),
  // sdk
  sdk(
    "B31 the hub peering does not allow forwarded traffic",
    "network/vnetPeering.ts",
    "allowForwardedTraffic: true",
    "allowForwardedTraffic: false",
  ),
  sdk(
    "B32 central zones' links enable auto-registration",
    "dns/centralPrivateDns.ts",
    "registrationEnabled: false,",
    "registrationEnabled: true,",
  ),
  sdk(
    "B33 central DNS: adopted zone id's name compared case-sensitively",
    "dns/centralPrivateDns.ts",
    "if (idName !== undefined && idName !== zoneName.toLowerCase())",
    "if (idName !== undefined && idName !== zoneName)",
  ),
  sdk(
    "B34 platformHub gives its DNS servers to an existing VNet too",
    "network/platformHub.ts",
    "args.addressSpace !== undefined && servers.length > 0",
    "servers.length > 0",
  ),
  sdk(
    "B35 firewallPrivateIp without subnetOutbound Firewall accepted",
    "endpoints/validateSpoke.ts",
    "if (firewall !== (set.firewallPrivateIp !== undefined))",
    "if (firewall && set.firewallPrivateIp === undefined)",
  ),
  sdk(
    "B36 OwnZones: only dnsServers naming 168.63.129.16 refused",
    "endpoints/validateSpoke.ts",
    "!set.dnsServers.every((ip) => ip === azureDnsIp)",
    "!set.dnsServers.every((ip) => ip !== azureDnsIp)",
  ),
  sdk(
    "B37 existingZoneIds compared with platformHub's zones case-sensitively",
    "endpoints/validateSpoke.ts",
    "if (id !== undefined && !platformZones.has(armIdKey(id)))",
    "if (id !== undefined && !platformZones.has(id))",
  ),
  sdk(
    "B38 ExistingZones counted as linked without linkExistingZones",
    "endpoints/spokeReach.ts",
    "const linked = mode === DnsModes.OwnZones || set.linkExistingZones === true;",
    "const linked = mode === DnsModes.OwnZones || mode === DnsModes.ExistingZones;",
  ),
  sdk(
    "B39 the spoke check's peerings do not allow forwarded traffic",
    "endpoints/spokeReach.ts",
    "    allowForwardedTraffic: true,",
    "    allowForwardedTraffic: false,",
  ),
  sdk(
    "B40 a DNS server the platform does not run is reported on platformHub, not dnsServers",
    "endpoints/spokeReach.ts",
    '[ResolutionFaults.notRunByPlatform]: {\n    property: "dnsServers",',
    '[ResolutionFaults.notRunByPlatform]: {\n    property: "platformHub",',
  ),
];
