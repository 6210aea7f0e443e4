/**
 * Validation of a set as a spoke: its peering with a hub, its DNS servers and links, the endpoints it omits,
 * its subnet's outbound design and its Azure names. Pure, on plain values, before anything is registered.
 */
import { armIdKey, parseArmId } from "../../policy/azure/armId";
import { azureDnsIp } from "../../policy/azure/azureDnsIp";
import { overlaps, parseCidr, type Cidr } from "../../policy/azure/cidr";
import { peeringPath } from "../network/setPeerings";
import { DnsModes } from "../dns/dnsModes";
import { SubnetOutbounds } from "../network/networkModes";
import { memberPath } from "../validation/argProblem";
import { NameRules } from "../validation/names";
import { planEndpoints } from "./endpointPlan";
import { hubProblems } from "../../policy/model/platformNetwork";
import { heldEndpointProblem, omittedEndpointProblem, platformHubReachProblems } from "./spokeReach";
import { problem, type EndpointSetLayout, type EndpointSetProblem } from "./validateEndpointSets";

/** The Azure names `azureNamePrefix` gives, by the argument a bad one would come from. */
export function azureNamesOf(set: EndpointSetLayout, prefix: string): string[] {
  const endpoints = planEndpoints(set).map((e) => `${prefix}-pe-${e.key}`);
  return [`${prefix}-vnet`, `${prefix}-endpoints`, ...endpoints, ...endpoints.map((pe) => `${pe}-nic`)];
}

/** A VNet the set's VNet is peered with, as the overlap checks see its range. */
export interface PeeredRange {
  /** The argument its prefixes came from (`hubAddressSpace`, or the id's argument when read from the VNet). */
  property: string;
  prefixes: readonly string[];
  /** Read from the VNet itself (built in this program) rather than given. */
  read: boolean;
  /** "hub", or "remote" for a VNet of `peerings`. */
  noun: "hub" | "remote";
}

const shownPrefix = (range: PeeredRange, text: string) =>
  range.read ? `the ${range.noun} VNet's address space ${text}` : text;

/**
 * The peered ranges Azure refuses: one overlapping the set's VNet (virtual-network-manage-peering: "The virtual
 * networks you peer must have non-overlapping IP address spaces"), and two peered VNets overlapping each other
 * (ARM's VnetAddressSpaceOverlapsWithAlreadyPeeredVnet: two VNets "cannot be peered because address space of the
 * first virtual network overlaps with address space of virtual network … already peered with the second").
 */
export function peeredOverlapProblems(
  set: EndpointSetLayout,
  ranges: readonly PeeredRange[],
): EndpointSetProblem[] {
  const own = (set.addressSpace ?? []).map(parseCidr).filter((c) => c !== undefined);
  const seen: { range: PeeredRange; cidr: Cidr }[] = [];
  return ranges.flatMap((range) =>
    range.prefixes.flatMap((text) => {
      const cidr = parseCidr(text);
      if (!cidr) return [];
      const clash = own.find((c) => overlaps(c, cidr));
      const other = seen.find((s) => s.range !== range && overlaps(s.cidr, cidr));
      seen.push({ range, cidr });
      const shown = shownPrefix(range, text);
      return [
        ...(clash
          ? [
              problem(
                set.name,
                range.property,
                shown,
                `overlaps ${clash.text} of this set's VNet; Azure refuses to peer VNets whose address spaces overlap: ${range.noun === "hub" ? "give the spoke a range outside the hub's" : "give this set's VNet a range outside the remote VNet's"}`,
              ),
            ]
          : []),
        ...(other
          ? [
              problem(
                set.name,
                range.property,
                shown,
                `overlaps ${other.cidr.text} of the ${other.range.noun} VNet this set's VNet is also peered with (${other.range.property}); Azure refuses to peer a VNet with a VNet whose range overlaps one already peered with it: give the two remote VNets distinct ranges, or peer with one of them`,
              ),
            ]
          : []),
      ];
    }),
  );
}

/** The peered ranges given as arguments: the hub's, then each peering's. */
function givenRanges(set: EndpointSetLayout): PeeredRange[] {
  const hub: PeeredRange[] =
    set.hubVirtualNetworkId !== undefined && set.hubAddressSpace
      ? [{ property: hubRangeArgument(set), prefixes: set.hubAddressSpace, read: false, noun: "hub" }]
      : [];
  return [
    ...hub,
    ...Object.entries(set.peerings ?? {}).flatMap(([key, p]): PeeredRange[] =>
      p.remoteAddressSpace
        ? [
            {
              property: peeringPath(key, "remoteAddressSpace"),
              prefixes: p.remoteAddressSpace,
              read: false,
              noun: "remote",
            },
          ]
        : [],
    ),
  ];
}

/** The argument a set's hub id came from. */
export function hubIdArgument(set: EndpointSetLayout): string {
  return set.platformHub && set.fromPlatform?.hubVirtualNetworkId
    ? "platformHub.virtualNetworkId"
    : "hubVirtualNetworkId";
}

/** The argument a set's hub range came from. */
export function hubRangeArgument(set: EndpointSetLayout): string {
  return set.platformHub && set.fromPlatform?.hubAddressSpace
    ? "platformHub.addressSpace"
    : "hubAddressSpace";
}

/**
 * `peerings`: an entry naming this set's own VNet, two naming one VNet (or one naming the hub), and the key
 * `hub` beside a hub, whose peerings would take the same names.
 */
function peeringsProblems(
  set: EndpointSetLayout,
  ownVnetId: string | undefined,
  problems: EndpointSetProblem[],
) {
  const peerings = Object.entries(set.peerings ?? {});
  const byRemote = new Map<string, string>();
  if (set.hubVirtualNetworkId) byRemote.set(armIdKey(set.hubVirtualNetworkId), hubIdArgument(set));
  if (set.hubVirtualNetworkId !== undefined && set.peerings?.hub !== undefined)
    problems.push(
      problem(
        set.name,
        peeringPath("hub"),
        "hub",
        `names the same peerings as ${hubIdArgument(set)} (${set.name}-to-hub, ${set.name}-from-hub); give this peering another key, or leave the hub's arguments out and keep it here`,
      ),
    );
  for (const [key, p] of peerings) {
    const id = p.remoteVirtualNetworkId;
    if (!id) continue;
    const property = peeringPath(key, "remoteVirtualNetworkId");
    if (ownVnetId && armIdKey(ownVnetId) === armIdKey(id)) {
      problems.push(
        problem(set.name, property, id, "is this set's own VNet; give the id of the VNet to peer with"),
      );
      continue;
    }
    const other = byRemote.get(armIdKey(id));
    if (other)
      problems.push(
        problem(
          set.name,
          property,
          id,
          `names the same VNet as ${other} (ARM ids compare case-insensitively); one peering joins two VNets: drop this entry`,
        ),
      );
    else byRemote.set(armIdKey(id), property);
  }
}

function peeringProblems(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  const vnetId = set.subnetId ? set.subnetId.split("/subnets/")[0] : undefined;
  if (set.hubVirtualNetworkId === undefined) {
    for (const [property, value] of [
      ["hubAddressSpace", set.hubAddressSpace],
      ["hubPeering", set.hubPeering],
    ] as const) {
      if (value !== undefined)
        problems.push(
          problem(set.name, property, value, "only used with hubVirtualNetworkId: give the hub VNet's id"),
        );
    }
  }
  problems.push(...peeredOverlapProblems(set, givenRanges(set)));
  if (set.hubVirtualNetworkId && vnetId && armIdKey(vnetId) === armIdKey(set.hubVirtualNetworkId))
    problems.push(
      problem(
        set.name,
        "hubVirtualNetworkId",
        set.hubVirtualNetworkId,
        "is this set's own VNet; give the hub's",
      ),
    );
  peeringsProblems(set, vnetId, problems);
}

function dnsProblems(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  const mode = set.dnsMode ?? DnsModes.OwnZones;
  if (set.dnsServers !== undefined) {
    if (set.addressSpace === undefined)
      problems.push(
        problem(
          set.name,
          "dnsServers",
          set.dnsServers,
          "only for a VNet this set creates (addressSpace); an existing VNet's DNS servers are set by its owner",
        ),
      );
    // 168.63.129.16 is the VNet's own Azure DNS, which answers from its links (how-to-custom-dns).
    else if (
      mode === DnsModes.OwnZones &&
      planEndpoints(set).length > 0 &&
      !set.dnsServers.every((ip) => ip === azureDnsIp)
    )
      problems.push(
        problem(
          set.name,
          "dnsServers",
          set.dnsServers,
          "with dnsMode OwnZones the set's own zones are linked to this VNet, but a VNet with DNS servers queries those servers, not its links; use dnsMode ExistingZones with the central zones",
        ),
      );
  }
  if (set.linkExistingZones === true && mode !== DnsModes.ExistingZones)
    problems.push(
      problem(set.name, "linkExistingZones", true, `only used with dnsMode ${DnsModes.ExistingZones}`),
    );
  for (const [zoneName, id] of Object.entries(set.existingZoneIds ?? {})) {
    const idName = id === undefined ? undefined : parseArmId(id)?.name.toLowerCase();
    if (idName !== undefined && idName !== zoneName.toLowerCase())
      problems.push(
        problem(
          set.name,
          memberPath("existingZoneIds", zoneName),
          id,
          `is the id of zone ${idName}, not of ${zoneName}; give each zone name the id of the zone of that name`,
        ),
      );
  }
}

function outboundProblems(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  if (set.subnetOutbound !== undefined && set.usesExistingSubnet)
    problems.push(
      problem(
        set.name,
        "subnetOutbound",
        set.subnetOutbound,
        "only for a subnet this set creates (addressSpace); an existing subnet's egress is set by its owner",
      ),
    );
  const firewall = set.subnetOutbound === SubnetOutbounds.Firewall;
  if (firewall !== (set.firewallPrivateIp !== undefined))
    problems.push(
      firewall
        ? problem(
            set.name,
            "firewallPrivateIp",
            undefined,
            "required with subnetOutbound Firewall: the firewall's private IP, the default route's next hop",
          )
        : problem(
            set.name,
            "firewallPrivateIp",
            set.firewallPrivateIp,
            "only used with subnetOutbound Firewall",
          ),
    );
}

function nameProblems(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  if (set.azureNamePrefix === undefined) return;
  for (const name of azureNamesOf(set, set.azureNamePrefix)) {
    if (!NameRules.networkResource.pattern.test(name))
      problems.push(
        problem(
          set.name,
          "azureNamePrefix",
          set.azureNamePrefix,
          `gives the Azure name ${JSON.stringify(name)}, which is not valid: ${NameRules.networkResource.rule}; use a shorter prefix`,
        ),
      );
  }
}

/** Values compared as ARM ids or CIDRs: trimmed, lower case, in any order. */
function sameSet(a: readonly string[], b: readonly string[]): boolean {
  const norm = (list: readonly string[]) =>
    [...new Set(list.map((t) => t.trim().toLowerCase()))].sort().join(",");
  return norm(a) === norm(b);
}

/**
 * `platformHub`: its own mistakes (a DNS server or firewall outside its range), loose arguments that disagree
 * with it, and the set's names asked through it (spokeReach.ts).
 */
function platformHubProblems(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  const hub = set.platformHub;
  if (hub === undefined) return;
  for (const p of hubProblems(hub, "platformHub"))
    problems.push(problem(set.name, p.property, p.value, p.reason));
  const given = (property: keyof NonNullable<EndpointSetLayout["fromPlatform"]>) =>
    set.fromPlatform?.[property] === false;
  if (
    given("hubVirtualNetworkId") &&
    set.hubVirtualNetworkId &&
    armIdKey(set.hubVirtualNetworkId) !== armIdKey(hub.virtualNetworkId)
  )
    problems.push(
      problem(
        set.name,
        "hubVirtualNetworkId",
        set.hubVirtualNetworkId,
        `is not platformHub's VNet (${hub.virtualNetworkId}); leave hubVirtualNetworkId out, platformHub gives it`,
      ),
    );
  if (given("hubAddressSpace") && set.hubAddressSpace && !sameSet(set.hubAddressSpace, hub.addressSpace))
    problems.push(
      problem(
        set.name,
        "hubAddressSpace",
        set.hubAddressSpace,
        `is not platformHub's address space (${hub.addressSpace.join(", ")}); leave hubAddressSpace out, platformHub gives it`,
      ),
    );
  if (given("existingZoneIds")) {
    const platformZones = new Set((hub.privateDnsZoneIds ?? []).map(armIdKey));
    for (const id of Object.values(set.existingZoneIds ?? {}))
      if (id !== undefined && !platformZones.has(armIdKey(id)))
        problems.push(
          problem(
            set.name,
            "existingZoneIds",
            id,
            `is not one of platformHub's zones (privateDnsZoneIds): the hub answers from its own zones, so records written here are not found; leave existingZoneIds out to write into the hub's`,
          ),
        );
  }
  problems.push(...platformHubReachProblems(set));
}

/** Problems of one set as a spoke. */
export function spokeProblems(set: EndpointSetLayout): EndpointSetProblem[] {
  const problems: EndpointSetProblem[] = [];
  peeringProblems(set, problems);
  dnsProblems(set, problems);
  outboundProblems(set, problems);
  nameProblems(set, problems);
  platformHubProblems(set, problems);
  for (const unreachable of [heldEndpointProblem(set), omittedEndpointProblem(set)])
    if (unreachable) problems.push(unreachable);
  return problems;
}
