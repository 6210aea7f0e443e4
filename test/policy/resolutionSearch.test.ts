/**
 * The resolution search cannot hang: each (VNet or DNS host, name) is answered once per graph, loops are found by
 * marking what is in progress, the search runs on an explicit stack, and its steps stay linear in the graph's size.
 * Steps are counted (resolutionSteps), not seconds. Before, 10 DNS VMs as targets of one rule took 170 s, 12
 * firewalls forwarding to each other hung and a 3,000-hop chain overflowed the stack.
 */
import { expect } from "chai";
import {
  NetworkGraph,
  type DnsHost,
  type GraphVnet,
  type NetworkGraphInput,
} from "../../policy/model/networkGraph";
import { resolutionSteps, resolveName, ResolutionFaults } from "../../policy/model/resolution";

const api = "privatelink.api.azureml.ms";
const ipOf = (i: number) => `10.${Math.floor(i / 250)}.${i % 250}.4`;

function input(parts: Partial<NetworkGraphInput>): NetworkGraphInput {
  return {
    vnets: [],
    peerings: [],
    zones: [{ key: "z", label: "api zone", name: api }],
    links: [],
    records: [],
    endpoints: [],
    dnsHosts: [],
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    ...parts,
  };
}

/** Graph size the steps are held to: VNets, hosts, rules and every server or target they name. */
function size(i: NetworkGraphInput): number {
  const named =
    i.dnsHosts.reduce((n, h) => n + (Array.isArray(h.forwardsTo) ? h.forwardsTo.length : 0), 0) +
    i.forwardingRules.reduce((n, r) => n + (Array.isArray(r.targets) ? r.targets.length : 0), 0) +
    i.vnets.reduce((n, v) => n + (Array.isArray(v.dnsServers) ? v.dnsServers.length : 0), 0);
  return i.vnets.length + i.dnsHosts.length + i.forwardingRules.length + i.links.length + named;
}

/** Every VNet asks the name once; returns the answers and the steps taken. */
function askAll(i: NetworkGraphInput) {
  const graph = new NetworkGraph(i);
  const answers = i.vnets.map((v) => resolveName(graph, v.key, api));
  return { answers, steps: resolutionSteps(graph), bound: 4 * size(i) };
}

const hub: GraphVnet = {
  key: "hub",
  label: "hub-vnet",
  addressPrefixes: ["10.0.0.0/8"],
  dnsServers: undefined,
};
const firewall = (i: number, forwardsTo: string[]): DnsHost => ({
  key: `fw${i}`,
  label: `'fw${i}'`,
  kind: "firewall",
  ip: ipOf(i),
  vnet: "hub",
  dnsProxy: true,
  forwardsTo,
});

describe("resolution search: linear steps on graphs that hung", () => {
  it("answers 1,000 VNets linked to a rule whose 1,000 targets are DNS VMs in a VNet linked to it too", () => {
    const n = 1000;
    const vms: DnsHost[] = Array.from({ length: n }, (_, i) => ({
      key: `vm${i}`,
      label: `'vm${i}'`,
      kind: "vm",
      ip: ipOf(i),
      vnet: "hub",
    }));
    const spokes = Array.from({ length: n }, (_, i) => ({
      key: `spoke${i}`,
      label: `spoke-${i}`,
      dnsServers: i % 2 === 0 ? undefined : [ipOf(i)],
    }));
    const i = input({
      vnets: [hub, ...spokes],
      peerings: spokes.flatMap((s) => [
        { key: `${s.key}>hub`, label: "p", from: s.key, to: "hub", allowVirtualNetworkAccess: true },
        { key: `hub>${s.key}`, label: "p", from: "hub", to: s.key, allowVirtualNetworkAccess: true },
      ]),
      dnsHosts: vms,
      rulesets: [{ key: "rs", label: "ruleset 'rs'", vnet: "hub" }],
      rulesetLinks: [hub, ...spokes].map((v) => ({ ruleset: "rs", vnet: v.key })),
      forwardingRules: [
        {
          key: "r",
          label: "rule 'r'",
          ruleset: "rs",
          domain: `${api}.`,
          targets: vms.map((v) => v.ip as string),
        },
      ],
    });
    const { answers, steps, bound } = askAll(i);
    // The hub's VMs ask the hub's Azure DNS, which forwards the name back to them: a loop, for every VNet.
    expect(answers.every((a) => a.fault === ResolutionFaults.forwardingLoop)).to.equal(true);
    expect(steps).to.be.at.most(bound);
  });

  /** `n` firewalls in the hub, each forwarding to the next `fanOut` (the last ones to a resolver), one spoke each. */
  function mesh(n: number, fanOut: number): NetworkGraphInput {
    const resolver: DnsHost = {
      key: "in",
      label: "'in'",
      kind: "resolverInbound",
      ip: "10.255.0.4",
      vnet: "hub",
    };
    const firewalls = Array.from({ length: n }, (_, i) =>
      firewall(
        i,
        Array.from({ length: fanOut }, (_, j) => (i + j + 1 < n ? ipOf(i + j + 1) : "10.255.0.4")),
      ),
    );
    const spokes = Array.from({ length: n }, (_, i) => ({
      key: `s${i}`,
      label: `s${i}`,
      dnsServers: [ipOf(i)],
    }));
    return input({
      vnets: [hub, ...spokes],
      peerings: spokes.flatMap((s) => [
        { key: `${s.key}>hub`, label: "p", from: s.key, to: "hub", allowVirtualNetworkAccess: true },
        { key: `hub>${s.key}`, label: "p", from: "hub", to: s.key, allowVirtualNetworkAccess: true },
      ]),
      links: [{ key: "l", label: "link", zone: "z", vnet: "hub" }],
      dnsHosts: [resolver, ...firewalls],
    });
  }

  it("answers a mesh of 1,000 firewalls each forwarding to the next ten, the last ones to a resolver", () => {
    // Twelve firewalls first: an exhaustive search of their paths exceeds the bound without hanging the test.
    const small = askAll(mesh(12, 3));
    expect(small.steps).to.be.at.most(small.bound);
    const n = 1000;
    const i = mesh(n, 10);
    const { answers, steps, bound } = askAll(i);
    expect(answers.every((a) => a.verdict === "ok")).to.equal(true);
    expect(steps).to.be.at.most(bound);
    // Each firewall forwarding back to the first: every path ends in a loop, found as fast.
    const looped = askAll({
      ...i,
      dnsHosts: i.dnsHosts.map((h, k) =>
        h.kind === "firewall" ? { ...h, forwardsTo: [ipOf(k % n), ipOf(0)] } : h,
      ),
    });
    expect(looped.answers.slice(1).every((a) => a.fault === ResolutionFaults.forwardingLoop)).to.equal(true);
    expect(looped.steps).to.be.at.most(looped.bound);
  });

  it("follows a 3,000-hop forwarding chain without overflowing the stack", () => {
    const n = 3000;
    const resolver: DnsHost = {
      key: "in",
      label: "'in'",
      kind: "resolverInbound",
      ip: "10.255.0.4",
      vnet: "hub",
    };
    const chain = Array.from({ length: n }, (_, i) => firewall(i, [i + 1 < n ? ipOf(i + 1) : "10.255.0.4"]));
    const i = input({
      vnets: [{ ...hub, dnsServers: [ipOf(0)] }],
      links: [{ key: "l", label: "link", zone: "z", vnet: "hub" }],
      dnsHosts: [resolver, ...chain],
    });
    const { answers, steps, bound } = askAll(i);
    expect(answers[0]).to.include({ verdict: "ok", zone: "z" });
    expect(answers[0].path).to.have.length(n + 2);
    expect(steps).to.be.at.most(bound);
  });
});
