/**
 * Validation of endpoint sets: each set alone, and the sets of one workspace together (address spaces
 * that overlap, hub zones written by two endpoints of one target, the one services set). Pure, on plain
 * values, so the components call it before registering any child and tests call it directly.
 */
import { memberPath } from "../validation/argProblem";
import { ArmTypes, armIdKey, isArmIdOfType, parentArmId } from "../../policy/azure/armId";
import {
  contains,
  dockerBridgeCidr,
  overlaps,
  overlapsDockerBridge,
  parseCidr,
  usableAddresses,
  type Cidr,
} from "../../policy/azure/cidr";
import {
  type AzureCloud,
  classifyRegionalZone,
  classifyZone,
  isAzureCloud,
  maxZoneConfigsPerGroup,
  zonesFor,
} from "../../policy/azure/clouds";
import { zoneGroupKeysFor } from "../dns/zoneKeys";
import type { ProgramLinks } from "../dns/programZoneLinks";
import { type DnsMode, DnsModes, allDnsModes, isDnsMode } from "../dns/dnsModes";
import type { PlatformHub } from "../../policy/model/platformNetwork";
import { spokeProblems } from "./validateSpoke";
import type { PeeringLayout } from "../network/setPeerings";
import { addressesNeeded, optionalStorageGroupIds, planEndpoints } from "./endpointPlan";

/** One set's layout, as plain values (unknown ids left undefined). */
export interface EndpointSetLayout {
  /** The set's stable name. */
  name: string;
  /** Address prefixes of the VNet the set creates. */
  addressSpace?: readonly string[];
  /** Prefix of the endpoint subnet the set creates. */
  endpointSubnetPrefix?: string;
  /** Whether the set uses an existing subnet. */
  usesExistingSubnet: boolean;
  /** The existing subnet's id, when known at plan time. */
  subnetId?: string;
  dnsMode?: string;
  /** Existing zone ids keyed by zone name; values undefined when not known at plan time. */
  existingZoneIds?: Readonly<Record<string, string | undefined>>;
  storageGroupIds?: readonly string[];
  additionalStorageKeys?: readonly string[];
  /** Whether this is the services set; undefined means "not said". */
  servicesSet?: boolean;
  /** The cloud, when known at plan time. */
  cloud?: string;
  /** The workspace has a managed network: every set serves clients, none is the services set. */
  managedNetwork?: boolean;
  /** The endpoint targets the set holds; undefined means all. */
  endpoints?: readonly string[];
  /** The hub VNet's id ("" when not known at plan time); undefined when the set is no spoke. */
  hubVirtualNetworkId?: string;
  hubAddressSpace?: readonly string[];
  hubPeering?: string;
  /** The further VNets peered with this set's VNet, by key. */
  peerings?: Readonly<Record<string, PeeringLayout>>;
  /** DNS servers of the new VNet ("" for those not known at plan time). */
  dnsServers?: readonly string[];
  linkExistingZones?: boolean;
  /** Whether a CentralPrivateDns of the program links the existing zones to this set's VNet. */
  programLinks?: ProgramLinks;
  subnetOutbound?: string;
  /** The firewall's private IP ("" when not known at plan time). */
  firewallPrivateIp?: string;
  azureNamePrefix?: string;
  /**
   * Where the endpoints this set omits, when another set of the same WorkspaceNetwork (the services
   * set) holds them in a VNet it creates; undefined: in the hub, or in a VNet this set is not peered with.
   */
  endpointsVnet?: EndpointsVnet;
  /** The hub another team runs, as described (`platformHub`); the loose hub arguments default from it. */
  platformHub?: PlatformHub;
  /** With platformHub: which loose arguments were left to it (true) rather than given. */
  fromPlatform?: Readonly<
    Record<"hubVirtualNetworkId" | "hubAddressSpace" | "dnsServers" | "existingZoneIds", boolean>
  >;
}

/** The services set's VNet, as the sets of one WorkspaceNetwork see it. */
export interface EndpointsVnet {
  set: string;
  /** The keys of the endpoints it holds. */
  endpoints: readonly string[];
  addressSpace?: readonly string[];
  hubVirtualNetworkId?: string;
  /** The key of this set's peering that names that VNet, when one may (its id not known at plan time, or its range). */
  peeredBy?: string;
}

/** One problem: the set, the argument, the bad value and what to do. */
export interface EndpointSetProblem {
  set: string;
  property: string;
  value: string;
  reason: string;
}

export function problem(set: string, property: string, value: unknown, reason: string): EndpointSetProblem {
  const shown = value === undefined ? "(not set)" : typeof value === "string" ? value : JSON.stringify(value);
  return { set, property, value: shown, reason };
}

/** The set's address prefixes, parsed; bad ones reported. */
function parsedAddressSpace(set: EndpointSetLayout, problems: EndpointSetProblem[]): Cidr[] {
  const cidrs: Cidr[] = [];
  for (const text of set.addressSpace ?? []) {
    const cidr = parseCidr(text);
    if (!cidr) {
      problems.push(
        problem(
          set.name,
          "addressSpace",
          text,
          "not an IPv4 CIDR with its host bits clear, e.g. 10.1.0.0/24",
        ),
      );
    } else if (overlapsDockerBridge(cidr)) {
      problems.push(
        problem(
          set.name,
          "addressSpace",
          text,
          `overlaps ${dockerBridgeCidr}, the Docker bridge range; pick another range`,
        ),
      );
    } else {
      for (const other of cidrs) {
        if (overlaps(cidr, other)) {
          problems.push(problem(set.name, "addressSpace", text, `overlaps ${other.text} in the same VNet`));
        }
      }
      cidrs.push(cidr);
    }
  }
  return cidrs;
}

function validateSubnet(set: EndpointSetLayout, space: readonly Cidr[], problems: EndpointSetProblem[]) {
  if (set.endpointSubnetPrefix === undefined) {
    problems.push(
      problem(
        set.name,
        "endpointSubnetPrefix",
        "undefined",
        "required with addressSpace: a prefix inside it, e.g. 10.1.0.0/27",
      ),
    );
    return;
  }
  const subnet = parseCidr(set.endpointSubnetPrefix);
  if (!subnet) {
    problems.push(
      problem(
        set.name,
        "endpointSubnetPrefix",
        set.endpointSubnetPrefix,
        "not an IPv4 CIDR with its host bits clear",
      ),
    );
    return;
  }
  if (space.length > 0 && !space.some((c) => contains(c, subnet))) {
    problems.push(
      problem(
        set.name,
        "endpointSubnetPrefix",
        subnet.text,
        `not inside the address space ${space.map((c) => c.text).join(", ")}`,
      ),
    );
  }
  // The endpoints the set creates: a managed network's sets hold no key vault or registry endpoint.
  const needed = addressesNeeded(planEndpoints(set));
  if (usableAddresses(subnet) < needed) {
    problems.push(
      problem(
        set.name,
        "endpointSubnetPrefix",
        subnet.text,
        `too small: the endpoints need ${needed} private IPs and Azure leaves ${usableAddresses(subnet)} usable; use a larger prefix`,
      ),
    );
  }
}

function validateDns(set: EndpointSetLayout, problems: EndpointSetProblem[]) {
  const mode = set.dnsMode ?? DnsModes.OwnZones;
  if (!isDnsMode(mode)) {
    problems.push(problem(set.name, "dnsMode", mode, `must be one of ${allDnsModes.join(", ")}`));
    return;
  }
  const zoneNames = Object.keys(set.existingZoneIds ?? {});
  if (mode !== DnsModes.ExistingZones) {
    if (zoneNames.length > 0) {
      problems.push(
        problem(set.name, "existingZoneIds", zoneNames, `only used with dnsMode ${DnsModes.ExistingZones}`),
      );
    }
    return;
  }
  const clouds = new Set<AzureCloud>();
  for (const zoneName of zoneNames) {
    // The registry's regional data zone too (a hub may link it): its endpoint's zone group then names it.
    const classified = classifyZone(zoneName) ?? classifyRegionalZone(zoneName);
    if (!classified) {
      problems.push(
        problem(
          set.name,
          memberPath("existingZoneIds", zoneName),
          zoneName,
          "not a private DNS zone an endpoint of this set writes to",
        ),
      );
    } else clouds.add(classified.cloud);
  }
  const cloud = set.cloud !== undefined && isAzureCloud(set.cloud) ? set.cloud : [...clouds][0];
  if (clouds.size > 1 || (cloud && [...clouds].some((c) => c !== cloud))) {
    problems.push(
      problem(
        set.name,
        "existingZoneIds",
        zoneNames,
        `zones of several clouds; give the zones of ${cloud ?? "one cloud"}`,
      ),
    );
    return;
  }
  if (!cloud) return;
  const endpoints = planEndpoints(set);
  const wanted = [...new Set(endpoints.flatMap((e) => zonesFor(cloud, e.groupId)))];
  const missing = wanted.filter((zone) => !zoneNames.some((n) => n.toLowerCase() === zone));
  // Zones left to platformHub: a missing one is refused with the resolution path (spokeReach.ts).
  if (missing.length > 0 && !(set.platformHub && set.fromPlatform?.existingZoneIds)) {
    problems.push(
      problem(set.name, "existingZoneIds", zoneNames, `missing zone ids for ${missing.join(", ")}`),
    );
  }
  for (const groupId of new Set(endpoints.map((e) => e.groupId))) {
    const zones = zoneGroupKeysFor(groupId, zoneNames);
    if (zones.length > maxZoneConfigsPerGroup)
      problems.push(
        problem(
          set.name,
          "existingZoneIds",
          zoneNames,
          `the ${groupId} endpoint's zone group would name ${zones.length} zones; Azure allows ${maxZoneConfigsPerGroup} per zone group: give at most ${maxZoneConfigsPerGroup - zonesFor(cloud, groupId).length} regional zones of ${groupId}`,
        ),
      );
  }
}

/** Problems of one set on its own. */
export function validateEndpointSet(set: EndpointSetLayout): EndpointSetProblem[] {
  const problems: EndpointSetProblem[] = [];
  if (set.cloud !== undefined && !isAzureCloud(set.cloud)) {
    problems.push(
      problem(set.name, "cloud", set.cloud, "must be AzureCloud, AzureChinaCloud or AzureUSGovernment"),
    );
  }
  const hasSpace = set.addressSpace !== undefined;
  if (hasSpace === set.usesExistingSubnet) {
    problems.push(
      problem(
        set.name,
        hasSpace ? "subnetId" : "addressSpace",
        hasSpace ? "both given" : "neither given",
        "give either addressSpace (and endpointSubnetPrefix) for a new VNet, or subnetId of an existing subnet",
      ),
    );
  } else if (hasSpace) {
    if (set.addressSpace!.length === 0)
      problems.push(problem(set.name, "addressSpace", [], "give at least one prefix"));
    validateSubnet(set, parsedAddressSpace(set, problems), problems);
  } else if (set.endpointSubnetPrefix !== undefined) {
    problems.push(
      problem(
        set.name,
        "endpointSubnetPrefix",
        set.endpointSubnetPrefix,
        "only used with addressSpace, not subnetId",
      ),
    );
  }
  if (set.subnetId !== undefined && !isArmIdOfType(set.subnetId, ArmTypes.subnet)) {
    problems.push(
      problem(set.name, "subnetId", set.subnetId, `not the ARM id of a subnet (${ArmTypes.subnet})`),
    );
  }
  for (const groupId of set.storageGroupIds ?? []) {
    if (!optionalStorageGroupIds.includes(groupId as never)) {
      problems.push(
        problem(
          set.name,
          "storageGroupIds",
          groupId,
          `must be one of ${optionalStorageGroupIds.join(", ")} (blob and file are always created)`,
        ),
      );
    }
  }
  validateDns(set, problems);
  problems.push(...spokeProblems(set));
  return problems;
}

/** Problems of the sets of one workspace: each set, then the rules across sets. */
export function validateEndpointSets(sets: readonly EndpointSetLayout[]): EndpointSetProblem[] {
  const problems = sets.flatMap((set) => validateEndpointSet(withEndpointsVnet(set, sets)));
  const spaces = sets.map((set) => ({
    set,
    cidrs: (set.addressSpace ?? []).map(parseCidr).filter((c) => c !== undefined),
  }));
  spaces.forEach((a, i) =>
    spaces.slice(i + 1).forEach((b) => {
      for (const x of a.cidrs)
        for (const y of b.cidrs)
          if (overlaps(x, y))
            problems.push(
              problem(
                b.set.name,
                "addressSpace",
                y.text,
                `overlaps ${x.text} of set ${a.set.name}; the VNets of one workspace need distinct ranges`,
              ),
            );
    }),
  );
  const vnets = new Map<string, string>();
  for (const set of sets) {
    const vnet = set.subnetId ? parentArmId(set.subnetId) : undefined;
    if (!vnet) continue;
    const other = vnets.get(armIdKey(vnet));
    if (other) {
      problems.push(
        problem(
          set.name,
          "subnetId",
          set.subnetId,
          `in the same VNet as set ${other}; a VNet takes one endpoint set (it cannot link two zones of one name)`,
        ),
      );
    } else vnets.set(armIdKey(vnet), set.name);
  }
  // Zone groups of two sets writing into one hub zone overwrite each other's records of the same target.
  const zoneWriters = new Map<string, string>();
  for (const set of sets) {
    if ((set.dnsMode ?? DnsModes.OwnZones) !== DnsModes.ExistingZones) continue;
    for (const [zoneName, id] of Object.entries(set.existingZoneIds ?? {})) {
      const key = id === undefined ? undefined : armIdKey(id);
      if (!key) continue;
      const other = zoneWriters.get(key);
      if (other) {
        problems.push(
          problem(
            set.name,
            memberPath("existingZoneIds", zoneName),
            zoneName,
            `set ${other} already writes this workspace's records into that zone; one endpoint per target may use a hub zone — give this set dnsMode OwnZones or None`,
          ),
        );
      } else zoneWriters.set(key, set.name);
    }
  }
  const services = sets.filter((s) => s.servicesSet === true);
  if (sets.some((s) => s.managedNetwork)) {
    // Computes run in the managed VNet; the sets only bring clients in ([MN] §6.1).
    for (const set of services) {
      problems.push(
        problem(
          set.name,
          "servicesSet",
          true,
          "the workspace has a managed network, whose computes run in the Microsoft-managed VNet; no set is the services set: drop servicesSet",
        ),
      );
    }
    return problems;
  }
  // Every set saying false: the services VNet is outside this program (an existing workspace's).
  const servicesElsewhere = sets.every((s) => s.servicesSet === false);
  if (sets.length > 1 && services.length !== 1 && !servicesElsewhere) {
    problems.push(
      problem(
        sets.map((s) => s.name).join(", "),
        "servicesSet",
        services.map((s) => s.name),
        "exactly one set must be the services set (the VNet that holds the endpoints the workspace itself uses); mark one with servicesSet: true, or every set servicesSet: false when the services VNet is outside this program",
      ),
    );
  }
  return problems;
}

function sameRange(a: readonly string[] = [], b: readonly string[] = []): boolean {
  const cidrs = b.flatMap((t) => parseCidr(t) ?? []);
  return a.some((t) => {
    const cidr = parseCidr(t);
    return cidr !== undefined && cidrs.some((c) => overlaps(c, cidr));
  });
}

/**
 * A set that is not the services set uses the endpoints it omits where the services set holds them: in the
 * VNet that set creates, unless that VNet may be this set's hub (an existing services subnet is the hub's, or
 * another's: as before).
 */
function withEndpointsVnet(set: EndpointSetLayout, sets: readonly EndpointSetLayout[]): EndpointSetLayout {
  const services = sets.find((s) => s.servicesSet === true);
  if (!services || services === set || services.addressSpace === undefined) return set;
  // The services set's VNet may be this set's hub: its id is not known at plan time, or the ranges say so.
  if (set.hubVirtualNetworkId === "" || sameRange(set.hubAddressSpace, services.addressSpace)) return set;
  const held = planEndpoints(services).map((e) => e.key);
  if (held.length === 0) return set;
  // A peering naming the services set's VNet by its range, else one whose id is not known at plan time.
  const peerings = Object.entries(set.peerings ?? {});
  const peeredBy =
    peerings.find(([, p]) => sameRange(p.remoteAddressSpace, services.addressSpace))?.[0] ??
    peerings.find(([, p]) => p.remoteVirtualNetworkId === "" && p.remoteAddressSpace === undefined)?.[0];
  return {
    ...set,
    endpointsVnet: {
      set: services.name,
      endpoints: held,
      addressSpace: services.addressSpace,
      hubVirtualNetworkId: services.hubVirtualNetworkId,
      peeredBy,
    },
  };
}

/** The DNS mode with its default applied. */
export function dnsModeOf(set: Pick<EndpointSetLayout, "dnsMode">): DnsMode {
  return (set.dnsMode ?? DnsModes.OwnZones) as DnsMode;
}
