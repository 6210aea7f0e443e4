/**
 * The network graph name resolution runs on: VNets, peerings, private DNS zones and their links, the records
 * zone groups write, private endpoints, the hosts a VNet's DNS servers can name, and DNS forwarding rulesets.
 * Plain data only (keys, labels, maybe-known values), so the policy model and the SDK components build the
 * same graph from what they read or plan and ask the same questions.
 *
 * Reachability (`connected`): the same VNet, or a peering configured on both sides with virtual network access
 * allowed (virtual-network-manage-peering). A peering to a VNet outside the graph counts as connected (its
 * other side cannot be seen). Peering is not transitive: two spokes of one hub reach each other only through
 * a firewall or NVA in the hub that a user-defined route sends the traffic to (transit.ts).
 */
import { throughAppliance } from "./transit";
import type { Key } from "./types";
import { isUnknown, type Maybe } from "./unknownValue";
import { push } from "./multiMap";

export interface GraphVnet {
  key: Key;
  label: string;
  addressPrefixes?: Maybe<string[]>;
  /** `dhcpOptions.dnsServers`; absent or empty: Azure-provided DNS. */
  dnsServers: Maybe<string[]>;
  /** At preview, the DNS hosts (keys) an unknown `dnsServers` list was computed from. */
  dnsServerSources?: readonly Key[];
  /** The platform hub's name when the VNet is described by the platform (platformNetwork.ts), not in the stack. */
  platform?: string;
}

/** One side of a peering, configured on `from`. */
export interface GraphPeering {
  key: Key;
  label: string;
  from: Maybe<Key>;
  /** The remote VNet: a graph key, or a key of a VNet outside the graph (e.g. an `arm:` id). */
  to: Maybe<Key>;
  /** Azure's default is true. */
  allowVirtualNetworkAccess: Maybe<boolean>;
  /** Whether `from` receives traffic an appliance in `to` forwards; Azure's default is false. */
  allowForwardedTraffic?: Maybe<boolean>;
  /** `peeringState` when known (an output): only Disconnected is taken as broken. */
  state?: Maybe<string>;
}

export interface GraphZone {
  key: Key;
  label: string;
  /** The zone name, e.g. privatelink.blob.core.windows.net. */
  name: Maybe<string>;
  /** The platform hub's name when the platform describes the zone as linked to its hub. */
  platform?: string;
}

export interface GraphZoneLink {
  key: Key;
  label: string;
  zone: Maybe<Key>;
  vnet: Maybe<Key>;
  /** Default, or NxDomainRedirect: a name the zone lacks falls back to public resolution. */
  resolutionPolicy?: Maybe<string>;
}

/** A zone group writing an endpoint's A records into a zone. */
export interface GraphRecord {
  zone: Maybe<Key>;
  endpoint: Maybe<Key>;
}

export interface GraphEndpoint {
  key: Key;
  label: string;
  vnet: Maybe<Key>;
  /** The resources it connects to. */
  targets: readonly Maybe<Key>[];
  /** Its private IPs when known. */
  ips?: Maybe<string[]>;
}

export const DnsHostKinds = {
  resolverInbound: "resolverInbound",
  firewall: "firewall",
  vm: "vm",
  /** A DNS server the platform describes as forwarding to `forwardsTo` (unknown when it does not say where). */
  forwarder: "forwarder",
} as const;
export type DnsHostKind = (typeof DnsHostKinds)[keyof typeof DnsHostKinds];

/** What a VNet's DNS server IP can be in the graph. */
export interface DnsHost {
  key: Key;
  label: string;
  kind: DnsHostKind;
  ip: Maybe<string>;
  vnet: Maybe<Key>;
  /** Firewall: its policy's `dnsSettings.enableProxy` (off by default). */
  dnsProxy?: Maybe<boolean>;
  /** Firewall: its policy's custom DNS servers; absent or empty: Azure DNS from its VNet. */
  forwardsTo?: Maybe<string[]>;
  /** The platform hub's name when the host is described by the platform. */
  platform?: string;
}

export interface GraphRuleset {
  key: Key;
  label: string;
  /** The VNet of its outbound endpoints, from which it forwards. */
  vnet: Maybe<Key>;
}

export interface GraphRulesetLink {
  ruleset: Maybe<Key>;
  vnet: Maybe<Key>;
}

export interface GraphForwardingRule {
  key: Key;
  label: string;
  ruleset: Maybe<Key>;
  /** E.g. `privatelink.blob.core.windows.net.`. */
  domain: Maybe<string>;
  targets: Maybe<string[]>;
  /** `forwardingRuleState` Enabled (default) or not. */
  enabled?: Maybe<boolean>;
}

/** A user-defined route of a route table associated with a subnet. */
export interface GraphRoute {
  key: Key;
  label: string;
  /** The subnet whose table holds the route, and its VNet. */
  subnet: Key;
  subnetLabel: string;
  vnet: Maybe<Key>;
  /** A CIDR (a service tag never matches a VNet's range here). */
  addressPrefix: Maybe<string>;
  /** VirtualAppliance, VnetLocal, Internet, VirtualNetworkGateway or None. */
  nextHopType: Maybe<string>;
  nextHopIp: Maybe<string>;
  /** At preview, the hosts (keys) an unknown next hop IP was computed from. */
  nextHopSources?: readonly Key[];
}

export interface NetworkGraphInput {
  vnets: readonly GraphVnet[];
  peerings: readonly GraphPeering[];
  zones: readonly GraphZone[];
  links: readonly GraphZoneLink[];
  records: readonly GraphRecord[];
  endpoints: readonly GraphEndpoint[];
  dnsHosts: readonly DnsHost[];
  rulesets: readonly GraphRuleset[];
  rulesetLinks: readonly GraphRulesetLink[];
  forwardingRules: readonly GraphForwardingRule[];
  /** User-defined routes; absent: none. */
  routes?: readonly GraphRoute[];
  /** Labels of keys the graph does not hold (endpoint targets), for messages. */
  labelOf?: (key: Key) => string;
}

/** ok: known to work; broken: known not to; unknown: cannot be told (preview, outside the graph). */
export type Verdict = "ok" | "broken" | "unknown";

export interface Reach {
  verdict: Verdict;
  /** How, or why not, in words: "peered both ways", "not peered". */
  route: string;
  /** Set when the traffic goes through a firewall or NVA in a hub, on a user-defined route. */
  through?: Transit;
}

/** A path between two spokes through an appliance in their hub. */
export interface Transit {
  from: Key;
  to: Key;
  /** The firewall or NVA host (a DnsHost key: both are hosts of the graph). */
  appliance: Key;
  hub: Key;
  route: Key;
}

/** Lower case without the trailing dot, for comparing DNS names. */
export function dnsName(name: string): string {
  return name.toLowerCase().replace(/\.$/, "");
}

/** The graph indexed by key, VNet and IP: built once, every query a few map look-ups. */
export class NetworkGraph {
  readonly vnets = new Map<Key, GraphVnet>();
  readonly zones = new Map<Key, GraphZone>();
  readonly endpoints = new Map<Key, GraphEndpoint>();
  readonly hosts = new Map<Key, DnsHost>();
  readonly rulesets = new Map<Key, GraphRuleset>();
  /** Peerings per `from` then `to`. */
  private readonly peerings = new Map<Key, Map<Key, GraphPeering>>();
  /** VNets some peering of the graph points at. */
  /** Per VNet, the VNets with a peering towards it. */
  private readonly peeredTo = new Map<Key, Key[]>();
  /** VNets with a peering whose remote VNet is unknown at preview. */
  private readonly openPeerings = new Set<Key>();
  private anyOpenPeering = false;
  /** Zones linked per VNet. */
  readonly zonesByVnet = new Map<Key, Key[]>();
  /** Links per VNet, for naming them in messages. */
  readonly linksByVnet = new Map<Key, GraphZoneLink[]>();
  /** VNets that may be linked to more zones than known (a link of unknown zone at preview). */
  readonly vnetsOfOpenLinks = new Set<Key>();
  /** Zones that may be linked to more VNets than known (a link of unknown VNet). */
  readonly zonesOfOpenLinks = new Set<Key>();
  /** A link with neither side known: any zone may be linked to any VNet. */
  anyOpenLink = false;
  /** Endpoints whose records each zone holds. */
  readonly recordsByZone = new Map<Key, Key[]>();
  /** The same endpoints per zone, then per target (a central zone holds every workspace's records). */
  private readonly recordsByZoneTarget = new Map<Key, Map<Key, GraphEndpoint[]>>();
  /** Zones that may hold records not known (a zone group of unknown endpoint). */
  readonly zonesOfOpenRecords = new Set<Key>();
  /** A zone group of unknown zones: any zone may hold records not known. */
  anyOpenRecord = false;
  readonly hostsByIp = new Map<string, DnsHost[]>();
  readonly rulesetsByVnet = new Map<Key, Key[]>();
  readonly rulesByRuleset = new Map<Key, GraphForwardingRule[]>();
  /** Routes per VNet, then per subnet (each subnet's table is matched on its own). */
  readonly routesByVnet = new Map<Key, Map<Key, GraphRoute[]>>();
  /** `connected` answers, per pair: asked for every endpoint and DNS host. */
  private readonly reaches = new Map<string, Reach>();

  constructor(readonly input: NetworkGraphInput) {
    for (const v of input.vnets) this.vnets.set(v.key, v);
    for (const z of input.zones) this.zones.set(z.key, z);
    for (const e of input.endpoints) this.endpoints.set(e.key, e);
    for (const r of input.rulesets) this.rulesets.set(r.key, r);
    for (const p of input.peerings) {
      if (typeof p.from !== "string") this.anyOpenPeering = true;
      else if (typeof p.to !== "string") this.openPeerings.add(p.from);
      else {
        const byTo = this.peerings.get(p.from) ?? new Map<Key, GraphPeering>();
        byTo.set(p.to, p);
        this.peerings.set(p.from, byTo);
        push(this.peeredTo, p.to, p.from);
      }
    }
    for (const link of input.links) {
      const zone = link.zone;
      const vnet = link.vnet;
      if (typeof zone === "string" && typeof vnet === "string") {
        push(this.zonesByVnet, vnet, zone);
        push(this.linksByVnet, vnet, link);
      } else if (typeof vnet === "string") this.vnetsOfOpenLinks.add(vnet);
      else if (typeof zone === "string") this.zonesOfOpenLinks.add(zone);
      else this.anyOpenLink = true;
    }
    const recorded = new Set<string>();
    for (const record of input.records) {
      if (typeof record.zone !== "string") this.anyOpenRecord = true;
      else if (typeof record.endpoint !== "string") this.zonesOfOpenRecords.add(record.zone);
      else if (!recorded.has(`${record.zone}\n${record.endpoint}`)) {
        recorded.add(`${record.zone}\n${record.endpoint}`);
        push(this.recordsByZone, record.zone, record.endpoint);
        const endpoint = this.endpoints.get(record.endpoint);
        const byTarget = this.recordsByZoneTarget.get(record.zone) ?? new Map<Key, GraphEndpoint[]>();
        for (const target of new Set(endpoint?.targets ?? []))
          if (endpoint && typeof target === "string") push(byTarget, target, endpoint);
        this.recordsByZoneTarget.set(record.zone, byTarget);
      }
    }
    for (const host of input.dnsHosts) {
      this.hosts.set(host.key, host);
      if (typeof host.ip === "string") push(this.hostsByIp, host.ip, host);
    }
    for (const link of input.rulesetLinks)
      if (typeof link.ruleset === "string" && typeof link.vnet === "string")
        push(this.rulesetsByVnet, link.vnet, link.ruleset);
    for (const rule of input.forwardingRules)
      if (typeof rule.ruleset === "string") push(this.rulesByRuleset, rule.ruleset, rule);
    for (const route of input.routes ?? []) {
      if (typeof route.vnet !== "string") continue;
      const bySubnet = this.routesByVnet.get(route.vnet) ?? new Map<Key, GraphRoute[]>();
      push(bySubnet, route.subnet, route);
      this.routesByVnet.set(route.vnet, bySubnet);
    }
  }

  label(key: Maybe<Key>): string {
    if (typeof key !== "string") return "an unknown VNet";
    return (
      this.vnets.get(key)?.label ??
      this.zones.get(key)?.label ??
      this.hosts.get(key)?.label ??
      this.labelOf(key)
    );
  }

  /** A label for any key, the graph's own or not. */
  labelOf(key: Key): string {
    return this.input.labelOf?.(key) ?? key;
  }

  /** Whether the platform describes the VNet (its side of a peering is the platform's, not seen). */
  isDescribed(vnet: Maybe<Key>): boolean {
    return typeof vnet === "string" && this.vnets.get(vnet)?.platform !== undefined;
  }

  /** Whether the platform describes the key (a hub VNet, its DNS host or a zone linked to it). */
  isPlatformKey(key: Key): boolean {
    return (
      this.vnets.get(key)?.platform !== undefined ||
      this.zones.get(key)?.platform !== undefined ||
      this.hosts.get(key)?.platform !== undefined
    );
  }

  /** The endpoints of `target` whose records `zone` holds. */
  recordsOf(zone: Key, target: Key): readonly GraphEndpoint[] {
    return this.recordsByZoneTarget.get(zone)?.get(target) ?? [];
  }

  /** The peering configured on `from` towards `to`, if any. */
  peering(from: Key, to: Key): GraphPeering | undefined {
    return this.peerings.get(from)?.get(to);
  }

  /** Every VNet with a peering towards `to`. */
  peeredBy(to: Key): readonly Key[] {
    return this.peeredTo.get(to) ?? [];
  }

  /** Every VNet key `from` has a peering towards (in the graph or not). */
  peeredFrom(from: Key): Key[] {
    return [...(this.peerings.get(from)?.keys() ?? [])];
  }

  /**
   * A VNet with no peering either way (nor one whose ends are unknown), no DNS server and no forwarding
   * ruleset: it resolves through its own links and reaches only itself.
   */
  isIsolated(vnet: Key): boolean {
    const servers = this.vnets.get(vnet)?.dnsServers;
    return (
      !this.anyOpenPeering &&
      !this.openPeerings.has(vnet) &&
      !this.peerings.has(vnet) &&
      !this.peeredTo.has(vnet) &&
      (servers === undefined || (Array.isArray(servers) && servers.length === 0)) &&
      !this.rulesetsByVnet.has(vnet)
    );
  }

  /**
   * Whether traffic flows between two VNets: same VNet, peered both ways with access allowed, or, when not
   * peered at all, through a firewall or NVA in a hub both are peered with (transit.ts).
   */
  connected(a: Maybe<Key>, b: Maybe<Key>): Reach {
    if (typeof a !== "string" || typeof b !== "string")
      return { verdict: "unknown", route: "a VNet not known at preview" };
    const pair = `${a}\n${b}`;
    const cached = this.reaches.get(pair);
    if (cached) return cached;
    const direct = this.peered(a, b);
    const transit =
      direct.verdict === "broken" && !this.peering(a, b) && !this.peering(b, a)
        ? throughAppliance(this, a, b)
        : undefined;
    const reach =
      transit === undefined
        ? direct
        : transit.verdict === "broken"
          ? { ...transit, route: `${direct.route}, and ${transit.route}` }
          : transit;
    this.reaches.set(pair, reach);
    return reach;
  }

  /** Whether two VNets reach each other by themselves: same VNet, or peered both ways with access allowed. */
  peered(a: Key, b: Key): Reach {
    if (a === b) return { verdict: "ok", route: "in the same VNet" };
    // A described hub's side is the platform's: only the stack's side is seen (from either end).
    if (this.isDescribed(a) && !this.isDescribed(b)) return this.connected(b, a);
    const forward = this.sideOf(a, b);
    if (forward.verdict !== "ok") return forward;
    if (this.isDescribed(b)) return { verdict: "ok", route: "peered (the hub's side is the platform's)" };
    if (!this.vnets.has(b))
      return {
        verdict: "ok",
        // The label says the VNet is outside this stack.
        route: `peered with ${this.label(b)}: its side is not seen`,
      };
    const back = this.sideOf(b, a);
    if (back.verdict !== "ok") return back;
    return { verdict: "ok", route: "peered both ways" };
  }

  /** The side of a peering configured on `from` towards `to`. */
  private sideOf(from: Key, to: Key): Reach {
    const peering = this.peering(from, to);
    if (!peering) {
      if (this.anyOpenPeering || this.openPeerings.has(from))
        return {
          verdict: "unknown",
          route: `a peering of ${this.label(from)} has a remote VNet not known at preview`,
        };
      const other = this.peering(to, from);
      return {
        verdict: "broken",
        route: other
          ? `peered one way only: ${this.label(to)} peers with ${this.label(from)}, but ${this.label(from)} has no peering to ${this.label(to)}`
          : `${this.label(from)} and ${this.label(to)} are not peered`,
      };
    }
    const access = peering.allowVirtualNetworkAccess;
    if (isUnknown(access))
      return {
        verdict: "unknown",
        route: `${peering.label}'s allowVirtualNetworkAccess is not known at preview`,
      };
    if (access === false)
      return { verdict: "broken", route: `${peering.label} sets allowVirtualNetworkAccess to false` };
    if (typeof peering.state === "string" && peering.state.toLowerCase() === "disconnected")
      return { verdict: "broken", route: `${peering.label} is Disconnected` };
    return { verdict: "ok", route: "peered" };
  }
}
