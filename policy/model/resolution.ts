/**
 * Name resolution over the network graph: where a VNet's DNS queries go, which zone answers a private link
 * name, which endpoint its record names, and whether the asking VNet reaches that endpoint. Every answer is
 * ok, broken or unknown, with the path followed in words for messages.
 *
 * The path (private-dns-privatednszone, private-endpoint-dns-integration, dns/private-resolver-endpoints-
 * rulesets, firewall/dns-settings, how-to-custom-dns):
 * - A VNet with no DNS servers uses Azure DNS: a forwarding ruleset linked to it sends the names of its
 *   rules (longest domain match) to the rules' target IPs; any other name is answered by the zones linked to
 *   the VNet (none of that name: the public answer; two: Azure refuses the second link).
 * - A VNet whose DNS servers are IPs asks each of them (any may answer a client, so each must work): the
 *   host holding the IP must be in a connected VNet. A resolver inbound endpoint, a DNS server VM or an Azure
 *   Firewall with DNS proxy (off by default) asks Azure DNS from its own VNet (the firewall: its policy's
 *   custom servers when set). An IP no host of the graph holds is outside the stack: unknown, not broken.
 * - The endpoint a zone's record names must be reachable from the asking VNet (NetworkGraph.connected).
 */
import {
  dnsName,
  DnsHostKinds,
  type DnsHost,
  type GraphForwardingRule,
  type NetworkGraph,
  type Reach,
  type Verdict,
} from "./networkGraph";
import type { Key } from "./types";
import { isUnknown } from "./unknownValue";

/** What is wrong (broken) or cannot be told (unknown) on the path. */
export const ResolutionFaults = {
  /** The VNet's DNS servers are unknown at preview. */
  dnsServersUnknown: "dnsServersUnknown",
  /** A DNS server IP no host of the stack holds, or a VNet outside the stack. */
  outsideStack: "outsideStack",
  /** The VNet holding the DNS server, or the forwarding target, is not connected. */
  dnsHostUnreachable: "dnsHostUnreachable",
  /** An Azure Firewall named as DNS server whose policy does not enable DNS proxy. */
  noDnsProxy: "noDnsProxy",
  /** Forwarding that comes back to a host already on the path. */
  forwardingLoop: "forwardingLoop",
  /** No zone of the name linked to the VNet that answers (or a link unknown at preview). */
  zoneNotLinked: "zoneNotLinked",
  /** Two zones of one name linked to the VNet that answers. */
  duplicateZones: "duplicateZones",
  /** The answering zone holds no record of the target (or records unknown at preview). */
  noRecord: "noRecord",
  /** The endpoint the record names is in a VNet the asking VNet does not reach. */
  endpointUnreachable: "endpointUnreachable",
  /** A DNS server IP in a hub the platform describes, which the platform does not list as one it runs. */
  notRunByPlatform: "notRunByPlatform",
} as const;
export type ResolutionFault = (typeof ResolutionFaults)[keyof typeof ResolutionFaults];

/** Where a VNet's queries for one name end up. */
export interface NameAnswer {
  verdict: Verdict;
  /** The steps followed, in words; `describePath` joins them. */
  path: string[];
  fault?: ResolutionFault;
  /** True when the asking VNet's own Azure DNS answers, with no DNS server or forwarding rule in between. */
  direct: boolean;
  /** The VNet whose Azure DNS answered (or, for a zone fault, was asked), and the zone that did (ok only). */
  resolvingVnet?: Key;
  zone?: Key;
  /** The graph key at fault: the asking VNet (host unreachable), the firewall (no DNS proxy), a zone's VNet. */
  faultAt?: Key;
}

/** Where a (VNet, target, zone name) resolves and whether the VNet reaches it. */
export interface Resolution extends NameAnswer {
  /** The endpoint the record names (ok; also broken when unreachable). */
  endpoint?: Key;
  /** Its first known private IP. */
  ip?: string;
  /** From the asking VNet to the endpoint. */
  route?: Reach;
}

/** Where a VNet's queries go, whatever the name (forwarding rulesets aside). */
export interface Resolver {
  verdict: Verdict;
  path: string[];
  fault?: ResolutionFault;
  /** The VNets whose Azure DNS (and linked zones) answer for it. */
  resolvingVnets: Key[];
  /** Forwarding rulesets linked to the VNet (they send some names elsewhere). */
  rulesets: Key[];
}

export function describePath(answer: { path: readonly string[] }): string {
  return answer.path.join("; ");
}

/** Words before a host's label (labels name their resource kind; a NIC says nothing of the DNS server on it). */
const hostKindWords: Record<DnsHost["kind"], string> = {
  [DnsHostKinds.resolverInbound]: "",
  [DnsHostKinds.firewall]: "",
  [DnsHostKinds.vm]: "DNS server VM on ",
  [DnsHostKinds.forwarder]: "",
};

const verdictOrder: readonly Verdict[] = ["broken", "unknown", "ok"];

/** Several servers, targets or zones: each must work, so the worst answer stands. */
export function worstOf<T extends { verdict: Verdict }>(answers: T[]): T {
  for (const verdict of verdictOrder) {
    const found = answers.find((a) => a.verdict === verdict);
    if (found) return found;
  }
  return answers[0];
}

function stop(
  verdict: Verdict,
  path: string[],
  step: string,
  fault: ResolutionFault | undefined,
  at: Pick<NameAnswer, "direct" | "resolvingVnet" | "faultAt"> = { direct: false },
): NameAnswer {
  return { verdict, path: [...path, step], fault, ...at };
}

/** One question: `name` undefined asks only where queries go (resolverOf). */
class Lookup {
  constructor(
    readonly graph: NetworkGraph,
    readonly name: string | undefined,
  ) {}

  /** Queries made by a client in `vnet`. */
  fromVnet(vnet: Key): NameAnswer {
    const g = this.graph;
    const v = g.vnets.get(vnet);
    if (!v)
      return stop(
        "unknown",
        [],
        `${g.label(vnet)} is outside the stack: its DNS settings are not seen`,
        ResolutionFaults.outsideStack,
      );
    const servers = v.dnsServers;
    if (isUnknown(servers)) {
      const sources = (v.dnsServerSources ?? []).flatMap((k) => g.hosts.get(k) ?? []);
      if (sources.length === 0)
        return stop(
          "unknown",
          [],
          `${v.label}'s DNS servers are not known at preview`,
          ResolutionFaults.dnsServersUnknown,
        );
      return worstOf(sources.map((host) => this.viaHost(vnet, host, [], v.label, new Set())));
    }
    if (servers && servers.length > 0)
      return worstOf(servers.map((ip) => this.viaIp(vnet, ip, [], v.label, new Set())));
    return this.azureDns(vnet, [], `${v.label} resolves through Azure DNS`, true, new Set());
  }

  private viaIp(from: Key, ip: string, path: string[], who: string, seen: ReadonlySet<Key>): NameAnswer {
    const hosts = this.graph.hostsByIp.get(ip);
    const hub = hosts ? undefined : this.graph.describedVnetOf(ip);
    if (hub)
      return stop(
        "broken",
        path,
        `${who} resolves through ${ip}, which is in the address space of ${hub.label} but is none of the DNS servers the platform runs there`,
        ResolutionFaults.notRunByPlatform,
        { direct: false, faultAt: from },
      );
    if (!hosts)
      return stop(
        "unknown",
        path,
        `${who} resolves through ${ip}, which no resolver, firewall or VM of the stack holds (outside the stack: not verified)`,
        ResolutionFaults.outsideStack,
      );
    return this.viaHost(from, hosts[0], path, who, seen);
  }

  private viaHost(from: Key, host: DnsHost, path: string[], who: string, seen: ReadonlySet<Key>): NameAnswer {
    const g = this.graph;
    const reach = g.connected(from, host.vnet);
    const ip = typeof host.ip === "string" ? host.ip : "the IP";
    const step = `${who} resolves through ${ip} (${hostKindWords[host.kind]}${host.label} in ${g.label(host.vnet)}, ${reach.route})`;
    if (reach.verdict !== "ok")
      return stop(reach.verdict, path, step, ResolutionFaults.dnsHostUnreachable, {
        direct: false,
        faultAt: from,
      });
    if (seen.has(host.key))
      return stop("broken", path, `${step}, which forwards back to itself`, ResolutionFaults.forwardingLoop, {
        direct: false,
        faultAt: host.key,
      });
    const next = new Set(seen).add(host.key);
    const hostVnet = host.vnet as Key;
    if (host.kind === DnsHostKinds.firewall) {
      const proxy = host.dnsProxy;
      if (isUnknown(proxy))
        return stop(
          "unknown",
          path,
          `${step}; whether its policy enables DNS proxy is not known at preview`,
          ResolutionFaults.noDnsProxy,
        );
      if (proxy !== true)
        return stop(
          "broken",
          path,
          `${step}; its firewall policy does not enable DNS proxy (dnsSettings.enableProxy), so it answers no DNS query`,
          ResolutionFaults.noDnsProxy,
          { direct: false, faultAt: host.key },
        );
    }
    if (host.kind === DnsHostKinds.forwarder && host.forwardsTo === undefined)
      return stop(
        "unknown",
        path,
        `${step}; the platform does not say where it forwards (outside the stack: not verified)`,
        ResolutionFaults.outsideStack,
      );
    if (host.kind === DnsHostKinds.firewall || host.kind === DnsHostKinds.forwarder) {
      const servers = host.forwardsTo;
      if (isUnknown(servers))
        return stop(
          "unknown",
          path,
          `${step}; its policy's DNS servers are not known at preview`,
          ResolutionFaults.dnsServersUnknown,
        );
      if (servers && servers.length > 0)
        return worstOf(servers.map((s) => this.viaIp(hostVnet, s, [...path, step], host.label, next)));
    }
    return this.azureDns(hostVnet, [...path, step], undefined, false, next);
  }

  /** Azure DNS asked from `vnet`: a forwarding rule linked there, else the zones linked there. */
  private azureDns(
    vnet: Key,
    path: string[],
    intro: string | undefined,
    direct: boolean,
    seen: ReadonlySet<Key>,
  ): NameAnswer {
    const g = this.graph;
    const steps = intro ? [...path, intro] : path;
    const name = this.name;
    if (name === undefined) return { verdict: "ok", path: steps, direct, resolvingVnet: vnet };
    const rule = this.matchingRule(vnet, name);
    if (rule) {
      const ruleset = g.rulesets.get(rule.ruleset as Key);
      const via = `${ruleset?.label ?? "a forwarding ruleset"} linked to ${g.label(vnet)} forwards ${name} (${rule.label})`;
      if (!Array.isArray(rule.targets) || rule.targets.length === 0)
        return stop(
          "unknown",
          steps,
          `${via} to targets not known at preview`,
          ResolutionFaults.dnsServersUnknown,
        );
      const from = typeof ruleset?.vnet === "string" ? ruleset.vnet : vnet;
      return worstOf(rule.targets.map((ip) => this.viaIp(from, ip, steps, via, seen)));
    }
    const wanted = dnsName(name);
    const zones = (g.zonesByVnet.get(vnet) ?? []).filter((z) => {
      const zoneName = g.zones.get(z)?.name;
      return typeof zoneName !== "string" || dnsName(zoneName) === wanted;
    });
    const known = zones.filter((z) => typeof g.zones.get(z)?.name === "string");
    if (known.length > 1)
      return stop(
        "broken",
        steps,
        `${known.length} zones named ${name} are linked to ${g.label(vnet)} (${known.map((z) => g.label(z)).join(", ")}); Azure refuses the second link`,
        ResolutionFaults.duplicateZones,
        { direct, resolvingVnet: vnet, faultAt: vnet },
      );
    if (known.length === 1 && zones.length === 1)
      return {
        verdict: "ok",
        path: [...steps, `${g.label(known[0])} is linked to ${g.label(vnet)}`],
        direct,
        resolvingVnet: vnet,
        zone: known[0],
      };
    const open =
      zones.length > 0 || g.anyOpenLink || g.vnetsOfOpenLinks.has(vnet) || this.zoneOfNameOpen(wanted);
    if (open)
      return stop(
        "unknown",
        steps,
        `whether ${name} is linked to ${g.label(vnet)} is not known at preview`,
        ResolutionFaults.zoneNotLinked,
        { direct, resolvingVnet: vnet },
      );
    if (!g.vnets.has(vnet))
      return stop(
        "unknown",
        steps,
        `${g.label(vnet)} is outside the stack: the zones linked to it are not seen`,
        ResolutionFaults.outsideStack,
        { direct, resolvingVnet: vnet },
      );
    return stop(
      "broken",
      steps,
      `${name} is not linked to ${g.label(vnet)}`,
      ResolutionFaults.zoneNotLinked,
      { direct, resolvingVnet: vnet, faultAt: vnet },
    );
  }

  /** A zone of that name has a link whose VNet is unknown at preview. */
  private zoneOfNameOpen(wanted: string): boolean {
    for (const zone of this.graph.zonesOfOpenLinks) {
      const zoneName = this.graph.zones.get(zone)?.name;
      if (typeof zoneName !== "string" || dnsName(zoneName) === wanted) return true;
    }
    return false;
  }

  /** The enabled rule with the longest domain matching the name, in rulesets linked to the VNet. */
  private matchingRule(vnet: Key, name: string): GraphForwardingRule | undefined {
    const wanted = dnsName(name);
    let best: { rule: GraphForwardingRule; length: number } | undefined;
    for (const ruleset of this.graph.rulesetsByVnet.get(vnet) ?? [])
      for (const rule of this.graph.rulesByRuleset.get(ruleset) ?? []) {
        if (rule.enabled === false || typeof rule.domain !== "string") continue;
        const domain = dnsName(rule.domain);
        const matches = domain === "" || wanted === domain || wanted.endsWith(`.${domain}`);
        if (matches && (!best || domain.length > best.length)) best = { rule, length: domain.length };
      }
    return best?.rule;
  }
}

/** Where `vnet`'s DNS queries go: its own Azure DNS, or the VNets of the hosts its DNS servers name. */
export function resolverOf(graph: NetworkGraph, vnet: Key): Resolver {
  const answer = new Lookup(graph, undefined).fromVnet(vnet);
  const servers = graph.vnets.get(vnet)?.dnsServers;
  const resolvingVnets =
    answer.verdict !== "ok"
      ? []
      : Array.isArray(servers) && servers.length > 0
        ? [
            ...new Set(
              servers.flatMap((ip) => graph.hostsByIp.get(ip)?.slice(0, 1) ?? []).map((h) => h.vnet as Key),
            ),
          ]
        : [answer.resolvingVnet as Key];
  return {
    verdict: answer.verdict,
    path: answer.path,
    fault: answer.fault,
    resolvingVnets,
    rulesets: graph.rulesetsByVnet.get(vnet) ?? [],
  };
}

/** Which zone answers `zoneName` for clients in `vnet`, through whatever path its DNS takes. */
export function resolveName(graph: NetworkGraph, vnet: Key, zoneName: string): NameAnswer {
  return new Lookup(graph, zoneName).fromVnet(vnet);
}

/**
 * The one question: for clients in `vnet`, which endpoint of `target` the private link name of `zoneName`
 * resolves to, and whether `vnet` reaches it.
 */
export function resolveTarget(graph: NetworkGraph, vnet: Key, target: Key, zoneName: string): Resolution {
  const answer = resolveName(graph, vnet, zoneName);
  if (answer.verdict !== "ok" || answer.zone === undefined) return answer;
  const zone = answer.zone;
  const endpoints = (graph.recordsByZone.get(zone) ?? []).flatMap((key) => {
    const endpoint = graph.endpoints.get(key);
    return endpoint && endpoint.targets.includes(target) ? [endpoint] : [];
  });
  if (endpoints.length === 0) {
    const open = graph.anyOpenRecord || graph.zonesOfOpenRecords.has(zone);
    return {
      ...answer,
      verdict: open ? "unknown" : "broken",
      fault: ResolutionFaults.noRecord,
      path: [
        ...answer.path,
        `${graph.label(zone)} holds ${open ? "no record known at preview" : "no record"} of ${graph.labelOf(target)}`,
      ],
    };
  }
  const reached = endpoints.map((endpoint) => ({ endpoint, route: graph.connected(vnet, endpoint.vnet) }));
  const best = [...reached]
    .reverse()
    .reduce((a, b) =>
      verdictOrder.indexOf(b.route.verdict) >= verdictOrder.indexOf(a.route.verdict) ? b : a,
    );
  const ips = best.endpoint.ips;
  const ip = Array.isArray(ips) ? ips[0] : undefined;
  return {
    ...answer,
    verdict: best.route.verdict,
    fault: best.route.verdict === "ok" ? undefined : ResolutionFaults.endpointUnreachable,
    endpoint: best.endpoint.key,
    ip,
    route: best.route,
    path: [
      ...answer.path,
      `${graph.label(zone)} holds ${best.endpoint.label}${ip ? ` (${ip})` : ""} in ${graph.label(best.endpoint.vnet)} (${best.route.route})`,
    ],
  };
}

/** A VNet linked to two or more zones of one name (Azure refuses the second link). */
export interface DuplicateZoneLinks {
  vnet: Key;
  name: string;
  zones: Key[];
}

export function duplicateZoneLinks(graph: NetworkGraph): DuplicateZoneLinks[] {
  const found: DuplicateZoneLinks[] = [];
  for (const [vnet, zones] of graph.zonesByVnet) {
    const byName = new Map<string, Key[]>();
    for (const zone of new Set(zones)) {
      const name = graph.zones.get(zone)?.name;
      if (typeof name !== "string") continue;
      const list = byName.get(dnsName(name)) ?? [];
      list.push(zone);
      byName.set(dnsName(name), list);
    }
    for (const [name, list] of byName) if (list.length > 1) found.push({ vnet, name, zones: list });
  }
  return found;
}
