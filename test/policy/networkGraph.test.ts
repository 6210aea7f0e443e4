/** The resolution and reachability core on plain graphs: each branch of connected, resolverOf and resolveTarget. */
import { expect } from "chai";
import { NetworkGraph, type DnsHost, type NetworkGraphInput } from "../../policy/model/networkGraph";
import {
  describePath,
  duplicateZoneLinks,
  resolverOf,
  resolveTarget,
  ResolutionFaults,
} from "../../policy/model/resolution";
import { unknown } from "../../policy/model/values";
import { peering, resolverInbound } from "./plainGraph";

const api = "privatelink.api.azureml.ms";

/** Hub and spoke: the workspace endpoint in the spoke, its zone linked to the hub, the spoke asking the hub's resolver. */
function hubSpoke(overrides: Partial<NetworkGraphInput> = {}): NetworkGraphInput {
  return {
    vnets: [
      { key: "hub", label: "hub-vnet", dnsServers: undefined },
      { key: "spoke", label: "spoke-vnet", dnsServers: ["10.0.4.4"] },
    ],
    peerings: [peering("hub", "spoke"), peering("spoke", "hub")],
    zones: [{ key: "zApi", label: api, name: api }],
    links: [{ key: "lHub", label: "link hub", zone: "zApi", vnet: "hub" }],
    records: [{ zone: "zApi", endpoint: "pe" }],
    endpoints: [{ key: "pe", label: "endpoint 'pe'", vnet: "spoke", targets: ["ws"], ips: ["10.1.0.5"] }],
    dnsHosts: [resolverInbound],
    rulesets: [],
    rulesetLinks: [],
    forwardingRules: [],
    labelOf: (key) => `workspace '${key}'`,
    ...overrides,
  };
}

const resolve = (input: NetworkGraphInput, vnet = "spoke") =>
  resolveTarget(new NetworkGraph(input), vnet, "ws", api);

describe("network graph: connected", () => {
  it("connects the same VNet, and two VNets peered both ways with access allowed", () => {
    const graph = new NetworkGraph(hubSpoke());
    expect(graph.connected("hub", "hub")).to.deep.equal({ verdict: "ok", route: "in the same VNet" });
    expect(graph.connected("spoke", "hub")).to.deep.equal({ verdict: "ok", route: "peered both ways" });
  });

  it("does not connect VNets not peered, peered one way, or with access disabled", () => {
    const none = new NetworkGraph(hubSpoke({ peerings: [] }));
    expect(none.connected("spoke", "hub")).to.deep.equal({
      verdict: "broken",
      route: "spoke-vnet and hub-vnet are not peered",
    });
    const oneWay = new NetworkGraph(hubSpoke({ peerings: [peering("hub", "spoke")] }));
    expect(oneWay.connected("spoke", "hub").route).to.equal(
      "peered one way only: hub-vnet peers with spoke-vnet, but spoke-vnet has no peering to hub-vnet",
    );
    const disabled = new NetworkGraph(
      hubSpoke({
        peerings: [peering("hub", "spoke", { allowVirtualNetworkAccess: false }), peering("spoke", "hub")],
      }),
    );
    expect(disabled.connected("spoke", "hub")).to.deep.equal({
      verdict: "broken",
      route: "peering hub->spoke sets allowVirtualNetworkAccess to false",
    });
  });

  it("is not transitive: two spokes of one hub do not reach each other", () => {
    const input = hubSpoke({
      vnets: [...hubSpoke().vnets, { key: "spoke2", label: "spoke2-vnet", dnsServers: undefined }],
      peerings: [...hubSpoke().peerings, peering("hub", "spoke2"), peering("spoke2", "hub")],
    });
    expect(new NetworkGraph(input).connected("spoke", "spoke2").verdict).to.equal("broken");
  });

  it("counts a peering to a VNet outside the graph, and leaves unknown access or remote unknown", () => {
    const external = new NetworkGraph(hubSpoke({ peerings: [peering("spoke", "arm:other-hub")] }));
    expect(external.connected("spoke", "arm:other-hub").verdict).to.equal("ok");
    const access = new NetworkGraph(
      hubSpoke({
        peerings: [peering("hub", "spoke"), peering("spoke", "hub", { allowVirtualNetworkAccess: unknown })],
      }),
    );
    expect(access.connected("spoke", "hub").verdict).to.equal("unknown");
    const remote = new NetworkGraph(
      hubSpoke({ peerings: [peering("hub", "spoke"), { ...peering("spoke", "hub"), to: unknown }] }),
    );
    expect(remote.connected("spoke", "hub").verdict).to.equal("unknown");
  });

  // ARM creates a peering with allowVirtualNetworkAccess true when the property is omitted (the portal's
  // "Allow access to remote virtual network" is checked by default), so an omitted value does not break it.
  it("connects a peering that omits allowVirtualNetworkAccess (Azure's default is true)", () => {
    const omitted = { ...peering("spoke", "hub"), allowVirtualNetworkAccess: undefined };
    const graph = new NetworkGraph(hubSpoke({ peerings: [peering("hub", "spoke"), omitted] }));
    expect(graph.connected("spoke", "hub").verdict).to.equal("ok");
  });

  it("takes a Disconnected peering as broken", () => {
    const graph = new NetworkGraph(
      hubSpoke({
        peerings: [{ ...peering("hub", "spoke"), state: "Disconnected" }, peering("spoke", "hub")],
      }),
    );
    expect(graph.connected("spoke", "hub").verdict).to.equal("broken");
  });
});

describe("network graph: resolution", () => {
  it("resolves an isolated VNet through its own Azure DNS", () => {
    const input = hubSpoke({
      vnets: [{ key: "spoke", label: "spoke-vnet", dnsServers: undefined }],
      peerings: [],
      links: [{ key: "l", label: "link", zone: "zApi", vnet: "spoke" }],
    });
    const r = resolve(input);
    expect(r).to.include({
      verdict: "ok",
      direct: true,
      endpoint: "pe",
      ip: "10.1.0.5",
      resolvingVnet: "spoke",
    });
    expect(describePath(r)).to.equal(
      `spoke-vnet resolves through Azure DNS; ${api} is linked to spoke-vnet; ${api} holds endpoint 'pe' (10.1.0.5) in spoke-vnet (in the same VNet)`,
    );
    const unlinked = resolve({ ...input, links: [] });
    expect(unlinked).to.include({ verdict: "broken", fault: ResolutionFaults.zoneNotLinked, direct: true });
  });

  it("resolves a spoke through the hub's resolver inbound endpoint, and names the path when the zone is not linked there", () => {
    const r = resolve(hubSpoke());
    expect(r).to.include({
      verdict: "ok",
      direct: false,
      resolvingVnet: "hub",
      zone: "zApi",
      endpoint: "pe",
    });
    const broken = resolve(hubSpoke({ links: [{ key: "l", label: "link", zone: "zApi", vnet: "spoke" }] }));
    expect(broken).to.include({ verdict: "broken", fault: ResolutionFaults.zoneNotLinked });
    expect(describePath(broken)).to.equal(
      `spoke-vnet resolves through 10.0.4.4 (resolver inbound endpoint 'inbound' in hub-vnet, peered both ways); ${api} is not linked to hub-vnet`,
    );
  });

  it("breaks when the resolver's VNet is not peered with the spoke", () => {
    const r = resolve(hubSpoke({ peerings: [] }));
    expect(r).to.include({ verdict: "broken", fault: ResolutionFaults.dnsHostUnreachable });
    expect(describePath(r)).to.contain("spoke-vnet and hub-vnet are not peered");
  });

  // A peering whose access is unknown at preview may yet block the query: the answer waits for the update.
  it("leaves resolution unknown when the resolver's VNet is reached through a peering unknown at preview", () => {
    const r = resolve(
      hubSpoke({
        peerings: [peering("hub", "spoke"), peering("spoke", "hub", { allowVirtualNetworkAccess: unknown })],
      }),
    );
    expect(r).to.include({ verdict: "unknown", fault: ResolutionFaults.dnsHostUnreachable });
  });

  it("follows a firewall only when its policy enables DNS proxy", () => {
    const firewall: DnsHost = {
      key: "fw",
      label: "'fw'",
      kind: "firewall",
      ip: "10.0.1.4",
      vnet: "hub",
      dnsProxy: true,
    };
    const vnets = [
      { key: "hub", label: "hub-vnet", dnsServers: undefined },
      { key: "spoke", label: "spoke-vnet", dnsServers: ["10.0.1.4"] },
    ];
    expect(resolve(hubSpoke({ vnets, dnsHosts: [firewall] })).verdict).to.equal("ok");
    const off = resolve(hubSpoke({ vnets, dnsHosts: [{ ...firewall, dnsProxy: false }] }));
    expect(off).to.include({ verdict: "broken", fault: ResolutionFaults.noDnsProxy });
    const preview = resolve(hubSpoke({ vnets, dnsHosts: [{ ...firewall, dnsProxy: unknown }] }));
    expect(preview.verdict).to.equal("unknown");
    const custom = resolve(
      hubSpoke({ vnets, dnsHosts: [{ ...firewall, forwardsTo: ["10.0.4.4"] }, resolverInbound] }),
    );
    expect(custom.verdict).to.equal("ok");
    expect(custom.path).to.have.length(4);
  });

  it("leaves a DNS server outside the stack, or unknown at preview, unknown", () => {
    const outside = resolve(
      hubSpoke({ vnets: [{ key: "spoke", label: "spoke-vnet", dnsServers: ["192.168.0.53"] }] }),
    );
    expect(outside).to.include({ verdict: "unknown", fault: ResolutionFaults.outsideStack });
    const preview = resolve(
      hubSpoke({ vnets: [{ key: "spoke", label: "spoke-vnet", dnsServers: unknown }] }),
    );
    expect(preview).to.include({ verdict: "unknown", fault: ResolutionFaults.dnsServersUnknown });
    const sourced = resolve(
      hubSpoke({
        vnets: [
          { key: "hub", label: "hub-vnet", dnsServers: undefined },
          { key: "spoke", label: "spoke-vnet", dnsServers: unknown, dnsServerSources: ["inbound"] },
        ],
        dnsHosts: [{ ...resolverInbound, ip: unknown }],
      }),
    );
    expect(sourced.verdict).to.equal("ok");
  });

  // The client asks the public name (ws…api.azureml.ms) first: the longest rule matching it wins, so a rule on
  // the private link name alone would lose to `ms.` (dns/private-resolver-endpoints-rulesets, "Rule processing").
  it("follows a forwarding ruleset linked to the spoke to the hub's inbound endpoint (longest domain wins)", () => {
    const input = hubSpoke({
      vnets: [
        { key: "hub", label: "hub-vnet", dnsServers: undefined },
        { key: "spoke", label: "spoke-vnet", dnsServers: undefined },
      ],
      rulesets: [{ key: "rs", label: "ruleset 'rs'", vnet: "hub" }],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
      forwardingRules: [
        { key: "r1", label: "rule 'all'", ruleset: "rs", domain: "ms.", targets: ["192.168.9.9"] },
        { key: "r2", label: "rule 'api'", ruleset: "rs", domain: "api.azureml.ms.", targets: ["10.0.4.4"] },
      ],
    });
    const r = resolve(input);
    expect(r).to.include({ verdict: "ok", resolvingVnet: "hub" });
    expect(describePath(r)).to.contain(
      "ruleset 'rs' linked to spoke-vnet forwards api.azureml.ms (rule 'api')",
    );
    const disabled = resolve({
      ...input,
      forwardingRules: input.forwardingRules.map((f) => (f.key === "r2" ? { ...f, enabled: false } : f)),
    });
    expect(disabled).to.include({ verdict: "unknown", fault: ResolutionFaults.outsideStack });
  });

  // "Vnets that are linked from a DNS forwarding ruleset will use the ruleset when performing name resolution,
  // whether or not the linked VNet peers with the ruleset VNet." (private-resolver-endpoints-rulesets): the
  // forwarded query leaves from the outbound endpoint's VNet, so the target need only be reached from there.
  it("sends a ruleset's query from the outbound endpoint's VNet, not from the linked VNet", () => {
    const r = resolve(
      hubSpoke({
        vnets: [
          { key: "hub", label: "hub-vnet", dnsServers: undefined },
          { key: "spoke", label: "spoke-vnet", dnsServers: undefined },
        ],
        peerings: [],
        rulesets: [{ key: "rs", label: "ruleset 'rs'", vnet: "hub" }],
        rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
        forwardingRules: [
          { key: "r", label: "rule 'api'", ruleset: "rs", domain: "api.azureml.ms.", targets: ["10.0.4.4"] },
        ],
      }),
    );
    expect(r).to.include({ verdict: "ok", resolvingVnet: "hub" });
  });

  // A zone whose name is unknown at preview may be a second zone of the same name, or a more specific one:
  // either would change the answer, so the known zone linked beside it does not settle resolution.
  it("leaves resolution unknown when a zone of unknown name is linked beside the known one", () => {
    const r = resolve(
      hubSpoke({
        zones: [...hubSpoke().zones, { key: "zOpen", label: "zone 'open'", name: unknown }],
        links: [...hubSpoke().links, { key: "lOpen", label: "link open", zone: "zOpen", vnet: "hub" }],
      }),
    );
    expect(r.verdict).to.equal("unknown");
  });

  // A link whose zone is unknown at preview may link the zone to its VNet, and to that VNet only: another VNet
  // with no link still fails.
  it("leaves only the VNet of a link whose zone is unknown at preview unsettled", () => {
    const input = hubSpoke({
      vnets: [
        { key: "spoke", label: "spoke-vnet", dnsServers: undefined },
        { key: "other", label: "other-vnet", dnsServers: undefined },
      ],
      peerings: [],
      links: [{ key: "lOpen", label: "link open", zone: unknown, vnet: "spoke" }],
    });
    expect(resolve(input, "spoke")).to.include({ verdict: "unknown", fault: ResolutionFaults.zoneNotLinked });
    expect(resolve(input, "other")).to.include({ verdict: "broken", fault: ResolutionFaults.zoneNotLinked });
  });

  // Of several endpoints of the target with records in the zone, the client can use one it reaches.
  it("takes the endpoint the asking VNet reaches when the zone holds records of two", () => {
    const r = resolve(
      hubSpoke({
        vnets: [...hubSpoke().vnets, { key: "far", label: "far-vnet", dnsServers: undefined }],
        records: [
          { zone: "zApi", endpoint: "pe" },
          { zone: "zApi", endpoint: "pe2" },
        ],
        endpoints: [
          ...hubSpoke().endpoints,
          { key: "pe2", label: "endpoint 'pe2'", vnet: "far", targets: ["ws"], ips: ["10.9.0.5"] },
        ],
      }),
    );
    expect(r).to.include({ verdict: "ok", endpoint: "pe" });
  });

  it("breaks when the record names an endpoint the asking VNet does not reach, or no record of the target", () => {
    const input = hubSpoke({
      vnets: [...hubSpoke().vnets, { key: "spoke2", label: "spoke2-vnet", dnsServers: ["10.0.4.4"] }],
      peerings: [...hubSpoke().peerings, peering("hub", "spoke2"), peering("spoke2", "hub")],
    });
    const r = resolve(input, "spoke2");
    expect(r).to.include({ verdict: "broken", fault: ResolutionFaults.endpointUnreachable, endpoint: "pe" });
    const none = resolve(hubSpoke({ records: [] }));
    expect(none).to.include({ verdict: "broken", fault: ResolutionFaults.noRecord });
    const open = resolve(hubSpoke({ records: [{ zone: "zApi", endpoint: unknown }] }));
    expect(open.verdict).to.equal("unknown");
  });

  it("finds two zones of one name linked to one VNet, and breaks resolution there", () => {
    const input = hubSpoke({
      zones: [...hubSpoke().zones, { key: "zApi2", label: `${api} (2)`, name: api }],
      links: [...hubSpoke().links, { key: "l2", label: "link 2", zone: "zApi2", vnet: "hub" }],
    });
    expect(duplicateZoneLinks(new NetworkGraph(input))).to.deep.equal([
      { vnet: "hub", name: api, zones: ["zApi", "zApi2"] },
    ]);
    expect(resolve(input)).to.include({ verdict: "broken", fault: ResolutionFaults.duplicateZones });
  });

  it("says where a VNet's queries go", () => {
    const graph = new NetworkGraph(hubSpoke());
    expect(resolverOf(graph, "spoke")).to.deep.include({ verdict: "ok", resolvingVnets: ["hub"] });
    expect(resolverOf(graph, "hub")).to.deep.include({ verdict: "ok", resolvingVnets: ["hub"] });
  });
});

describe("network graph: isIsolated", () => {
  /** The hub and the spoke with no peering, both on Azure-provided DNS. */
  const apart = (overrides: Partial<NetworkGraphInput> = {}) =>
    new NetworkGraph(
      hubSpoke({
        vnets: [
          { key: "hub", label: "hub-vnet", dnsServers: undefined },
          { key: "spoke", label: "spoke-vnet", dnsServers: [] },
        ],
        peerings: [],
        ...overrides,
      }),
    );

  it("a VNet with no peering either way, Azure-provided DNS and no ruleset is isolated", () => {
    expect(apart().isIsolated("spoke")).to.equal(true);
    expect(apart().isIsolated("hub")).to.equal(true);
  });

  it("a VNet another VNet peers with is not isolated, though it has no peering of its own", () => {
    const graph = apart({ peerings: [peering("hub", "spoke")] });
    expect(graph.isIsolated("spoke")).to.equal(false);
    expect(graph.isIsolated("hub")).to.equal(false);
  });

  it("custom DNS servers or a linked forwarding ruleset end isolation", () => {
    expect(
      apart({
        vnets: [
          { key: "hub", label: "hub-vnet", dnsServers: undefined },
          { key: "spoke", label: "spoke-vnet", dnsServers: ["10.0.4.4"] },
        ],
      }).isIsolated("spoke"),
    ).to.equal(false);
    const ruleset = apart({
      rulesets: [{ key: "rs", label: "ruleset 'rs'", vnet: "hub" }],
      rulesetLinks: [{ ruleset: "rs", vnet: "spoke" }],
    });
    expect(ruleset.isIsolated("spoke")).to.equal(false);
  });
});
