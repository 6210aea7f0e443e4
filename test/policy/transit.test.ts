/**
 * Spoke to spoke through a hub firewall or NVA (policy/model/transit.ts) on plain graphs: each branch of the
 * route match, the appliance, the peerings and their forwarded-traffic settings. Azure facts quoted:
 * - "A route pointing to the network address space where the private endpoints are deployed is created."
 *   (private-link/inspect-traffic-with-azure-firewall, Scenario 1)
 * - "Allow 'vnet-1' to receive forwarded traffic from the peered virtual network | This option isn't selected by
 *   default. Enabling this option allows 'vnet-1' to receive traffic from virtual networks peered to the peered
 *   virtual network." (virtual-network-manage-peering)
 */
import { expect } from "chai";
import {
  NetworkGraph,
  type DnsHost,
  type GraphPeering,
  type GraphRoute,
  type NetworkGraphInput,
} from "../../policy/model/networkGraph";
import { unknown } from "../../policy/model/values";
import { peering as plainPeering } from "./plainGraph";

/** A peering as plainGraph's, forwarding traffic unless said otherwise. */
const peering = (from: string, to: string, forwarded: boolean | typeof unknown | undefined = true) =>
  plainPeering(from, to, { allowForwardedTraffic: forwarded });

const firewall: DnsHost = {
  key: "fw",
  label: "Azure Firewall 'fw'",
  kind: "firewall",
  ip: "10.0.1.4",
  vnet: "hub",
};

function route(overrides: Partial<GraphRoute> = {}): GraphRoute {
  return {
    key: "r",
    label: "route 'to-endpoints'",
    subnet: "clients/snet",
    subnetLabel: "subnet 'snet'",
    vnet: "clients",
    addressPrefix: "10.2.0.0/16",
    nextHopType: "VirtualAppliance",
    nextHopIp: "10.0.1.4",
    ...overrides,
  };
}

/** A hub with a firewall, a clients spoke and an endpoints spoke, each peered both ways with the hub only. */
function scenario(overrides: Partial<NetworkGraphInput> = {}): NetworkGraphInput {
  return {
    vnets: [
      { key: "hub", label: "hub", addressPrefixes: ["10.0.0.0/16"], dnsServers: undefined },
      { key: "clients", label: "clients", addressPrefixes: ["10.1.0.0/16"], dnsServers: undefined },
      { key: "endpoints", label: "endpoints", addressPrefixes: ["10.2.0.0/16"], dnsServers: undefined },
    ],
    peerings: [
      peering("clients", "hub"),
      peering("hub", "clients"),
      peering("endpoints", "hub"),
      peering("hub", "endpoints"),
    ],
    zones: [],
    links: [],
    records: [],
    endpoints: [],
    dnsHosts: [firewall],
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    routes: [route()],
    ...overrides,
  };
}

const reach = (input: NetworkGraphInput) => new NetworkGraph(input).connected("clients", "endpoints");

describe("network graph: spoke to spoke through a hub appliance", () => {
  it("reaches the other spoke through the firewall its route names, and says so", () => {
    const found = reach(scenario());
    expect(found.verdict).to.equal("ok");
    expect(found.route).to.match(
      /^through Azure Firewall 'fw' in hub \(route 'to-endpoints' on subnet 'snet' sends 10\.2\.0\.0\/16/,
    );
    expect(found.through).to.deep.equal({
      from: "clients",
      to: "endpoints",
      appliance: "fw",
      hub: "hub",
      route: "r",
    });
  });

  it("without routes, spokes still don't reach each other", () => {
    expect(reach(scenario({ routes: [] }))).to.deep.equal({
      verdict: "broken",
      route: "clients and endpoints are not peered",
    });
  });

  it("takes the default route 0.0.0.0/0 when no longer prefix holds the destination", () => {
    expect(reach(scenario({ routes: [route({ addressPrefix: "0.0.0.0/0" })] })).verdict).to.equal("ok");
  });

  it("matches the longest prefix: a more specific route to the internet wins over the default route", () => {
    const found = reach(
      scenario({
        routes: [
          route({ addressPrefix: "0.0.0.0/0" }),
          route({
            key: "r2",
            label: "route 'direct'",
            addressPrefix: "10.2.0.0/17",
            nextHopType: "Internet",
          }),
        ],
      }),
    );
    expect(found.verdict).to.equal("broken");
    expect(found.route).to.include(
      "route 'direct' on subnet 'snet' sends 10.2.0.0/17 to Internet, not to a firewall or NVA",
    );
  });

  it("needs the whole destination range routed: a route to part of it leaves the rest unrouted", () => {
    expect(reach(scenario({ routes: [route({ addressPrefix: "10.2.0.0/17" })] })).route).to.equal(
      "clients and endpoints are not peered",
    );
  });

  it("matches each subnet's table on its own: a routed subnet is enough", () => {
    const found = reach(
      scenario({
        routes: [
          route({ subnet: "clients/other", nextHopType: "None", addressPrefix: "10.0.0.0/8" }),
          route(),
        ],
      }),
    );
    expect(found.verdict).to.equal("ok");
  });

  it("goes through an NVA: a NIC holding the next hop IP", () => {
    const nva: DnsHost = {
      key: "nic",
      label: "network interface 'nva'",
      kind: "vm",
      ip: "10.0.1.4",
      vnet: "hub",
    };
    const found = reach(scenario({ dnsHosts: [nva] }));
    expect(found.verdict).to.equal("ok");
    expect(found.route).to.match(/^through the NVA on network interface 'nva' in hub/);
  });

  it("at preview, finds the appliance the next hop IP is computed from", () => {
    const found = reach(
      scenario({
        dnsHosts: [{ ...firewall, ip: unknown }],
        routes: [route({ nextHopIp: unknown, nextHopSources: ["fw"] })],
      }),
    );
    expect(found.verdict).to.equal("ok");
  });

  it("cannot verify a next hop no appliance of the stack holds", () => {
    const found = reach(scenario({ dnsHosts: [] }));
    expect(found.verdict).to.equal("unknown");
    expect(found.route).to.include("10.0.1.4, which no firewall or NVA of the stack holds");
    expect(reach(scenario({ routes: [route({ nextHopIp: unknown })], dnsHosts: [] })).verdict).to.equal(
      "unknown",
    );
  });

  it("needs allowForwardedTraffic on the destination spoke's peering to the hub (off by default)", () => {
    const peerings = scenario().peerings.filter((p) => p.key !== "endpoints->hub");
    const byDefault: GraphPeering = { ...peering("endpoints", "hub"), allowForwardedTraffic: undefined };
    const found = reach(scenario({ peerings: [...peerings, byDefault] }));
    expect(found.verdict).to.equal("broken");
    expect(found.route).to.include(
      "peering endpoints->hub does not set allowForwardedTraffic, so endpoints drops the traffic Azure Firewall 'fw' forwards to it",
    );
  });

  it("needs it on the asking spoke's peering too, for the replies the firewall forwards back", () => {
    const peerings = scenario().peerings.filter((p) => p.key !== "clients->hub");
    const found = reach(scenario({ peerings: [...peerings, peering("clients", "hub", false)] }));
    expect(found.route).to.include("peering clients->hub does not set allowForwardedTraffic");
    const open = reach(scenario({ peerings: [...peerings, peering("clients", "hub", unknown)] }));
    expect(open.verdict).to.equal("unknown");
  });

  it("needs both spokes peered both ways with the appliance's hub", () => {
    const peerings = scenario().peerings.filter((p) => p.key !== "hub->endpoints");
    const found = reach(scenario({ peerings }));
    expect(found.verdict).to.equal("broken");
    expect(found.route).to.include("but peered one way only");
  });

  it("is no transit when the appliance sits in one of the two spokes", () => {
    const inSpoke = reach(scenario({ dnsHosts: [{ ...firewall, vnet: "endpoints" }] }));
    expect(inSpoke.route).to.equal("clients and endpoints are not peered");
  });

  it("leaves a route of unknown prefix or next hop type unknown at preview", () => {
    expect(reach(scenario({ routes: [route({ addressPrefix: unknown })] })).verdict).to.equal("unknown");
    expect(reach(scenario({ routes: [route({ nextHopType: unknown })] })).verdict).to.equal("unknown");
  });
});
