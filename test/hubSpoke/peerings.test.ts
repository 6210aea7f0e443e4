/**
 * Issue 26 item 3: a set's VNet peered with more than one VNet (`peerings`). Each entry peers like the hub, its
 * sides named from the set and the key; what Azure would refuse is refused at preview, before anything is
 * registered, naming the property, the value and the fix; a clients set reaches the services set's VNet only over
 * a peering of its own (peering is not transitive).
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { PrivateEndpointSet, type PrivateEndpointSetArgs } from "../../sdk/endpoints/privateEndpointSet";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { validateEndpointSets, type EndpointSetLayout } from "../../sdk/endpoints/validateEndpointSets";
import { runOnMocks } from "../../plan/mockRun";
import { existingWorkspace } from "../endpoints/fixtures";
import { refusalsBeforeRegistering as refused } from "./refusedBeforeRegistering";

const sub = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups";
const vnetId = (rg: string, name: string) =>
  `${sub}/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;
const hubId = vnetId("rg-hub", "hub-vnet");
const hub2Id = vnetId("rg-hub-neu", "hub-vnet-neu");
const clientsId = vnetId("rg-clients", "clients-vnet");
const spoke = { addressSpace: ["10.1.0.0/16"], endpointSubnetPrefix: "10.1.1.0/24" };
const asSpoke = { endpoints: [], servicesSet: false, dnsServers: ["10.0.4.4"] };

const set = (name: string, args: Partial<PrivateEndpointSetArgs>) =>
  new PrivateEndpointSet(name, { ...existingWorkspace, ...spoke, ...args } as PrivateEndpointSetArgs);

describe("peerings: a set's VNet peered with more than one VNet", () => {
  it("peers with the hub and each VNet of peerings, both sides named from the set and the key", async () => {
    const warnings: string[] = [];
    const warn = pulumi.log.warn;
    pulumi.log.warn = (message: string) => {
      warnings.push(message);
      return Promise.resolve();
    };
    const { graph } = await runOnMocks(() =>
      set("spoke", {
        ...asSpoke,
        hubVirtualNetworkId: hubId,
        hubAddressSpace: ["10.0.0.0/16"],
        peerings: {
          "hub.neu": { remoteVirtualNetworkId: hub2Id, remoteAddressSpace: ["10.100.0.0/16"] },
          clients: { remoteVirtualNetworkId: clientsId, peering: "ThisSideOnly" },
        },
      }),
    ).finally(() => (pulumi.log.warn = warn));
    const peerings = graph.ofType("azure-native:network:VirtualNetworkPeering");
    expect(peerings.map((p) => p.name)).to.deep.equal([
      "spoke-to-hub",
      "spoke-to-hub.neu",
      "spoke-to-clients",
      "spoke-from-hub",
      "spoke-from-hub.neu",
    ]);
    const from = graph.named("spoke-from-hub.neu");
    // The remote side lives in the remote VNet and points back at this set's VNet.
    expect(from.inputs).to.deep.include({
      resourceGroupName: "rg-hub-neu",
      virtualNetworkName: "hub-vnet-neu",
      allowVirtualNetworkAccess: true,
      allowForwardedTraffic: true,
    });
    expect((from.inputs.remoteVirtualNetwork as { id: string }).id).to.equal(
      graph.named("spoke-vnet").outputs.id,
    );
    expect(from.dependencies).to.include(graph.named("spoke-to-hub.neu").urn);
    expect((graph.named("spoke-to-clients").inputs.remoteVirtualNetwork as { id: string }).id).to.equal(
      clientsId,
    );
    // Both sides of a peering the set completes; one side of the other team's.
    expect(graph.named("spoke-from-hub.neu").outputs.peeringState).to.equal("Connected");
    expect(graph.named("spoke-to-clients").outputs.peeringState).to.equal("Initiated");
    expect(warnings).to.deep.equal([
      "peering spoke-to-clients is one side only (peerings.clients.peering ThisSideOnly): traffic flows once the remote's owner peers the remote VNet back to this VNet",
    ]);
  });

  it("names the hub moved into peerings.hub as hubVirtualNetworkId names it: the same peerings, no rename", async () => {
    const registered = async (args: Partial<PrivateEndpointSetArgs>) => {
      const { graph } = await runOnMocks(() => set("spoke", { ...asSpoke, ...args }));
      return graph
        .ofType("azure-native:network:VirtualNetworkPeering")
        .map((p) => ({ urn: p.urn, inputs: p.inputs }));
    };
    expect(await registered({ peerings: { hub: { remoteVirtualNetworkId: hubId } } })).to.deep.equal(
      await registered({ hubVirtualNetworkId: hubId }),
    );
  });

  // virtual-network-manage-peering: "The virtual networks you peer must have non-overlapping IP address spaces."
  // And between two VNets peered with one, ARM's VnetAddressSpaceOverlapsWithAlreadyPeeredVnet (Azure/ResourceModules
  // #731): "Virtual networks … cannot be peered because address space of the first virtual network overlaps with
  // address space of virtual network … already peered with the second virtual network."
  it("refuses a remote range overlapping this VNet's, or the hub's or another peered VNet's", async () => {
    const errors = await refused(() =>
      set("spoke", {
        ...asSpoke,
        hubVirtualNetworkId: hubId,
        hubAddressSpace: ["10.0.0.0/16"],
        peerings: {
          self: { remoteVirtualNetworkId: clientsId, remoteAddressSpace: ["10.1.128.0/17"] },
          neu: { remoteVirtualNetworkId: hub2Id, remoteAddressSpace: ["10.0.0.0/8"] },
        },
      }),
    );
    expect(errors).to.deep.equal([
      "peerings.self.remoteAddressSpace: 10.1.128.0/17: overlaps 10.1.0.0/16 of this set's VNet; Azure refuses to peer VNets whose address spaces overlap: give this set's VNet a range outside the remote VNet's",
      "peerings.neu.remoteAddressSpace: 10.0.0.0/8: overlaps 10.1.0.0/16 of this set's VNet; Azure refuses to peer VNets whose address spaces overlap: give this set's VNet a range outside the remote VNet's",
      "peerings.neu.remoteAddressSpace: 10.0.0.0/8: overlaps 10.0.0.0/16 of the hub VNet this set's VNet is also peered with (hubAddressSpace); Azure refuses to peer a VNet with a VNet whose range overlaps one already peered with it: give the two remote VNets distinct ranges, or peer with one of them",
    ]);
    // Two remotes of one set, each clear of the set's range but overlapping each other.
    const remotes = await refused(() =>
      set("spoke", {
        ...asSpoke,
        peerings: {
          weu: { remoteVirtualNetworkId: hubId, remoteAddressSpace: ["10.0.0.0/16"] },
          neu: { remoteVirtualNetworkId: hub2Id, remoteAddressSpace: ["10.0.128.0/24"] },
        },
      }),
    );
    expect(remotes).to.deep.equal([
      "peerings.neu.remoteAddressSpace: 10.0.128.0/24: overlaps 10.0.0.0/16 of the remote VNet this set's VNet is also peered with (peerings.weu.remoteAddressSpace); Azure refuses to peer a VNet with a VNet whose range overlaps one already peered with it: give the two remote VNets distinct ranges, or peer with one of them",
    ]);
  });

  // Two ids not known at plan time (outputs) may name two VNets: the duplicate check compares only ids it can read.
  it("accepts two peerings whose remote ids are outputs, and peers with both", async () => {
    const { graph } = await runOnMocks(
      () =>
        set("spoke", {
          ...asSpoke,
          peerings: {
            weu: { remoteVirtualNetworkId: pulumi.output(hubId) },
            neu: { remoteVirtualNetworkId: pulumi.output(hub2Id) },
          },
        }),
      { preview: true },
    );
    expect(graph.ofType("azure-native:network:VirtualNetworkPeering").map((p) => p.name)).to.include.members([
      "spoke-to-weu",
      "spoke-to-neu",
    ]);
  });

  it("refuses a peering to the set's own VNet, two to one VNet (ids compare case-insensitively), and the key hub beside a hub", async () => {
    const subnet = `${clientsId}/subnets/endpoints`;
    const errors = await refused(
      () =>
        new PrivateEndpointSet("spoke", {
          ...existingWorkspace,
          subnetId: subnet,
          endpoints: [],
          servicesSet: false,
          hubVirtualNetworkId: hubId,
          peerings: {
            own: { remoteVirtualNetworkId: clientsId.toUpperCase() },
            again: { remoteVirtualNetworkId: hubId.replace("hub-vnet", "HUB-VNET") },
            neu: { remoteVirtualNetworkId: hub2Id },
            neu2: { remoteVirtualNetworkId: hub2Id },
            hub: { remoteVirtualNetworkId: vnetId("rg-x", "x") },
          },
        }),
    );
    expect(errors.filter((e) => e.startsWith("peerings"))).to.deep.equal([
      "peerings.hub: hub: names the same peerings as hubVirtualNetworkId (spoke-to-hub, spoke-from-hub); give this peering another key, or leave the hub's arguments out and keep it here",
      `peerings.own.remoteVirtualNetworkId: ${clientsId.toUpperCase()}: is this set's own VNet; give the id of the VNet to peer with`,
      `peerings.again.remoteVirtualNetworkId: ${hubId.replace("hub-vnet", "HUB-VNET")}: names the same VNet as hubVirtualNetworkId (ARM ids compare case-insensitively); one peering joins two VNets: drop this entry`,
      `peerings.neu2.remoteVirtualNetworkId: ${hub2Id}: names the same VNet as peerings.neu.remoteVirtualNetworkId (ARM ids compare case-insensitively); one peering joins two VNets: drop this entry`,
    ]);
  });

  it("checks keys and entries like other arguments: path-segment safe keys, plain entries, a VNet's id", async () => {
    const errors = await refused(() =>
      set("spoke", {
        ...asSpoke,
        peerings: {
          "../x": { remoteVirtualNetworkId: hubId },
          neu: {
            remoteVirtualNetworkId: `${hub2Id}/subnets/a`,
            remoteAddressSpace: [pulumi.output("10.9.0.0/16")],
          },
          // An empty list gives no range to check the overlap against: refused, naming the property.
          clients: { remoteVirtualNetworkId: clientsId, remoteAddressSpace: [] },
        },
      }),
    );
    expect(errors).to.have.length(4);
    expect(errors[0]).to.match(/^peerings\["\.\.\/x"\]: "\.\.\/x" .*1 to 60 letters, digits/);
    expect(errors[1]).to.match(
      /^peerings\.neu\.remoteVirtualNetworkId: ".*\/subnets\/a" is the id of a Microsoft\.Network\/virtualNetworks\/subnets; give the id of a Microsoft\.Network\/virtualNetworks,/,
    );
    expect(errors[2]).to.equal(
      "peerings.neu.remoteAddressSpace: remoteAddressSpace is checked against addressSpace before anything is registered, so it must be plain values",
    );
    expect(errors[3]).to.match(/^peerings\.clients\.remoteAddressSpace: \[\] is empty; give at least 1 of /);
    // A peering names the VNet it peers with: an entry without it is refused, naming the property.
    const missing = await refused(() =>
      set("spoke", {
        ...asSpoke,
        peerings: { weu: {} as { remoteVirtualNetworkId: string } },
      }),
    );
    expect(missing).to.have.length(1);
    expect(missing[0]).to.match(
      /^peerings\.weu\.remoteVirtualNetworkId: is required; give the id of a Microsoft\.Network\/virtualNetworks/,
    );
    const deferred = await refused(() =>
      set("spoke", {
        ...asSpoke,
        peerings: pulumi.output({}) as unknown as PrivateEndpointSetArgs["peerings"],
      }),
    );
    expect(deferred).to.deep.equal([
      "peerings: peerings' keys decide which peerings exist, so it must be an object of plain entries, not an output",
    ]);
  });

  it("refuses, from the remote VNet's own address space, a peering to a VNet of the program overlapping this one", async () => {
    const program = (remoteRange: string) => () => {
      const remote = new WorkspaceNetwork("other", {
        ...existingWorkspace,
        sets: { a: { addressSpace: [remoteRange], endpointSubnetPrefix: remoteRange.replace("/16", "/24") } },
      }).endpointSet("a").virtualNetworkId;
      new WorkspaceNetwork("net", {
        ...existingWorkspace,
        sets: {
          spoke: {
            ...spoke,
            ...asSpoke,
            hubVirtualNetworkId: hubId,
            hubAddressSpace: ["10.0.0.0/16"],
            peerings: { other: { remoteVirtualNetworkId: remote } },
          },
        },
      });
    };
    let error: unknown;
    try {
      await runOnMocks(program("10.0.0.0/16"), { preview: true });
    } catch (e) {
      error = e;
    }
    expect(String(error)).to.contain(
      "sets.spoke.peerings.other.remoteVirtualNetworkId: the remote VNet's address space 10.0.0.0/16: overlaps 10.0.0.0/16 of the hub VNet this set's VNet is also peered with (hubAddressSpace)",
    );
    const { graph } = await runOnMocks(program("10.2.0.0/16"), { preview: true });
    expect(graph.ofType("azure-native:network:VirtualNetworkPeering").map((p) => p.name)).to.include.members([
      "net-spoke-to-other",
      "net-spoke-from-other",
    ]);
  });
});

describe("peerings: a clients set reaches the services set's VNet only over its own peering", () => {
  it("refuses a set peered only through peerings that writes central zones it neither links nor resolves through a DNS server", () => {
    const zoneId = (name: string) => `${sub}/rg-dns/providers/Microsoft.Network/privateDnsZones/${name}`;
    const layout: EndpointSetLayout = {
      name: "neu",
      ...spoke,
      usesExistingSubnet: false,
      endpoints: ["workspace"],
      servicesSet: false,
      dnsMode: "ExistingZones",
      existingZoneIds: Object.fromEntries(
        ["privatelink.api.azureml.ms", "privatelink.notebooks.azure.net"].map((z) => [z, zoneId(z)]),
      ),
      peerings: { weu: { remoteVirtualNetworkId: hubId, remoteAddressSpace: ["10.0.0.0/16"] } },
    };
    const [held] = validateEndpointSets([layout]).filter((p) => p.property === "dnsServers");
    expect(held.reason).to.include("the spoke's VNet could not resolve its own endpoints");
    expect(validateEndpointSets([{ ...layout, linkExistingZones: true }])).to.deep.equal([]);
  });

  const services: EndpointSetLayout = {
    name: "workspace",
    addressSpace: ["10.20.0.0/16"],
    endpointSubnetPrefix: "10.20.1.0/24",
    usesExistingSubnet: false,
    servicesSet: true,
  };
  const clients = (layout: Partial<EndpointSetLayout>): EndpointSetLayout => ({
    name: "clients",
    addressSpace: ["10.30.0.0/16"],
    endpointSubnetPrefix: "10.30.1.0/24",
    usesExistingSubnet: false,
    servicesSet: false,
    endpoints: [],
    dnsServers: ["10.0.4.4"],
    ...layout,
  });
  const endpointProblems = (layout: Partial<EndpointSetLayout>) =>
    validateEndpointSets([services, clients(layout)]).filter((p) => p.property === "endpoints");

  it("refuses a clients set peered with another VNet only, and accepts it peered with the services set's VNet", () => {
    const [unpeered] = endpointProblems({
      peerings: { hub: { remoteVirtualNetworkId: hubId, remoteAddressSpace: ["10.0.0.0/16"] } },
    });
    expect(unpeered.reason)
      .to.include(
        "in set workspace's VNet, which it cannot reach (set clients's VNet and set workspace's VNet are not peered)",
      )
      .and.include("peer this set's VNet with it directly (peerings.<name>.remoteVirtualNetworkId)");
    // By the remote's range, or an id not known at plan time (the services set's VNet, built in this program).
    expect(
      endpointProblems({
        peerings: { workspace: { remoteVirtualNetworkId: "", remoteAddressSpace: ["10.20.0.0/16"] } },
      }),
    ).to.deep.equal([]);
    expect(endpointProblems({ peerings: { workspace: { remoteVirtualNetworkId: "" } } })).to.deep.equal([]);
  });
});
