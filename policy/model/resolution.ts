/**
 * Name resolution over the network graph: where a VNet's DNS queries go, which zone answers a private link
 * name, which endpoint its record names, and whether the asking VNet reaches that endpoint. Every answer is
 * ok, broken or unknown, with the path followed in words for messages.
 *
 * The path (dns-private-resolver-overview "query process", dns/private-resolver-endpoints-rulesets,
 * private-link/private-endpoint-dns, firewall/dns-settings, how-to-custom-dns):
 * - A VNet with no DNS servers uses Azure DNS of that VNet, and so does one naming 168.63.129.16. A client asks the
 *   service's public name (`acct.blob.core.windows.net`), which CNAMEs to the private link name
 *   (`acct.privatelink.blob.core.windows.net`). For each of the two names in turn, a private zone linked to the
 *   VNet that covers the name (named as it or a parent of it; the most specific) answers first, a missing record
 *   being NXDOMAIN; only a name no linked zone covers goes to a forwarding ruleset linked to the VNet (longest
 *   domain match; a `.` rule ignores the domains reserved for Azure services), which sends it from the ruleset's
 *   VNet to the rule's first target (the others only on failover). So a rule on the public name
 *   (`blob.core.windows.net.`) wins over a linked `privatelink.*` zone, and a rule on the private link name does
 *   not. A name neither covers gets the public answer (two zones of one name: Azure refuses the second link).
 * - A VNet whose DNS servers are IPs asks each of them (any may answer a client, so each must work). Azure
 *   reaches an IP in the asking VNet's own or a connected VNet's address space: the host holding it there is the
 *   server. An IP inside another in-stack VNet's range that the asker does not reach is unreachable whoever holds
 *   it; an IP in no known range that no host holds is outside the stack (unknown). A resolver inbound endpoint, a
 *   DNS server VM or an Azure Firewall with DNS proxy (off by default) asks Azure DNS from its own VNet (the
 *   firewall: its policy's custom servers when set, one picked at random, so each must work).
 * - The endpoint a zone's record names must be reachable from the asking VNet (NetworkGraph.connected).
 *
 * The search answers each (VNet, name) and (DNS host, name) once per graph and keeps the answer; what is being
 * answered is marked, so forwarding back to it is a loop; it runs on an explicit stack, never the call stack; the
 * first broken branch of several ends a node's search. Steps stay linear in VNets + hosts + rules + links.
 */
import { azureDnsIp } from "../azure/azureDnsIp";
import { parseCidr } from "../azure/cidr";
import { isUnderReservedDomain } from "../azure/reservedDomains";
import {
  dnsName,
  DnsHostKinds,
  type DnsHost,
  type GraphForwardingRule,
  type GraphZoneLink,
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

/** A path as a list shared between answers: a cached answer is prefixed in O(1), spelled out only once asked. */
type PathList = { readonly step: string; readonly next: PathList } | undefined;

function pathArray(list: PathList): string[] {
  const steps: string[] = [];
  for (let at = list; at; at = at.next) steps.push(at.step);
  return steps;
}

/** An answer inside the search: its path from the node asked. */
interface Found extends Omit<NameAnswer, "path"> {
  path: PathList;
}

function leaf(
  verdict: Verdict,
  step: string,
  fault: ResolutionFault | undefined,
  at: Pick<NameAnswer, "direct" | "resolvingVnet" | "faultAt" | "zone"> = { direct: false },
): Found {
  return { verdict, path: { step, next: undefined }, fault, ...at };
}

/** `answer` reached through `step`; only the asking VNet's own Azure DNS is direct. */
function after(step: string, answer: Found, direct = false): Found {
  return { ...answer, path: { step, next: answer.path }, direct };
}

/** A node of the search: queries from a VNet's clients, a DNS host, or Azure DNS asked from a VNet. */
type Node = string;
const clientNode = (vnet: Key): Node => `c\u0000${vnet}`;
const hostNode = (host: Key): Node => `h\u0000${host}`;
const azureDnsNode = (vnet: Key): Node => `a\u0000${vnet}`;

/** A node's evaluation: it yields the nodes it needs and receives their answers. */
type Evaluation = Generator<Node, Found, Found>;

/** Several servers or targets where each must work: the first broken one ends it, else the worst. */
function* worstBranch(branches: Iterable<() => Evaluation>): Evaluation {
  let worst: Found | undefined;
  for (const branch of branches) {
    const answer = yield* branch();
    if (answer.verdict === "broken") return answer;
    if (!worst || (worst.verdict === "ok" && answer.verdict === "unknown")) worst = answer;
  }
  return worst!;
}

/** The VNets of the graph whose address spaces hold an IP, indexed by prefix length then network address. */
class AddressIndex {
  private readonly byBits = new Map<number, Map<number, { vnet: Key; prefix: string }[]>>();

  constructor(graph: NetworkGraph) {
    for (const v of graph.vnets.values()) {
      if (!Array.isArray(v.addressPrefixes)) continue;
      for (const prefix of v.addressPrefixes) {
        const cidr = typeof prefix === "string" ? parseCidr(prefix) : undefined;
        if (!cidr) continue;
        const byStart = this.byBits.get(cidr.bits) ?? new Map<number, { vnet: Key; prefix: string }[]>();
        byStart.set(cidr.start, [...(byStart.get(cidr.start) ?? []), { vnet: v.key, prefix: cidr.text }]);
        this.byBits.set(cidr.bits, byStart);
      }
    }
  }

  holders(ip: string): { vnet: Key; prefix: string }[] {
    const address = parseCidr(`${ip}/32`)?.start;
    if (address === undefined) return [];
    const found: { vnet: Key; prefix: string }[] = [];
    for (const [bits, byStart] of this.byBits) {
      const size = 2 ** (32 - bits);
      found.push(...(byStart.get(address - (address % size)) ?? []));
    }
    return found;
  }
}

/** What the search keeps per graph: one lookup per name, the address index, and the steps taken. */
interface GraphSearch {
  lookups: Map<string, Lookup>;
  addresses?: AddressIndex;
  steps: number;
}
const searches = new WeakMap<NetworkGraph, GraphSearch>();

function searchOf(graph: NetworkGraph): GraphSearch {
  let search = searches.get(graph);
  if (!search) {
    search = { lookups: new Map(), steps: 0 };
    searches.set(graph, search);
  }
  return search;
}

/** The steps the resolution search has taken on this graph so far (each node resumed once per node it needs). */
export function resolutionSteps(graph: NetworkGraph): number {
  return searchOf(graph).steps;
}

/** The zone name with its `privatelink` label removed: the public name clients ask, which CNAMEs into the zone. */
function publicNameOf(name: string): string {
  return name
    .split(".")
    .filter((label) => label !== "privatelink")
    .join(".");
}

/** A name equal to the domain or under it. */
function isWithin(name: string, domain: string): boolean {
  return name === domain || name.endsWith(`.${domain}`);
}

/** One question for one graph: `name` undefined asks only where queries go (resolverOf). */
class Lookup {
  private readonly answers = new Map<Node, Found>();
  private readonly inProgress = new Set<Node>();
  private readonly wanted: string | undefined;
  private readonly publicName: string | undefined;

  constructor(
    readonly graph: NetworkGraph,
    readonly name: string | undefined,
    private readonly search: GraphSearch,
  ) {
    this.wanted = name === undefined ? undefined : dnsName(name);
    const publicName = this.wanted === undefined ? undefined : publicNameOf(this.wanted);
    this.publicName = publicName === this.wanted ? undefined : publicName;
  }

  /** Queries made by a client in `vnet`. */
  fromVnet(vnet: Key): NameAnswer {
    const answer = this.solve(clientNode(vnet));
    return { ...answer, path: pathArray(answer.path) };
  }

  /** The answer of a node, searched on an explicit stack: a 3,000-hop forwarding chain is 3,000 frames of heap. */
  solve(root: Node): Found {
    const known = this.answers.get(root);
    if (known) return known;
    const stack: { node: Node; evaluation: Evaluation }[] = [{ node: root, evaluation: this.evaluate(root) }];
    this.inProgress.add(root);
    let input: Found | undefined;
    let result: Found | undefined;
    while (stack.length > 0) {
      const top = stack[stack.length - 1];
      this.search.steps++;
      const next = top.evaluation.next(input as Found);
      if (next.done) {
        this.answers.set(top.node, next.value);
        this.inProgress.delete(top.node);
        stack.pop();
        input = result = next.value;
        continue;
      }
      const needed = this.answers.get(next.value);
      if (needed) {
        input = needed;
        continue;
      }
      this.inProgress.add(next.value);
      stack.push({ node: next.value, evaluation: this.evaluate(next.value) });
      input = undefined;
    }
    return result!;
  }

  private evaluate(node: Node): Evaluation {
    const [kind, key] = node.split("\u0000") as [string, Key];
    if (kind === "c") return this.client(key);
    if (kind === "h") return this.host(this.graph.hosts.get(key)!);
    return this.azureDns(key);
  }

  private *client(vnet: Key): Evaluation {
    const g = this.graph;
    const v = g.vnets.get(vnet);
    if (!v)
      return leaf(
        "unknown",
        `${g.label(vnet)} is outside the stack: its DNS settings are not seen`,
        ResolutionFaults.outsideStack,
      );
    const servers = v.dnsServers;
    if (isUnknown(servers)) {
      const sources = (v.dnsServerSources ?? []).flatMap((k) => g.hosts.get(k) ?? []);
      if (sources.length === 0)
        return leaf(
          "unknown",
          `${v.label}'s DNS servers are not known at preview`,
          ResolutionFaults.dnsServersUnknown,
        );
      return yield* worstBranch(sources.map((host) => () => this.viaHost(vnet, host, v.label)));
    }
    if (servers && servers.length > 0)
      return yield* worstBranch(servers.map((ip) => () => this.viaIp(vnet, ip, v.label, true)));
    const own = yield azureDnsNode(vnet);
    return after(`${v.label} resolves through Azure DNS`, own, own.direct);
  }

  /**
   * `who` (in `from`) asks the DNS server at `ip`. Azure DNS's virtual IP is `from`'s own Azure DNS; any other IP
   * is the host holding it in `from`'s own or a connected VNet's address space.
   */
  private *viaIp(from: Key, ip: string, who: string, asking = false): Evaluation {
    const g = this.graph;
    if (ip === azureDnsIp) {
      const step = `${who} resolves through ${ip} (Azure DNS of ${g.label(from)})`;
      if (this.inProgress.has(azureDnsNode(from))) return this.loop(step, from);
      const own = yield azureDnsNode(from);
      return after(step, own, asking && own.direct);
    }
    const hosts = g.hostsByIp.get(ip) ?? [];
    let best: { host: DnsHost; rank: number } | undefined;
    for (const host of hosts) {
      const rank = verdictRank(g.connected(from, host.vnet).verdict);
      if (!best || rank < best.rank) best = { host, rank };
      if (rank === 0) break;
    }
    if (best && best.rank === 0) return yield* this.viaHost(from, best.host, who);
    const holders = this.addresses().holders(ip);
    const reachable = holders.find((h) => h.vnet === from || g.connected(from, h.vnet).verdict === "ok");
    // A hub the platform describes lists every DNS server it runs: another IP in its range answers nothing.
    if (reachable && g.vnets.get(reachable.vnet)?.platform !== undefined)
      return leaf(
        "broken",
        `${who} resolves through ${ip}, which is in the address space of ${g.label(reachable.vnet)} but is none of the DNS servers the platform runs there`,
        ResolutionFaults.notRunByPlatform,
        { direct: false, faultAt: from },
      );
    if (reachable)
      return leaf(
        "unknown",
        `${who} resolves through ${ip}, in ${g.label(reachable.vnet)}'s address space (${reachable.prefix}), which no resolver, firewall or VM of the stack is known to hold (not verified)`,
        ResolutionFaults.outsideStack,
      );
    if (best) return yield* this.viaHost(from, best.host, who);
    if (holders.length > 0) {
      const other = holders[0];
      const reach = g.connected(from, other.vnet);
      return leaf(
        reach.verdict,
        `${who} resolves through ${ip}, in ${g.label(other.vnet)}'s address space (${other.prefix}), whoever holds it: ${reach.route}`,
        ResolutionFaults.dnsHostUnreachable,
        { direct: false, faultAt: from },
      );
    }
    return leaf(
      "unknown",
      `${who} resolves through ${ip}, which no resolver, firewall or VM of the stack holds (outside the stack: not verified)`,
      ResolutionFaults.outsideStack,
    );
  }

  private addresses(): AddressIndex {
    this.search.addresses ??= new AddressIndex(this.graph);
    return this.search.addresses;
  }

  /** `who` (in `from`) asks `host`: it must be reachable, and not already on the path. */
  private *viaHost(from: Key, host: DnsHost, who: string): Evaluation {
    const g = this.graph;
    const reach = g.connected(from, host.vnet);
    const ip = typeof host.ip === "string" ? host.ip : "the IP";
    const step = `${who} resolves through ${ip} (${hostKindWords[host.kind]}${host.label} in ${g.label(host.vnet)}, ${reach.route})`;
    if (reach.verdict !== "ok")
      return leaf(reach.verdict, step, ResolutionFaults.dnsHostUnreachable, { direct: false, faultAt: from });
    if (this.inProgress.has(hostNode(host.key))) return this.loop(step, host.key);
    return after(step, yield hostNode(host.key));
  }

  private loop(step: string, at: Key): Found {
    return leaf("broken", `${step}, which forwards back to itself`, ResolutionFaults.forwardingLoop, {
      direct: false,
      faultAt: at,
    });
  }

  /** A DNS host answering: a firewall must proxy DNS; then its custom servers, else Azure DNS of its VNet. */
  private *host(host: DnsHost): Evaluation {
    const hostVnet = host.vnet as Key;
    if (host.kind === DnsHostKinds.firewall) {
      const proxy = host.dnsProxy;
      if (isUnknown(proxy))
        return leaf(
          "unknown",
          "whether its policy enables DNS proxy is not known at preview",
          ResolutionFaults.noDnsProxy,
        );
      if (proxy !== true)
        return leaf(
          "broken",
          "its firewall policy does not enable DNS proxy (dnsSettings.enableProxy), so it answers no DNS query",
          ResolutionFaults.noDnsProxy,
          { direct: false, faultAt: host.key },
        );
    }
    if (host.kind === DnsHostKinds.forwarder && host.forwardsTo === undefined)
      return leaf(
        "unknown",
        "the platform does not say where it forwards (outside the stack: not verified)",
        ResolutionFaults.outsideStack,
      );
    if (host.kind === DnsHostKinds.firewall || host.kind === DnsHostKinds.forwarder) {
      const servers = host.forwardsTo;
      if (isUnknown(servers))
        return leaf(
          "unknown",
          "its policy's DNS servers are not known at preview",
          ResolutionFaults.dnsServersUnknown,
        );
      // "If you configure multiple DNS servers, the server used is chosen randomly" (firewall/dns-settings).
      if (servers && servers.length > 0)
        return yield* worstBranch(servers.map((s) => () => this.viaIp(hostVnet, s, host.label)));
    }
    if (this.inProgress.has(azureDnsNode(hostVnet)))
      return this.loop(`${host.label} asks Azure DNS of ${this.graph.label(hostVnet)}`, host.key);
    const answer = yield azureDnsNode(hostVnet);
    return { ...answer, direct: false };
  }

  /**
   * Azure DNS asked from `vnet`: the public name, then the private link name it CNAMEs to; for each, a linked
   * zone covering it answers, else a forwarding rule matching it forwards it, else the public answer.
   */
  private *azureDns(vnet: Key): Evaluation {
    const g = this.graph;
    const wanted = this.wanted;
    if (wanted === undefined) return { verdict: "ok", path: undefined, direct: true, resolvingVnet: vnet };
    if (this.publicName !== undefined) {
      const zones = this.coveringZones(vnet, this.publicName);
      if (zones.known.length > 0) return this.zoneAnswer(vnet, this.publicName, zones.known);
      const rule = zones.open ? undefined : this.matchingRule(vnet, this.publicName);
      if (rule) return yield* this.forward(vnet, rule, this.publicName);
    }
    const zones = this.coveringZones(vnet, wanted);
    if (zones.known.length > 0) return this.zoneAnswer(vnet, this.name!, zones.known);
    const open = zones.open || g.anyOpenLink || g.vnetsOfOpenLinks.has(vnet) || this.zoneOfNameOpen(wanted);
    if (open)
      return leaf(
        "unknown",
        `whether ${this.name} is linked to ${g.label(vnet)} is not known at preview`,
        ResolutionFaults.zoneNotLinked,
        { direct: true, resolvingVnet: vnet },
      );
    const rule = this.matchingRule(vnet, wanted);
    if (rule) return yield* this.forward(vnet, rule, this.name!);
    if (!g.vnets.has(vnet))
      return leaf(
        "unknown",
        `${g.label(vnet)} is outside the stack: the zones linked to it are not seen`,
        ResolutionFaults.outsideStack,
        { direct: true, resolvingVnet: vnet },
      );
    return leaf("broken", `${this.name} is not linked to ${g.label(vnet)}`, ResolutionFaults.zoneNotLinked, {
      direct: true,
      resolvingVnet: vnet,
      faultAt: vnet,
    });
  }

  /** The zones linked to `vnet` that cover `name`, most specific first; open: a linked zone's name is unknown. */
  private coveringZones(vnet: Key, name: string): { known: Key[]; open: boolean } {
    let known: Key[] = [];
    let length = -1;
    let open = false;
    for (const zone of this.graph.zonesByVnet.get(vnet) ?? []) {
      const zoneName = this.graph.zones.get(zone)?.name;
      if (typeof zoneName !== "string") {
        open = true;
        continue;
      }
      const covered = dnsName(zoneName);
      if (!isWithin(name, covered) || covered.length < length) continue;
      if (covered.length > length) known = [];
      length = covered.length;
      if (!known.includes(zone)) known.push(zone);
    }
    return { known: open ? [] : known, open };
  }

  private zoneAnswer(vnet: Key, name: string, zones: Key[]): Found {
    const g = this.graph;
    if (zones.length > 1)
      return leaf(
        "broken",
        `${zones.length} zones named ${name} are linked to ${g.label(vnet)} (${zones.map((z) => g.label(z)).join(", ")}); Azure refuses the second link`,
        ResolutionFaults.duplicateZones,
        { direct: true, resolvingVnet: vnet, faultAt: vnet },
      );
    return leaf("ok", `${g.label(zones[0])} is linked to ${g.label(vnet)}`, undefined, {
      direct: true,
      resolvingVnet: vnet,
      zone: zones[0],
    });
  }

  /**
   * A rule's query leaves from the ruleset's outbound endpoint VNet to the rule's first target; "If multiple DNS
   * servers are entered as the destination for a rule, the first IP address that is entered is used unless it
   * doesn't respond." (dns/private-resolver-endpoints-rulesets, "Rule processing").
   */
  private *forward(vnet: Key, rule: GraphForwardingRule, name: string): Evaluation {
    const g = this.graph;
    const ruleset = g.rulesets.get(rule.ruleset as Key);
    const targets = rule.targets;
    const failover =
      Array.isArray(targets) && targets.length > 1 ? `; ${targets.slice(1).join(", ")} only on failover` : "";
    const via = `${ruleset?.label ?? "a forwarding ruleset"} linked to ${g.label(vnet)} forwards ${name} (${rule.label}${failover})`;
    if (!Array.isArray(targets) || targets.length === 0)
      return leaf("unknown", `${via} to targets not known at preview`, ResolutionFaults.dnsServersUnknown);
    const from = typeof ruleset?.vnet === "string" ? ruleset.vnet : vnet;
    const answer = yield* this.viaIp(from, targets[0], via);
    return { ...answer, direct: false };
  }

  /** A zone of that name has a link whose VNet is unknown at preview. */
  private zoneOfNameOpen(wanted: string): boolean {
    for (const zone of this.graph.zonesOfOpenLinks) {
      const zoneName = this.graph.zones.get(zone)?.name;
      if (typeof zoneName !== "string" || isWithin(wanted, dnsName(zoneName))) return true;
    }
    return false;
  }

  /**
   * The enabled rule with the longest domain matching the name, in rulesets linked to the VNet; a `.` rule
   * ignores names under the domains reserved for Azure services.
   */
  private matchingRule(vnet: Key, name: string): GraphForwardingRule | undefined {
    const reserved = isUnderReservedDomain(name);
    let best: { rule: GraphForwardingRule; length: number } | undefined;
    for (const ruleset of this.graph.rulesetsByVnet.get(vnet) ?? [])
      for (const rule of this.graph.rulesByRuleset.get(ruleset) ?? []) {
        if (rule.enabled === false || typeof rule.domain !== "string") continue;
        const domain = dnsName(rule.domain);
        const matches = domain === "" ? !reserved : isWithin(name, domain);
        if (matches && (!best || domain.length > best.length)) best = { rule, length: domain.length };
      }
    return best?.rule;
  }
}

function verdictRank(verdict: Verdict): number {
  return verdict === "ok" ? 0 : verdict === "unknown" ? 1 : 2;
}

function lookupOf(graph: NetworkGraph, name: string | undefined): Lookup {
  const search = searchOf(graph);
  const key = name === undefined ? "" : `=${dnsName(name)}`;
  let lookup = search.lookups.get(key);
  if (!lookup) {
    lookup = new Lookup(graph, name, search);
    search.lookups.set(key, lookup);
  }
  return lookup;
}

/**
 * The DNS host `vnet` reaches at `ip`: the one in its own VNet, else in a connected VNet, else any holding it
 * (undefined for 168.63.129.16, Azure DNS of `vnet` itself).
 */
export function dnsHostOf(graph: NetworkGraph, vnet: Key, ip: string): DnsHost | undefined {
  if (ip === azureDnsIp) return undefined;
  const hosts = graph.hostsByIp.get(ip) ?? [];
  return (
    hosts.find((h) => h.vnet === vnet) ??
    hosts.find((h) => graph.connected(vnet, h.vnet).verdict === "ok") ??
    hosts[0]
  );
}

/** Where `vnet`'s DNS queries go: its own Azure DNS, or the VNets of the hosts its DNS servers name. */
export function resolverOf(graph: NetworkGraph, vnet: Key): Resolver {
  const answer = lookupOf(graph, undefined).fromVnet(vnet);
  const servers = graph.vnets.get(vnet)?.dnsServers;
  const resolvingVnets =
    answer.verdict !== "ok"
      ? []
      : Array.isArray(servers) && servers.length > 0
        ? [
            ...new Set(
              servers.flatMap((ip) => {
                if (ip === azureDnsIp) return [vnet];
                const host = dnsHostOf(graph, vnet, ip);
                return typeof host?.vnet === "string" ? [host.vnet] : [];
              }),
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
  return lookupOf(graph, zoneName).fromVnet(vnet);
}

/**
 * "When set to 'NxDomainRedirect', Azure DNS resolver falls back to public resolution if private dns query
 * resolution results in non-existent domain response." (PrivateDnsResolutionPolicy): the client gets the public
 * endpoint, still not a private one.
 */
function nxDomainRedirectWords(graph: NetworkGraph, link: GraphZoneLink): string {
  return `; ${link.label} to ${graph.label(link.vnet)} sets resolutionPolicy NxDomainRedirect, so Azure DNS falls back to public resolution: the public endpoint, not a private one`;
}

/**
 * The one question: for clients in `vnet`, which endpoint of `target` the private link name of `zoneName`
 * resolves to, and whether `vnet` reaches it.
 */
export function resolveTarget(graph: NetworkGraph, vnet: Key, target: Key, zoneName: string): Resolution {
  const answer = resolveName(graph, vnet, zoneName);
  if (answer.verdict !== "ok" || answer.zone === undefined) return answer;
  const zone = answer.zone;
  const endpoints = graph.recordsOf(zone, target);
  if (endpoints.length === 0) {
    const open = graph.anyOpenRecord || graph.zonesOfOpenRecords.has(zone);
    const redirect = (graph.linksByVnet.get(answer.resolvingVnet ?? "") ?? []).find(
      (l) =>
        l.zone === zone &&
        typeof l.resolutionPolicy === "string" &&
        dnsName(l.resolutionPolicy) === "nxdomainredirect",
    );
    return {
      ...answer,
      verdict: open ? "unknown" : "broken",
      fault: ResolutionFaults.noRecord,
      path: [
        ...answer.path,
        `${graph.label(zone)} holds ${open ? "no record known at preview" : "no record"} of ${graph.labelOf(target)}${redirect ? nxDomainRedirectWords(graph, redirect) : ""}`,
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
