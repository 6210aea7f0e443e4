/**
 * Issue 25 §1 on the components: a set's `platformHub` (the hub another team runs, described as the
 * `platform-network` policy describes it) stands for the loose hub arguments, and the set is refused at preview,
 * before anything is registered, when its names would not resolve through that hub: a DNS server the hub does
 * not run, a zone the hub lacks, loose arguments that disagree with it.
 */
import { expect } from "chai";
import { PrivateEndpointSet, type PrivateEndpointSetArgs } from "../../sdk/endpoints/privateEndpointSet";
import { runOnMocks } from "../../plan/mockRun";
import type { PlatformHub } from "../../sdk";
import { existingWorkspace } from "../endpoints/fixtures";
import { layoutOf } from "../../sdk/endpoints/endpointSetArgs";
import { validateEndpointSet } from "../../sdk/endpoints/validateEndpointSets";
import { privateEndpointSetArgSchema } from "../../sdk/endpoints/privateEndpointSet";
import { schemaProblems } from "../../sdk/validation/argSchema";
import { contosoHub } from "./programs/platformSpoke";
import { refusalsBeforeRegistering as refused } from "./refusedBeforeRegistering";

const spoke = { addressSpace: ["10.1.0.0/16"], endpointSubnetPrefix: "10.1.1.0/24" };

const set = (args: Partial<PrivateEndpointSetArgs>) =>
  new PrivateEndpointSet("spoke", { ...existingWorkspace, ...spoke, ...args } as PrivateEndpointSetArgs);

const lacking = (name: string): PlatformHub => ({
  ...contosoHub,
  privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).filter((id) => !id.endsWith(`/${name}`)),
});

describe("platformHub: one argument for the hub the platform runs", function () {
  this.timeout(30_000);

  it("peers this side with the hub, names its DNS servers and writes into its zones", async () => {
    const { graph } = await runOnMocks(() => set({ platformHub: contosoHub }), { preview: true });
    const peerings = graph.resources.filter((r) => r.type === "azure-native:network:VirtualNetworkPeering");
    expect(peerings.map((p) => p.inputs.remoteVirtualNetwork)).to.deep.equal([
      { id: contosoHub.virtualNetworkId },
    ]);
    const vnet = graph.resources.find((r) => r.type === "azure-native:network:VirtualNetwork");
    expect(vnet?.inputs.dhcpOptions).to.deep.equal({ dnsServers: ["10.0.4.4"] });
    const zones = graph.resources
      .filter((r) => r.type === "azure-native:network:PrivateDnsZoneGroup")
      .flatMap((g) =>
        (g.inputs.privateDnsZoneConfigs as { privateDnsZoneId: string }[]).map((c) => c.privateDnsZoneId),
      );
    expect(zones.length).to.be.greaterThan(0);
    expect(zones.every((id) => (contosoHub.privateDnsZoneIds ?? []).includes(id))).to.equal(true);
    expect(graph.resources.filter((r) => r.type === "azure-native:privatedns:PrivateZone")).to.deep.equal([]);
  });

  it("refuses a DNS server in the hub's range that the hub does not run, with the path", async () => {
    const errors = await refused(() => set({ platformHub: contosoHub, dnsServers: ["10.0.4.5"] }));
    expect(errors).to.have.length(1);
    expect(errors[0])
      .to.match(
        /^dnsServers: \["10\.0\.4\.5"\]: the VNet could not resolve its own endpoints through the platform's hub 'contoso-hub-weu'/,
      )
      .and.include(
        "set spoke's VNet resolves through 10.0.4.5, which is in the address space of hub VNet 'vnet-hub-weu' (described by the platform as hub 'contoso-hub-weu') but is none of the DNS servers the platform runs there",
      )
      .and.include("name a DNS server the hub runs (platformHub.dnsServers)");
  });

  it("refuses a hub lacking a zone the endpoints need, with the path", async () => {
    const errors = await refused(() => set({ platformHub: lacking("privatelink.notebooks.azure.net") }));
    expect(errors).to.have.length(1);
    expect(errors[0])
      .to.match(
        /^platformHub\.privateDnsZoneIds: \["\/subscriptions\/[^"]+\/privateDnsZones\/privatelink\.api\.azureml\.ms",/,
      )
      .and.include("privatelink.notebooks.azure.net is not linked to hub VNet 'vnet-hub-weu'")
      .and.include("have the platform team link a zone of that name and list it");
  });

  it("refuses loose arguments that disagree with it, and a server outside its range", async () => {
    const other = contosoHub.virtualNetworkId.replace("vnet-hub-weu", "vnet-other");
    const errors = await refused(() =>
      set({
        platformHub: { ...contosoHub, firewalls: [{ ip: "10.9.2.4" }] },
        hubVirtualNetworkId: other,
        hubAddressSpace: ["10.0.0.0/17"],
        existingZoneIds: {
          "privatelink.api.azureml.ms": other.replace(
            /virtualNetworks\/.*/,
            "privateDnsZones/privatelink.api.azureml.ms",
          ),
        },
      }),
    );
    expect(errors).to.include.members([
      "platformHub.firewalls[0].ip: 10.9.2.4: is outside the hub's addressSpace (10.0.0.0/16): give the IP it holds in the hub VNet",
      `hubVirtualNetworkId: ${other}: is not platformHub's VNet (${contosoHub.virtualNetworkId}); leave hubVirtualNetworkId out, platformHub gives it`,
      `hubAddressSpace: ["10.0.0.0/17"]: is not platformHub's address space (10.0.0.0/16); leave hubAddressSpace out, platformHub gives it`,
      `existingZoneIds: ${other.replace(/virtualNetworks\/.*/, "privateDnsZones/privatelink.api.azureml.ms")}: is not one of platformHub's zones (privateDnsZoneIds): the hub answers from its own zones, so records written here are not found; leave existingZoneIds out to write into the hub's`,
    ]);
  });

  // virtual-network-peering-overview: "The virtual networks that are peered should have non-overlapping IP address
  // spaces." The platform's description gives the hub's range, so no loose hubAddressSpace is needed to check it.
  it("gives its addressSpace as hubAddressSpace: a spoke overlapping the hub's range is refused, naming platformHub.addressSpace", async () => {
    const errors = await refused(() =>
      set({
        platformHub: contosoHub,
        addressSpace: ["10.0.128.0/17"],
        endpointSubnetPrefix: "10.0.129.0/24",
      }),
    );
    expect(errors).to.deep.equal([
      "platformHub.addressSpace: 10.0.0.0/16: overlaps 10.0.128.0/17 of this set's VNet; Azure refuses to peer VNets whose address spaces overlap: give the spoke a range outside the hub's",
    ]);
  });

  it("names every DNS server the hub runs on the VNet the set creates", async () => {
    const twoServers: PlatformHub = {
      ...contosoHub,
      dnsServers: [
        { ip: "10.0.4.4", kind: "resolverInbound" },
        { ip: "10.0.4.5", kind: "resolverInbound" },
      ],
    };
    const { graph } = await runOnMocks(() => set({ platformHub: twoServers }), { preview: true });
    const vnet = graph.resources.find((r) => r.type === "azure-native:network:VirtualNetwork");
    expect(vnet?.inputs.dhcpOptions).to.deep.equal({ dnsServers: ["10.0.4.4", "10.0.4.5"] });
  });

  // ARM ids compare case-insensitively, and an address space is a set of ranges: loose arguments that say the
  // same as the description in another case or order agree with it.
  it("accepts loose arguments and zone ids that agree with it in another case or order", async () => {
    // DNS names compare case-insensitively too: zone ids naming the zones in capitals name the same zones.
    const twoRanges: PlatformHub = {
      ...contosoHub,
      addressSpace: ["10.0.0.0/16", "10.3.0.0/16"],
      privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).map((id) =>
        id.replace(/[^/]+$/, (zone) => zone.toUpperCase()),
      ),
    };
    const { graph } = await runOnMocks(
      () =>
        set({
          platformHub: twoRanges,
          hubVirtualNetworkId: contosoHub.virtualNetworkId.toUpperCase(),
          hubAddressSpace: ["10.3.0.0/16", "10.0.0.0/16"],
        }),
      { preview: true },
    );
    expect(
      graph.resources.filter((r) => r.type === "azure-native:network:VirtualNetworkPeering"),
    ).to.have.length(1);
  });

  it("refuses a description without a range, a DNS server without its IP, and a forwardsTo that is not an IP", async () => {
    const first = async (hub: PlatformHub) => (await refused(() => set({ platformHub: hub })))[0];
    expect(await first({ ...contosoHub, addressSpace: [] })).to.equal(
      "platformHub.addressSpace: [] is empty; give at least 1 of an IPv4 CIDR such as 10.1.0.0/24",
    );
    expect(
      await first({
        ...contosoHub,
        dnsServers: [{ kind: "resolverInbound" } as unknown as { ip: string; kind: "resolverInbound" }],
      }),
    ).to.equal("platformHub.dnsServers[0].ip: is required; give an IPv4 address such as 10.0.4.4");
    expect(
      await first({
        ...contosoHub,
        dnsServers: [{ ip: "10.0.4.4", kind: "forwarder", forwardsTo: ["dns.contoso.com"] }],
      }),
    ).to.match(/^platformHub\.dnsServers\[0\]\.forwardsTo\[0\]: /);
  });

  it("refuses a malformed description by the schema, naming the field", async () => {
    const errors = await refused(() =>
      set({
        platformHub: {
          ...contosoHub,
          dnsServers: [{ ip: "10.0.4.4", kind: "resolver" as "resolverInbound" }],
        },
      }),
    );
    expect(errors).to.have.length(1);
    expect(errors[0]).to.match(/^platformHub\.dnsServers\[0\]\.kind: /);
  });

  it("names platformHub.virtualNetworkId, the argument the hub came from, when a peering names the hub again", () => {
    const layout = layoutOf("spoke", {
      ...spoke,
      platformHub: contosoHub,
      peerings: { again: { remoteVirtualNetworkId: contosoHub.virtualNetworkId.toUpperCase() } },
    });
    expect(validateEndpointSet(layout).map((p) => `${p.property}: ${p.reason}`)).to.deep.equal([
      "peerings.again.remoteVirtualNetworkId: names the same VNet as platformHub.virtualNetworkId (ARM ids compare case-insensitively); one peering joins two VNets: drop this entry",
    ]);
  });

  // The refusal of a zone the hub lacks suggests "give this set dnsMode OwnZones": with its own zones the set
  // takes neither the hub's zone ids nor its DNS servers (which would bypass the links of its own zones).
  it("stands for the hub's zones only with dnsMode ExistingZones, and for its DNS servers except with OwnZones", () => {
    const layout = (dnsMode?: "OwnZones" | "None" | "ExistingZones") =>
      layoutOf("spoke", { ...spoke, platformHub: contosoHub, dnsMode });
    const own = layout("OwnZones");
    expect([own.dnsServers, own.existingZoneIds, validateEndpointSet(own)]).to.deep.equal([
      undefined,
      undefined,
      [],
    ]);
    const custom = layout("None");
    expect([custom.dnsServers, custom.existingZoneIds, validateEndpointSet(custom)]).to.deep.equal([
      ["10.0.4.4"],
      undefined,
      [],
    ]);
    const central = layout();
    expect(central.dnsMode).to.equal("ExistingZones");
    expect(Object.values(central.existingZoneIds ?? {})).to.deep.equal(contosoHub.privateDnsZoneIds);
    // The description's zone ids are keyed by their zone's name, trimmed as the schema takes them.
    const padded = {
      ...contosoHub,
      privateDnsZoneIds: (contosoHub.privateDnsZoneIds ?? []).map((id) => ` ${id} `),
    };
    expect(validateEndpointSet(layoutOf("spoke", { ...spoke, platformHub: padded }))).to.deep.equal([]);
  });

  it("refuses a hub without its VNet's id, a DNS server without its kind, a firewall without its IP and a VNet's id as a zone id", () => {
    const hub = {
      ...contosoHub,
      virtualNetworkId: undefined,
      dnsServers: [{ ip: "10.0.4.4" }],
      firewalls: [{}],
      privateDnsZoneIds: [contosoHub.virtualNetworkId],
    };
    const found = schemaProblems(privateEndpointSetArgSchema, {
      ...existingWorkspace,
      ...spoke,
      platformHub: hub,
    });
    expect(found.map((p) => `${p.propertyPath}: ${p.reason}`)).to.deep.equal([
      "platformHub.virtualNetworkId: is required; give the id of a Microsoft.Network/virtualNetworks",
      "platformHub.dnsServers[0].kind: is required; give one of resolverInbound, firewallProxy, forwarder",
      "platformHub.firewalls[0].ip: is required; give an IPv4 address such as 10.0.4.4",
      `platformHub.privateDnsZoneIds[0]: ${JSON.stringify(contosoHub.virtualNetworkId)} is the id of a Microsoft.Network/virtualNetworks; give the id of a Microsoft.Network/privateDnsZones, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.Network/privateDnsZones/<name>`,
    ]);
  });
});
