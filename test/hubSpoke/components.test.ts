/**
 * Issue 18: hub and spoke built by the components. CentralPrivateDns, endpoint sets as spokes (peering, DNS
 * servers, links to central zones, chosen endpoints), private subnets, tags and explicit names, each checked on
 * the graph the engine would receive from the fake Azure, and each refusal before anything is registered.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import {
  CentralPrivateDns,
  centralPrivateDnsProblems,
  centralZoneNames,
  type CentralPrivateDnsArgs,
} from "../../sdk/dns/centralPrivateDns";
import { DnsModes } from "../../sdk/dns/dnsModes";
import { PrivateEndpointSet, type PrivateEndpointSetArgs } from "../../sdk/endpoints/privateEndpointSet";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { PrivateCompute } from "../../sdk/compute/privateCompute";
import { instanceInPeeredVnetReason } from "../../policy/azure/computePlacement";
import { runOnMocks, type RecordedGraph } from "../../plan/mockRun";
import { existingWorkspace } from "../endpoints/fixtures";
import { contosoHub } from "./programs/platformSpoke";
import { refusalsBeforeRegistering, refusedBeforeRegistering as refused } from "./refusedBeforeRegistering";

const sub = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups";
const hubId = `${sub}/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet`;
const hubZone = (name: string) => `${sub}/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
const spoke = { addressSpace: ["10.1.0.0/16"], endpointSubnetPrefix: "10.1.1.0/24" };
const tags = { costCenter: "4711", owner: "ml-platform" };

/** The types the components create that take tags (Azure's tags property), and those that have none. */
const tagged = [
  "azure-native:network:VirtualNetwork",
  "azure-native:network:PrivateEndpoint",
  "azure-native:network:NatGateway",
  "azure-native:network:PublicIPAddress",
  "azure-native:network:RouteTable",
  "azure-native:privatedns:PrivateZone",
  "azure-native:privatedns:VirtualNetworkLink",
  "azure-native:resources:ResourceGroup",
  "azure-native:dnsresolver:DnsResolver",
  "azure-native:dnsresolver:InboundEndpoint",
  "azure-native:machinelearningservices:Compute",
];
const untagged = [
  "azure-native:network:Subnet",
  "azure-native:network:PrivateDnsZoneGroup",
  "azure-native:network:VirtualNetworkPeering",
  "azure-native:authorization:RoleAssignment",
];

function expectTagged(graph: RecordedGraph) {
  const custom = graph.resources.filter((r) => r.custom);
  for (const r of custom) {
    if (tagged.includes(r.type)) expect(r.inputs.tags, `${r.type} ${r.name}`).to.deep.equal(tags);
    else expect(untagged, `${r.type} ${r.name} is neither tagged nor known untagged`).to.include(r.type);
  }
}

const set = (name: string, args: Partial<PrivateEndpointSetArgs>) =>
  new PrivateEndpointSet(name, { ...existingWorkspace, ...spoke, ...args } as PrivateEndpointSetArgs);

describe("CentralPrivateDns", () => {
  it("creates every zone of the cloud in one group, links each to each VNet, and a resolver whose inbound IP the fake hands out", async () => {
    const { graph, outputs } = await runOnMocks(() => {
      const dns = new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "westeurope",
        storageGroupIds: ["dfs"],
        virtualNetworkIds: { hub: hubId },
        resolverVirtualNetworkId: hubId,
        inboundSubnetPrefix: "10.0.4.0/28",
        tags,
      });
      return { ip: dns.inboundEndpointIp, zones: dns.zoneIds };
    });
    const zones = graph.ofType("azure-native:privatedns:PrivateZone");
    expect(zones.map((z) => z.inputs.privateZoneName).sort()).to.deep.equal(
      [...centralZoneNames("AzureCloud", ["dfs"])].sort(),
    );
    expect(zones).to.have.length(7);
    expect(new Set(zones.map((z) => z.inputs.resourceGroupName))).to.deep.equal(new Set(["rg-dns"]));
    // Private DNS zones and their links are global resources, whatever the resolver's region.
    expect(new Set(zones.map((z) => z.inputs.location))).to.deep.equal(new Set(["global"]));
    const links = graph.ofType("azure-native:privatedns:VirtualNetworkLink");
    expect(links.map((l) => l.name).sort()).to.include("dns-link-hub-api");
    expect(links.every((l) => (l.inputs.virtualNetwork as { id: string }).id === hubId)).to.equal(true);
    expect(links).to.have.length(7);
    const subnet = graph.named("dns-inbound", "azure-native:network:Subnet");
    expect(subnet.inputs).to.deep.include({
      resourceGroupName: "rg-hub",
      virtualNetworkName: "hub-vnet",
      addressPrefix: "10.0.4.0/28",
      defaultOutboundAccess: false,
    });
    expect(subnet.inputs.delegations).to.deep.equal([
      { name: "dnsResolvers", serviceName: "Microsoft.Network/dnsResolvers" },
    ]);
    // No IP is given: Azure hands one out of the subnet (Dynamic), which dnsServers then names.
    const inbound = graph.named("dns-inbound", "azure-native:dnsresolver:InboundEndpoint");
    expect(inbound.inputs.ipConfigurations).to.deep.include({
      subnet: { id: subnet.outputs.id },
      privateIpAllocationMethod: "Dynamic",
    });
    // Azure keeps the first four addresses of a subnet: the endpoint gets the fifth.
    expect(outputs.ip).to.equal("10.0.4.4");
    expect((outputs.zones as Record<string, string>)["privatelink.api.azureml.ms"]).to.match(
      /\/resourceGroups\/rg-dns\/providers\/Microsoft.Network\/privateDnsZones\/privatelink.api.azureml.ms$/,
    );
    expectTagged(graph);
  });

  it("adopts existing zones by id (linked in their own group, not created) and uses the chosen cloud's names", async () => {
    const api = "privatelink.api.ml.azure.us";
    const { graph } = await runOnMocks(() => {
      new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "usgovvirginia",
        cloud: "AzureUSGovernment",
        existingZoneIds: { [api]: hubZone(api) },
        virtualNetworkIds: { hub: hubId },
      });
    });
    const names = graph.ofType("azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName);
    expect(names).to.not.include(api);
    expect(names).to.include("privatelink.notebooks.usgovcloudapi.net");
    expect(graph.named("dns-link-hub-api").inputs).to.deep.include({
      resourceGroupName: "rg-dns",
      privateZoneName: api,
    });
    expect(graph.ofType("azure-native:dnsresolver:DnsResolver")).to.deep.equal([]);
  });

  // DNS names are case-insensitive: a key written in capitals names the zone its id points to.
  it("adopts an existing zone whose key differs from its id's name only in case", async () => {
    const api = "privatelink.api.azureml.ms";
    const { graph } = await runOnMocks(() => {
      new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "westeurope",
        existingZoneIds: { [api.toUpperCase()]: hubZone(api) },
        virtualNetworkIds: { hub: hubId },
      });
    });
    const names = graph.ofType("azure-native:privatedns:PrivateZone").map((z) => z.inputs.privateZoneName);
    expect(names).to.include("privatelink.notebooks.azure.net").and.not.include(api);
  });

  it("refuses a zone of another cloud, an id of another zone and a resolver subnet Azure refuses, naming property, value and fix", async () => {
    const blob = "privatelink.blob.core.windows.net";
    const error = await refused(
      () =>
        new CentralPrivateDns("dns", {
          resourceGroupName: "rg-dns",
          location: "westeurope",
          existingZoneIds: {
            "privatelink.api.ml.azure.cn": hubZone("privatelink.api.ml.azure.cn"),
            [blob]: hubZone("privatelink.file.core.windows.net"),
          },
          resolverVirtualNetworkId: hubId,
          inboundSubnetPrefix: "10.0.4.0/29",
        }),
    );
    expect(error.errors.map((e) => `${e.propertyPath}: ${e.reason}`)).to.deep.equal([
      'existingZoneIds["privatelink.api.ml.azure.cn"]: "privatelink.api.ml.azure.cn" is a zone of AzureChinaCloud, not AzureCloud; give the AzureCloud zone (privatelink.api.azureml.ms, privatelink.notebooks.azure.net)',
      `existingZoneIds["${blob}"]: "${hubZone("privatelink.file.core.windows.net")}" is the id of zone privatelink.file.core.windows.net, not of ${blob}; give the id of the zone of that name`,
      'inboundSubnetPrefix: "10.0.4.0/29" is a /29; a resolver endpoint\'s subnet is a /28 to a /24',
    ]);
  });

  // The inbound endpoint takes one subnet: a new one of that prefix, or the given one, never a guess between two.
  it("refuses a resolver given both a new inbound subnet's prefix and an existing subnet's id, or neither", async () => {
    const resolverWith = (subnet: { inboundSubnetPrefix?: string; inboundSubnetId?: string }) =>
      refusalsBeforeRegistering(
        () =>
          new CentralPrivateDns("dns", {
            resourceGroupName: "rg-dns",
            location: "westeurope",
            resolverVirtualNetworkId: hubId,
            ...subnet,
          }),
      );
    const why =
      "inboundSubnetPrefix and inboundSubnetId given; give one: the inbound endpoint needs a subnet delegated to Microsoft.Network/dnsResolvers";
    expect(
      await resolverWith({ inboundSubnetPrefix: "10.0.4.0/28", inboundSubnetId: `${hubId}/subnets/inbound` }),
    ).to.deep.equal([`inboundSubnetPrefix: both ${why}`]);
    expect(await resolverWith({})).to.deep.equal([`inboundSubnetPrefix: neither ${why}`]);
  });

  // "A subnet must be a minimum of /28 address space or a maximum of /24 address space." (dns-private-resolver-overview)
  it("takes a resolver subnet of /24 to /28, refuses a /23, and names the subnet argument given without a resolver", () => {
    const base = { resourceGroupName: "rg-dns", location: "westeurope" };
    const problems = (args: Partial<CentralPrivateDnsArgs>) =>
      centralPrivateDnsProblems({ ...base, ...args }).map((p) => `${p.propertyPath}: ${p.reason}`);
    for (const prefix of ["10.0.4.0/24", "10.0.4.0/28"])
      expect(
        problems({ resolverVirtualNetworkId: hubId, inboundSubnetPrefix: prefix }),
        prefix,
      ).to.deep.equal([]);
    expect(problems({ resolverVirtualNetworkId: hubId, inboundSubnetPrefix: "10.0.4.0/23" })).to.deep.equal([
      'inboundSubnetPrefix: "10.0.4.0/23" is a /23; a resolver endpoint\'s subnet is a /28 to a /24',
    ]);
    const without = "only used with resolverVirtualNetworkId: give the VNet of the resolver";
    expect(problems({ inboundSubnetId: `${hubId}/subnets/inbound` })).to.deep.equal([
      `inboundSubnetId: ${without}`,
    ]);
    expect(problems({ inboundSubnetPrefix: "10.0.4.0/28" })).to.deep.equal([
      `inboundSubnetPrefix: ${without}`,
    ]);
  });

  it("refuses virtualNetworkIds given as one output (its keys name the links) and another cloud's regional zone", () => {
    const base = { resourceGroupName: "rg-dns", location: "westeurope" };
    expect(
      centralPrivateDnsProblems({
        ...base,
        virtualNetworkIds: pulumi.output({ hub: hubId }) as unknown as Record<string, string>,
      }).map((p) => p.propertyPath),
    ).to.deep.equal(["virtualNetworkIds"]);
    // Government's regional registry zone ("{regionName}.privatelink.azurecr.us") is not one of AzureCloud's.
    const gov = "usgovvirginia.privatelink.azurecr.us";
    expect(
      centralPrivateDnsProblems({ ...base, existingZoneIds: { [gov]: hubZone(gov) } }).map(
        (p) => p.propertyPath,
      ),
    ).to.deep.equal([`existingZoneIds["${gov}"]`]);
    expect(
      centralPrivateDnsProblems({
        ...base,
        location: "usgovvirginia",
        cloud: "AzureUSGovernment",
        existingZoneIds: { [gov]: hubZone(gov) },
      }),
    ).to.deep.equal([]);
  });
  // "every virtual network can have exactly one registration zone" (private-dns-virtual-network-links): the
  // central zones only answer names, so their links leave auto-registration off for the VNet's own zone.
  it("links the central zones with registrationEnabled false", async () => {
    const { graph } = await runOnMocks(() => {
      new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "westeurope",
        virtualNetworkIds: { hub: hubId },
      });
    });
    const links = graph.ofType("azure-native:privatedns:VirtualNetworkLink");
    expect(links).to.not.have.length(0);
    expect(new Set(links.map((l) => l.inputs.registrationEnabled))).to.deep.equal(new Set([false]));
  });

  // A link to a zone that does not exist yet fails: each created zone's links take its name from the zone.
  it("creates each link after its zone: the link's zone name comes from the created zone", async () => {
    const { graph } = await runOnMocks(() => {
      new CentralPrivateDns("dns", {
        resourceGroupName: "rg-dns",
        location: "westeurope",
        virtualNetworkIds: { hub: hubId },
      });
    });
    const zones = graph.ofType("azure-native:privatedns:PrivateZone");
    const links = graph.ofType("azure-native:privatedns:VirtualNetworkLink");
    expect(links).to.have.length(zones.length);
    for (const zone of zones) {
      const link = graph.named(
        zone.name.replace("-zone-", "-link-hub-"),
        "azure-native:privatedns:VirtualNetworkLink",
      );
      expect(link.propertyDependencies.privateZoneName, link.name).to.deep.equal([zone.urn]);
    }
  });
});

describe("endpoint sets as spokes", () => {
  it("peers a new VNet with the hub both ways, sets its DNS servers, and holds only the endpoints asked for", async () => {
    const { graph } = await runOnMocks(() => {
      set("spoke", {
        endpoints: ["workspace"],
        servicesSet: false,
        hubVirtualNetworkId: hubId,
        hubAddressSpace: ["10.0.0.0/16"],
        dnsMode: "ExistingZones",
        existingZoneIds: {
          "privatelink.api.azureml.ms": hubZone("privatelink.api.azureml.ms"),
          "privatelink.notebooks.azure.net": hubZone("privatelink.notebooks.azure.net"),
        },
        dnsServers: ["10.0.4.4"],
      });
    });
    const peerings = graph.ofType("azure-native:network:VirtualNetworkPeering");
    expect(peerings.map((p) => p.name)).to.deep.equal(["spoke-to-hub", "spoke-from-hub"]);
    const [to, from] = peerings;
    expect(to.inputs).to.deep.include({ resourceGroupName: "rg-ml", allowVirtualNetworkAccess: true });
    expect(to.inputs.remoteVirtualNetwork).to.deep.equal({ id: hubId });
    expect(from.inputs).to.deep.include({ resourceGroupName: "rg-hub", virtualNetworkName: "hub-vnet" });
    expect(from.inputs.remoteVirtualNetwork).to.deep.equal({ id: graph.named("spoke-vnet").id });
    // Created second, the hub's side finds the spoke's and both are Connected.
    expect(from.outputs.peeringState).to.equal("Connected");
    expect(graph.named("spoke-vnet").inputs.dhcpOptions).to.deep.equal({ dnsServers: ["10.0.4.4"] });
    expect(graph.ofType("azure-native:network:PrivateEndpoint").map((p) => p.name)).to.deep.equal([
      "spoke-pe-workspace-amlworkspace",
    ]);
    expect(graph.ofType("azure-native:privatedns:PrivateZone")).to.deep.equal([]);
  });

  // "Allow forwarded traffic: Check this box to allow traffic forwarded by a network virtual appliance in a
  // virtual network (that didn't originate from the virtual network) to flow to this virtual network through a
  // peering." (virtual-network-manage-peering): on both sides, so a hub firewall's routes can carry traffic.
  it("allows forwarded traffic on both sides of the hub peering", async () => {
    const { graph } = await runOnMocks(() => {
      set("spoke", { endpoints: [], hubVirtualNetworkId: hubId, dnsServers: ["10.0.4.4"] });
    });
    const peerings = graph.ofType("azure-native:network:VirtualNetworkPeering");
    expect(peerings.map((p) => p.inputs.allowForwardedTraffic)).to.deep.equal([true, true]);
  });

  it("refuses firewallPrivateIp without subnetOutbound Firewall, naming the property", async () => {
    const error = await refused(() =>
      set("spoke", { endpoints: [], hubVirtualNetworkId: hubId, firewallPrivateIp: "10.0.1.4" }),
    );
    expect(error.message)
      .to.include("firewallPrivateIp")
      .and.include("only used with subnetOutbound Firewall");
  });

  // ARM ids are case-insensitive: a platform zone's id written with another case is still that zone.
  it("accepts existingZoneIds naming platformHub's zones in another case", async () => {
    const upper = (name: string) =>
      contosoHub.privateDnsZoneIds!.find((id) => id.endsWith(`/${name}`))!.replace("/rg-dns/", "/RG-DNS/");
    const { graph } = await runOnMocks(() => {
      set("spoke", {
        endpoints: ["workspace"],
        platformHub: contosoHub,
        hubPeering: "ThisSideOnly",
        dnsMode: "ExistingZones",
        existingZoneIds: Object.fromEntries(
          ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"].map((z) => [z, upper(z)]),
        ),
      });
    });
    expect(graph.ofType("azure-native:network:PrivateEndpoint")).to.have.length(1);
  });

  it("refuses a DNS server in the hub's range that platformHub does not run, on dnsServers", async () => {
    const error = await refused(() =>
      set("spoke", {
        endpoints: ["workspace"],
        platformHub: contosoHub,
        hubPeering: "ThisSideOnly",
        dnsServers: ["10.0.9.9"],
      }),
    );
    expect(error.message)
      .to.match(/- dnsServers: /)
      .and.include("10.0.9.9");
  });

  it("creates only this side of the peering when the hub is another team's, and says the hub's side is missing", async () => {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    pulumi.log.warn = (message: string) => {
      warnings.push(message);
      return Promise.resolve();
    };
    const { graph } = await runOnMocks(() => {
      set("spoke", {
        endpoints: [],
        hubVirtualNetworkId: hubId,
        hubPeering: "ThisSideOnly",
        dnsServers: ["10.0.4.4"],
      });
    }).finally(() => (pulumi.log.warn = warn));
    const peerings = graph.ofType("azure-native:network:VirtualNetworkPeering");
    expect(peerings.map((p) => p.name)).to.deep.equal(["spoke-to-hub"]);
    expect(peerings[0].outputs.peeringState).to.equal("Initiated");
    expect(warnings).to.deep.equal([
      "peering spoke-to-hub is one side only (hubPeering ThisSideOnly): traffic flows once the hub's owner peers the hub VNet back to this VNet",
    ]);
  });

  // "records listed in Private DNS Zones are only returned to devices resolving domains using the default Azure DNS
  // Virtual Server IP address" (machine-learning/how-to-custom-dns): 168.63.129.16 answers from the VNet's own links.
  it("accepts 168.63.129.16 as the DNS server of a set with its own zones, and no other server", async () => {
    const { graph } = await runOnMocks(() => {
      set("spoke", { dnsServers: ["168.63.129.16"] });
    });
    expect(graph.named("spoke-vnet").inputs.dhcpOptions).to.deep.equal({ dnsServers: ["168.63.129.16"] });
    const error = await refused(() => set("spoke", { dnsServers: ["10.0.4.4", "168.63.129.16"] }));
    expect(error.message).to.contain("a VNet with DNS servers queries those servers, not its links");
  });

  it("links the set's VNet to existing central zones, in their resource group", async () => {
    const { graph } = await runOnMocks(() => {
      set("spoke", {
        dnsMode: "ExistingZones",
        linkExistingZones: true,
        existingZoneIds: Object.fromEntries(centralZoneNames("AzureCloud").map((z) => [z, hubZone(z)])),
      });
    });
    const links = graph.ofType("azure-native:privatedns:VirtualNetworkLink");
    expect(links.map((l) => l.name).sort()).to.deep.equal(
      ["api", "azurecr", "blob", "file", "notebooks", "vaultcore"].map((k) => `spoke-zonelink-${k}`),
    );
    for (const l of links) {
      expect(l.inputs.resourceGroupName).to.equal("rg-dns");
      expect((l.inputs.virtualNetwork as { id: string }).id).to.equal(graph.named("spoke-vnet").id);
      expect(l.inputs.registrationEnabled).to.equal(false);
    }
  });

  it("refuses, in WorkspaceNetwork's words, a spoke writing the central zones it neither links nor resolves through a DNS server", async () => {
    // README: "A spoke that could not resolve its own endpoints or reach what it leaves out ... is refused at preview".
    const central = Object.fromEntries(centralZoneNames("AzureCloud").map((z) => [z, hubZone(z)]));
    const clients = {
      ...spoke,
      servicesSet: false,
      hubVirtualNetworkId: hubId,
      dnsMode: DnsModes.ExistingZones,
    };
    const error = await refused(
      () =>
        new WorkspaceNetwork("net", {
          ...existingWorkspace,
          sets: { clients: { ...clients, existingZoneIds: central } },
        }),
    );
    expect(error.errors.map((e) => e.propertyPath)).to.deep.equal(["sets.clients.dnsServers"]);
    expect(error.errors[0].reason).to.contain("the spoke's VNet could not resolve its own endpoints (");
    expect(error.errors[0].reason).to.contain(
      "give dnsServers (the hub's resolver, CentralPrivateDns.inboundEndpointIp) or linkExistingZones: true",
    );
    // Either fix is accepted.
    for (const fix of [{ dnsServers: ["10.0.4.4"] }, { linkExistingZones: true }])
      await runOnMocks(
        () =>
          new WorkspaceNetwork("net", {
            ...existingWorkspace,
            sets: { clients: { ...clients, existingZoneIds: central, ...fix } },
          }),
      );
  });

  it("refuses, by the pack's resolution model, a spoke that could not reach the endpoints it omits", async () => {
    const error = await refused(() => set("spoke", { endpoints: ["workspace"] }));
    expect(error.errors).to.have.length(1);
    expect(error.errors[0].propertyPath).to.equal("endpoints");
    expect(error.errors[0].reason).to.contain(
      `["workspace"]: the VNet could not use the endpoints it omits (storage-blob: set spoke's VNet resolves through Azure DNS; privatelink.blob.core.windows.net is not linked to set spoke's VNet`,
    );
    // Links to the central zones but no peering: resolves, but the hub's endpoints are out of reach.
    const unpeered = await refused(() =>
      set("spoke", {
        endpoints: [],
        dnsMode: "ExistingZones",
        linkExistingZones: true,
        existingZoneIds: Object.fromEntries(centralZoneNames("AzureCloud").map((z) => [z, hubZone(z)])),
      }),
    );
    expect(unpeered.errors[0].reason).to.contain(
      "(set spoke's VNet and a VNet this set is not peered with are not peered)",
    );
  });

  // ARM ids and DNS names compare case-insensitively; hub arguments need a hub, DNS servers a VNet the set creates.
  it("refuses its own VNet as the hub in another case, hubPeering without a hub and dnsServers on an existing VNet; takes zone names in capitals", async () => {
    const own = `${sub}/rg-spoke/providers/Microsoft.Network/virtualNetworks/spoke-vnet`;
    const existing = (args: Partial<PrivateEndpointSetArgs>) =>
      refusalsBeforeRegistering(
        () =>
          new PrivateEndpointSet("x", {
            ...existingWorkspace,
            subnetId: `${own}/subnets/endpoints`,
            endpoints: [],
            servicesSet: false,
            ...args,
          } as PrivateEndpointSetArgs),
      );
    expect(
      await existing({ hubVirtualNetworkId: own.toUpperCase(), dnsServers: ["10.0.4.4"] }),
    ).to.deep.equal([
      `hubVirtualNetworkId: ${own.toUpperCase()}: is this set's own VNet; give the hub's`,
      'dnsServers: ["10.0.4.4"]: only for a VNet this set creates (addressSpace); an existing VNet\'s DNS servers are set by its owner',
    ]);
    expect(await refusalsBeforeRegistering(() => set("spoke", { hubPeering: "ThisSideOnly" }))).to.deep.equal(
      ["hubPeering: ThisSideOnly: only used with hubVirtualNetworkId: give the hub VNet's id"],
    );
    // A zone name in capitals names the zone its id points to, by its DNS name (lower case) in zoneIds.
    const { graph, outputs } = await runOnMocks(() => ({
      zoneIds: set("spoke", {
        dnsMode: "ExistingZones",
        hubVirtualNetworkId: hubId,
        dnsServers: ["10.0.4.4"],
        existingZoneIds: Object.fromEntries(
          centralZoneNames("AzureCloud").map((z) => [z.toUpperCase(), hubZone(z)]),
        ),
      }).zoneIds,
    }));
    expect(graph.ofType("azure-native:network:PrivateDnsZoneGroup")).to.not.have.length(0);
    expect(Object.keys(outputs.zoneIds as object).sort()).to.deep.equal(
      [...centralZoneNames("AzureCloud")].sort(),
    );
  });

  it("refuses a peering to an overlapping hub, DNS servers that are not IPv4 addresses, and a wrong central zone id", async () => {
    const error = await refused(() =>
      set("spoke", {
        endpoints: [],
        hubVirtualNetworkId: hubId,
        hubAddressSpace: ["10.1.0.0/24"],
        dnsServers: ["10.0.4.4", "dns.contoso.com"],
      }),
    );
    expect(error.errors.map((e) => `${e.propertyPath}: ${e.reason}`)).to.deep.equal([
      'dnsServers[1]: "dns.contoso.com" is not an IPv4 address; give an address such as 10.0.4.4 (a DNS Private Resolver inbound endpoint or a firewall\'s private IP)',
    ]);
    const overlap = await refused(() =>
      set("spoke", {
        endpoints: [],
        hubVirtualNetworkId: hubId,
        hubAddressSpace: ["10.1.0.0/24"],
        dnsServers: ["10.0.4.4"],
      }),
    );
    expect(overlap.message).to.contain(
      "hubAddressSpace: 10.1.0.0/24: overlaps 10.1.0.0/16 of this set's VNet; Azure refuses to peer VNets whose address spaces overlap",
    );
    const wrongZone = await refused(() =>
      set("spoke", {
        dnsMode: "ExistingZones",
        existingZoneIds: {
          ...Object.fromEntries(centralZoneNames("AzureCloud").map((z) => [z, hubZone(z)])),
          "privatelink.blob.core.windows.net": hubZone("privatelink.file.core.windows.net"),
        },
      }),
    );
    expect(wrongZone.message).to.contain(
      "is the id of zone privatelink.file.core.windows.net, not of privatelink.blob.core.windows.net",
    );
    // One spelling of a zone's argument path, as CentralPrivateDns spells it.
    expect(wrongZone.errors.map((e) => e.propertyPath)).to.deep.equal([
      'existingZoneIds["privatelink.blob.core.windows.net"]',
    ]);
  });

  it("refuses, without hubAddressSpace, a spoke overlapping a hub VNet built in the same program (its address space is known)", async () => {
    // virtual-network-manage-peering: "The address spaces of the virtual networks you peer must not overlap."
    const hubOf = (addressSpace: string, name = "hubnet") =>
      new WorkspaceNetwork(name, {
        ...existingWorkspace,
        sets: {
          hub: { addressSpace: [addressSpace], endpointSubnetPrefix: addressSpace.replace("/16", "/24") },
        },
      }).endpointSet("hub").virtualNetworkId;
    const spokeOf = { endpoints: [], servicesSet: false, dnsServers: ["10.0.4.4"] };
    let error: unknown;
    try {
      await runOnMocks(() => set("spoke", { ...spokeOf, hubVirtualNetworkId: hubOf("10.1.0.0/16") }), {
        preview: true,
      });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain(
      "hubVirtualNetworkId: the hub VNet's address space 10.1.0.0/16: overlaps 10.1.0.0/16 of this set's VNet; Azure refuses to peer VNets whose address spaces overlap",
    );
    // A hub VNet beside the spoke's range peers as before, and a plain id (another stack's hub) is not read.
    const { graph } = await runOnMocks(
      () => set("spoke", { ...spokeOf, hubVirtualNetworkId: hubOf("10.0.0.0/16") }),
      { preview: true },
    );
    expect(graph.ofType("azure-native:network:VirtualNetworkPeering").map((p) => p.name)).to.deep.equal([
      "spoke-to-hub",
      "spoke-from-hub",
    ]);
    // A spoke of no endpoints has no zones, and so no resource group for them (it would stay empty).
    expect(graph.ofType("azure-native:resources:ResourceGroup").map((g) => g.name)).to.deep.equal([
      "hubnet-hub-dns",
    ]);
    // An id computed from two VNets is not read: either one's address space would be a guess, so the first
    // (overlapping) one does not refuse the peering to the second.
    const { graph: chosen } = await runOnMocks(
      () => {
        const ids = pulumi.all([hubOf("10.1.0.0/16"), hubOf("10.0.0.0/16", "hubnet2")]);
        return set("spoke", { ...spokeOf, hubVirtualNetworkId: ids.apply(([, second]) => second) });
      },
      { preview: true },
    );
    expect(chosen.ofType("azure-native:network:VirtualNetworkPeering")).to.have.length(2);
  });

  it("lets the only set say servicesSet: false (the services VNet is outside the program)", async () => {
    const { graph, outputs } = await runOnMocks(() => {
      const net = new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: { clients: { ...spoke, servicesSet: false } },
      });
      return { services: net.servicesSubnetId };
    });
    expect(outputs.services).to.equal("");
    expect(graph.ofType("azure-native:network:PrivateEndpoint")).to.have.length(5);
  });
});

describe("private subnets", () => {
  it("makes a subnet of endpoints only private, and leaves the services subnet (computes) as existing stacks deployed it", async () => {
    const { graph } = await runOnMocks(() => {
      new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: {
          services: { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/27", servicesSet: true },
          clients: { addressSpace: ["10.2.0.0/24"], endpointSubnetPrefix: "10.2.0.0/27" },
        },
      });
    });
    expect(graph.named("net-clients-endpoints").inputs.defaultOutboundAccess).to.equal(false);
    expect(graph.named("net-services-endpoints").inputs).to.not.have.property("defaultOutboundAccess");
  });

  it("gives a compute subnet explicit egress: a NAT gateway with a static Standard IP, or a default route to a firewall", async () => {
    const { graph } = await runOnMocks(() => {
      set("nat", { subnetOutbound: "NatGateway", tags });
      set("fw", {
        ...{ addressSpace: ["10.2.0.0/16"], endpointSubnetPrefix: "10.2.1.0/24" },
        subnetOutbound: "Firewall",
        firewallPrivateIp: "10.0.3.4",
      });
    });
    const nat = graph.named("nat-nat");
    expect(graph.named("nat-endpoints").inputs).to.deep.include({
      defaultOutboundAccess: false,
      natGateway: { id: nat.id },
    });
    expect(nat.inputs.publicIpAddresses).to.deep.equal([{ id: graph.named("nat-nat-ip").id }]);
    expect(graph.named("nat-nat-ip").inputs).to.deep.include({
      sku: { name: "Standard" },
      publicIPAllocationMethod: "Static",
    });
    const routes = graph.named("fw-routes");
    expect(routes.inputs.routes).to.deep.equal([
      {
        name: "default-to-firewall",
        addressPrefix: "0.0.0.0/0",
        nextHopType: "VirtualAppliance",
        nextHopIpAddress: "10.0.3.4",
      },
    ]);
    expect(graph.named("fw-endpoints").inputs).to.deep.include({
      defaultOutboundAccess: false,
      routeTable: { id: routes.id },
    });
  });

  it("refuses a firewall egress without the firewall's IP, and egress on an existing subnet", async () => {
    const error = await refused(() => set("fw", { subnetOutbound: "Firewall" }));
    expect(error.message).to.contain("firewallPrivateIp: (not set): required with subnetOutbound Firewall");
    const existing = await refused(
      () =>
        new PrivateEndpointSet("x", {
          ...existingWorkspace,
          subnetId: `${hubId}/subnets/endpoints`,
          subnetOutbound: "NatGateway",
        }),
    );
    expect(existing.message).to.contain("subnetOutbound: NatGateway: only for a subnet this set creates");
  });
});

describe("tags and names", () => {
  it("tags every child that takes tags, and names children the same with or without tags", async () => {
    const run = (withTags: boolean) =>
      runOnMocks(() => {
        set("spoke", {
          subnetOutbound: "NatGateway",
          hubVirtualNetworkId: hubId,
          ...(withTags ? { tags } : {}),
        });
      });
    const tagged = await run(true);
    expectTagged(tagged.graph);
    const plain = await run(false);
    expect(plain.graph.resources.map((r) => r.urn)).to.deep.equal(tagged.graph.resources.map((r) => r.urn));
    // Without tags, no tags input: existing resources see no change.
    expect(plain.graph.resources.filter((r) => r.custom && "tags" in r.inputs)).to.deep.equal([]);
  });

  it("sets explicit Azure names only from azureNamePrefix; without it every name is the provider's auto-name (pulumi:autonaming)", async () => {
    const named = await runOnMocks(() => set("spoke", { azureNamePrefix: "contoso-ml-weu-spoke" }));
    expect(named.graph.named("spoke-vnet").inputs.virtualNetworkName).to.equal("contoso-ml-weu-spoke-vnet");
    expect(named.graph.named("spoke-endpoints").inputs.subnetName).to.equal("contoso-ml-weu-spoke-endpoints");
    expect(named.graph.named("spoke-pe-storage-blob").inputs).to.deep.include({
      privateEndpointName: "contoso-ml-weu-spoke-pe-storage-blob",
      customNetworkInterfaceName: "contoso-ml-weu-spoke-pe-storage-blob-nic",
    });
    expect(named.graph.named("spoke-pe-storage-blob").id).to.match(
      /privateEndpoints\/contoso-ml-weu-spoke-pe-storage-blob$/,
    );
    const auto = await runOnMocks(() => set("spoke", {}));
    const ownNames: Record<string, string[]> = {
      "azure-native:network:VirtualNetwork": ["virtualNetworkName"],
      "azure-native:network:Subnet": ["subnetName"],
      "azure-native:network:PrivateEndpoint": ["privateEndpointName", "customNetworkInterfaceName"],
    };
    for (const r of auto.graph.resources)
      for (const input of ownNames[r.type] ?? [])
        expect(r.inputs, `${r.name} ${input}`).to.not.have.property(input);
    expect(auto.graph.resources.map((r) => r.urn)).to.deep.equal(named.graph.resources.map((r) => r.urn));
  });

  it("refuses tags beyond Azure's limits and a name prefix giving names Azure refuses", async () => {
    const tooMany = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`t${i}`, "v"]));
    for (const [bad, reason] of [
      [tooMany, "tags: 51 entries are too many"],
      [{ ["k".repeat(513)]: "v" }, "is not a valid tag name; use 1 to 512 characters"],
      [{ "a?b": "v" }, 'tags["a?b"]: "a?b" is not a valid tag name'],
      [{ owner: "v".repeat(257) }, "tags.owner: 257 characters are too many"],
    ] as const) {
      const error = await refused(() => set("spoke", { tags: bad as Record<string, string> }));
      expect(error.message).to.contain(reason);
    }
    const long = await refused(() => set("spoke", { azureNamePrefix: "x".repeat(40) }));
    expect(long.message).to.contain("which is not valid: 2 to 64 letters");
    const bad = await refused(() => set("spoke", { azureNamePrefix: "ml/prod" }));
    expect(bad.errors[0].propertyPath).to.equal("azureNamePrefix");
  });

  // Every network name the set gives is checked by the one network-name rule (at most 64 characters); the endpoints'
  // "-nic" names are the longest: a prefix leaving room for the endpoint names but not for them is refused.
  it("checks azureNamePrefix against the endpoints' NIC names, the longest it gives", async () => {
    const short = await runOnMocks(() => set("spoke", { azureNamePrefix: "pp" }));
    const longestSuffix = Math.max(
      ...short.graph
        .ofType("azure-native:network:PrivateEndpoint")
        .map((e) => String(e.inputs.privateEndpointName).length - 2),
    );
    const prefix = "x".repeat(64 - longestSuffix - 2);
    const error = await refused(() => set("spoke", { azureNamePrefix: prefix }));
    expect(error.message).to.contain('-nic", which is not valid');
  });

  it("refuses a compute instance in a peered spoke, in the words the pack shares; a cluster is fine", async () => {
    const compute = {
      workspaceName: "mlw1",
      resourceGroupName: "rg-ml",
      workspaceLocation: "westeurope",
      subnetId: `${hubId}/subnets/compute`,
      vmSize: "Standard_DS3_v2",
      peeredSpoke: true,
    };
    const error = await refused(() => new PrivateCompute("ci", { ...compute, kind: "Instance" }));
    expect(error.errors).to.deep.equal([
      { propertyPath: "peeredSpoke", reason: `true: ${instanceInPeeredVnetReason}` },
    ]);
    const { graph } = await runOnMocks(() => new PrivateCompute("cc", { ...compute, kind: "Cluster", tags }));
    expectTagged(graph);
  });
});
