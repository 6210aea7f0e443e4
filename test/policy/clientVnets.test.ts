/**
 * Every client VNet judged by the pack (client-vnet-reaches-workspace): a VNet made for clients by a
 * WorkspaceNetwork (known from its URN's parent types), or in a raw program one peered with or resolving through
 * the VNets of a workspace's endpoints, must reach and resolve them; a VNet related to none is left alone.
 */
import { expect } from "chai";
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { hubSpokeOrganisationProgram } from "../../bench/hubSpokeOrganisationProgram";
import { workspaceName } from "../../bench/organisationProgram";
import { ClientVnets } from "../../policy/model/clientVnets";
import { vnetOrigins } from "../../policy/model/componentOrigin";
import { clientVnetReach } from "../../policy/rules/clientVnetReach";
import { resolutionUnverified } from "../../policy/rules/resolutionUnverified";
import { allGroupIds, targetOf } from "../analyzer/programs/endpointSet";
import { messagesOf } from "./check";
import { nameOf, ref, unknownString } from "./graph";
import { isolatedClients, network, peer, rg, tokens } from "./topologies";
import { location, workspaceWithDependencies } from "../analyzer/programs/workspaceWithDependencies";

const hubId =
  "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-hub/providers/Microsoft.Network/virtualNetworks/hub-vnet";

/** A component resource of the components' type, so children carry its type in their URNs. */
class Component extends pulumi.ComponentResource {
  constructor(type: string, name: string, opts?: pulumi.ComponentResourceOptions) {
    super(`azureml-network-isolation:index:${type}`, name, {}, opts);
  }
}

interface Layout {
  /** The VNets as a WorkspaceNetwork 'net' makes them (sets ml and clients), or raw. */
  components: boolean;
  /**
   * The clients VNet: peered with the hub only, asking a DNS VM in the ML VNet without peering, peered to by the
   * ML VNet only (no peering back), unrelated, or unpeered on Azure DNS with only the workspace's api zone (holding
   * the records of one of its two endpoints) linked.
   */
  clients: "hubPeered" | "dnsVmUnpeered" | "peeredFromMl" | "unrelated" | "apiZoneOnly";
  /** A VM's NIC in the clients VNet (a user's machine, not a DNS server of the stack). */
  clientVm?: boolean;
  /** A compute cluster of the workspace in the clients VNet's subnet. */
  clientCompute?: boolean;
  /** The private registry left without an endpoint (another rule's finding, not the client VNet's). */
  noRegistryEndpoint?: boolean;
}

function program(layout: Layout) {
  return () => {
    const targets = workspaceWithDependencies("none");
    const rg = new azure.resources.ResourceGroup("net-rg", { resourceGroupName: "rg-net" });
    const network = layout.components ? new Component("WorkspaceNetwork", "net") : undefined;
    const parentOf = (set: string) =>
      network ? { parent: new Component("PrivateEndpointSet", `net-${set}`, { parent: network }) } : {};
    const vnet = (set: string, cidr: string, dnsServers?: string[]) => {
      const opts = parentOf(set);
      const created = new azure.network.VirtualNetwork(
        `net-${set}-vnet`,
        {
          resourceGroupName: rg.name,
          location,
          addressSpace: { addressPrefixes: [cidr] },
          ...(dnsServers ? { dhcpOptions: { dnsServers } } : {}),
        },
        opts,
      );
      const subnet = new azure.network.Subnet(
        `net-${set}-snet`,
        {
          resourceGroupName: rg.name,
          virtualNetworkName: created.name,
          addressPrefix: cidr.replace("0.0/16", "1.0/24"),
        },
        opts,
      );
      if (layout.clients === "hubPeered" || set === "ml")
        new azure.network.VirtualNetworkPeering(
          `net-${set}-to-hub`,
          {
            resourceGroupName: rg.name,
            virtualNetworkName: created.name,
            remoteVirtualNetwork: { id: hubId },
            allowForwardedTraffic: true,
          },
          opts,
        );
      return { vnet: created, subnet, opts };
    };
    const ml = vnet("ml", "10.10.0.0/16", ["10.0.4.4"]);
    const groupIds = allGroupIds.filter((g) => !(layout.noRegistryEndpoint && g === "registry"));
    const endpoints = groupIds.map(
      (groupId) =>
        new azure.network.PrivateEndpoint(
          `net-ml-pe-${groupId}`,
          {
            resourceGroupName: rg.name,
            location,
            subnet: { id: ml.subnet.id },
            privateLinkServiceConnections: [
              { name: groupId, privateLinkServiceId: targets[targetOf[groupId]], groupIds: [groupId] },
            ],
          },
          ml.opts,
        ),
    );
    new azure.network.NetworkInterface("dns-vm-nic", {
      resourceGroupName: rg.name,
      location,
      ipConfigurations: [
        {
          name: "ip",
          subnet: { id: ml.subnet.id },
          privateIPAllocationMethod: "Static",
          privateIPAddress: "10.10.1.53",
        },
      ],
    });
    const clientsDns = {
      hubPeered: ["10.0.4.4"],
      dnsVmUnpeered: ["10.10.1.53"],
      peeredFromMl: undefined,
      unrelated: undefined,
      apiZoneOnly: undefined,
    };
    const clients = vnet("clients", "10.20.0.0/16", clientsDns[layout.clients]);
    if (layout.clients === "peeredFromMl")
      new azure.network.VirtualNetworkPeering("net-ml-to-clients", {
        resourceGroupName: rg.name,
        virtualNetworkName: ml.vnet.name,
        remoteVirtualNetwork: { id: clients.vnet.id },
      });
    if (layout.clients === "apiZoneOnly") {
      const zone = new azure.privatedns.PrivateZone("api-zone", {
        resourceGroupName: rg.name,
        location: "global",
        privateZoneName: "privatelink.api.azureml.ms",
      });
      new azure.privatedns.VirtualNetworkLink("api-zone-clients", {
        resourceGroupName: rg.name,
        privateZoneName: zone.name,
        location: "global",
        virtualNetwork: { id: clients.vnet.id },
        registrationEnabled: false,
      });
      // A second endpoint of the workspace, whose records no zone linked to the clients VNet holds.
      new azure.network.PrivateEndpoint("net-ml-pe-amlworkspace-2", {
        resourceGroupName: rg.name,
        location,
        subnet: { id: ml.subnet.id },
        privateLinkServiceConnections: [
          { name: "amlworkspace", privateLinkServiceId: targets.workspace, groupIds: ["amlworkspace"] },
        ],
      });
      new azure.network.PrivateDnsZoneGroup("net-ml-pe-amlworkspace-zones", {
        resourceGroupName: rg.name,
        privateEndpointName: endpoints[groupIds.indexOf("amlworkspace")].name,
        privateDnsZoneConfigs: [{ name: "api", privateDnsZoneId: zone.id }],
      });
    }
    if (layout.clientCompute)
      new azure.machinelearningservices.Compute("cpu-cluster", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw-private",
        location,
        properties: {
          computeType: "AmlCompute",
          properties: { enableNodePublicIp: false, subnet: { id: clients.subnet.id } },
        },
      });
    if (layout.clientVm)
      new azure.network.NetworkInterface("user-vm-nic", {
        resourceGroupName: rg.name,
        location,
        ipConfigurations: [
          { name: "ip", subnet: { id: clients.subnet.id }, privateIPAllocationMethod: "Dynamic" },
        ],
      });
  };
}

async function findings(layout: Layout): Promise<{ urn: string; message: string }[]> {
  const run = await runOnMocks(program(layout), { preview: false });
  return clientVnetReach.check(stackModel(run.graph), {});
}

describe("client-vnet-reaches-workspace: every client VNet judged", function () {
  this.timeout(60_000);

  it("blocks a clients set of a WorkspaceNetwork peered only with the hub, the endpoints in the ML set's VNet, and names the argument", async () => {
    const found = await findings({ components: true, clients: "hubPeered" });
    expect(found).to.have.length(1);
    expect(found[0].urn).to.match(
      /PrivateEndpointSet\$azure-native:network:VirtualNetwork::net-clients-vnet$/,
    );
    expect(found[0].message)
      .to.include("a client VNet of ML workspace 'mlw' (made for clients by WorkspaceNetwork 'net')")
      .and.include(
        "is in VNet 'net-ml-vnet', which it cannot reach (VNet 'net-clients-vnet' and VNet 'net-ml-vnet' are not peered)",
      )
      .and.include("set WorkspaceNetwork 'net' → sets.clients.hubVirtualNetworkId");
  });

  it("leaves the same VNets alone in a raw program, where nothing relates the clients VNet to the workspace", async () => {
    expect(await findings({ components: false, clients: "hubPeered" })).to.deep.equal([]);
  });

  it("blocks a raw clients VNet whose DNS server is in the workspace's VNet, with no peering", async () => {
    const found = await findings({ components: false, clients: "dnsVmUnpeered" });
    expect(found).to.have.length(1);
    expect(found[0].message)
      .to.include("(resolving its names through VNet 'net-ml-vnet')")
      // A workspace without a managed network: its clients use the key vault and registry directly too.
      .and.include(
        "cannot use amlworkspace (ML workspace 'mlw'), blob (storage account 'st'), file (storage account 'st'), vault (key vault 'kv'), registry (container registry 'acr')",
      )
      .and.include("VNet 'net-clients-vnet' and VNet 'net-ml-vnet' are not peered")
      .and.include("peer this VNet both ways with the VNet holding those endpoints");
    // Every name takes the one broken DNS path: it is said once.
    expect(found[0].message.split("are not peered")).to.have.length(2);
  });

  it("blocks a raw clients VNet that only the workspace's VNet peers with (a peering either way relates them)", async () => {
    const found = await findings({ components: false, clients: "peeredFromMl" });
    expect(found).to.have.length(1);
    expect(found[0].message)
      .to.include("(peered with VNet 'net-ml-vnet')")
      .and.include("privatelink.api.azureml.ms is not linked to VNet 'net-clients-vnet'");
  });

  // A VM's NIC makes a VNet a hub only when the VNet's clients ask it for DNS; a user's VM is what a client VNet
  // is for.
  // A private dependency with no endpoint at all is another rule's finding: no VNet can reach an endpoint that does
  // not exist, so the client VNet is not blamed for it.
  it("judges a client VNet on the dependencies that have a private endpoint only", async () => {
    const found = await findings({ components: false, clients: "peeredFromMl", noRegistryEndpoint: true });
    expect(found).to.have.length(1);
    expect(found[0].message)
      .to.include(
        "cannot use amlworkspace (ML workspace 'mlw'), blob (storage account 'st'), file (storage account 'st'), vault (key vault 'kv'):",
      )
      .and.not.include("registry (container registry 'acr')");
  });

  it("still judges a client VNet holding a VM", async () => {
    expect(await findings({ components: false, clients: "dnsVmUnpeered", clientVm: true })).to.have.length(1);
  });

  // "A VNet holding endpoints or computes is another rule's" (clientVnets.ts): compute-vnet judges a compute's
  // VNet; judging it here too would report the one fault twice.
  it("leaves a VNet holding a compute of the workspace to the compute rules", async () => {
    expect(
      await findings({ components: false, clients: "dnsVmUnpeered", clientCompute: true }),
    ).to.deep.equal([]);
  });

  // WorkspaceNetwork names its sets `<network>-<set>`: where two networks' names both prefix a set's, the set is the
  // longer one's ('net-a' → set clients), never the shorter's ('net' → set a-clients).
  it("names the argument of the WorkspaceNetwork with the longest name the set's name starts with", () => {
    const type = (name: string) => `azureml-network-isolation:index:${name}`;
    const urn = (types: string[], name: string) => `urn:pulumi:dev::p::${types.join("$")}::${name}`;
    const resource = (types: string[], name: string) => ({
      type: types[types.length - 1],
      urn: urn(types, name),
      name,
      props: {},
    });
    const inNetwork = [type("WorkspaceNetwork"), type("PrivateEndpointSet")];
    const vnet = urn([...inNetwork, "azure-native:network:VirtualNetwork"], "net-a-clients-vnet");
    const origins = vnetOrigins(
      [
        resource([type("WorkspaceNetwork")], "net"),
        resource([type("WorkspaceNetwork")], "net-a"),
        resource(inNetwork, "net-a-clients"),
      ],
      [vnet],
    );
    expect(origins.get(vnet)).to.deep.equal({
      argument: "WorkspaceNetwork 'net-a' → sets.clients.",
      network: "net-a",
    });
  });

  // One of the workspace's names answered through the VNet's links shows its users rely on the workspace: the
  // rest must resolve too.
  it("blocks a raw VNet resolving some, not all, of the workspace's endpoint names through its linked zones", async () => {
    const found = await findings({ components: false, clients: "apiZoneOnly" });
    expect(found).to.have.length(1);
    expect(found[0].message)
      .to.include("(resolving the names of the endpoints of ML workspace 'mlw')")
      .and.include("privatelink.blob.core.windows.net is not linked to VNet 'net-clients-vnet'");
  });

  it("leaves an unrelated VNet alone", async () => {
    expect(await findings({ components: false, clients: "unrelated" })).to.deep.equal([]);
  });

  it("says a client VNet's names were not verified when its DNS server is outside the stack (dns-resolution-unverified), naming platform-network", async () => {
    const unverified = async (components: boolean) => {
      const run = await runOnMocks(program({ components, clients: "hubPeered" }), { preview: false });
      return resolutionUnverified.check(stackModel(run.graph), {}).map((v) => ({
        vnet: run.graph.byUrn(v.urn)?.name,
        message: v.message,
      }));
    };
    const found = await unverified(true);
    expect(found.map((f) => f.vnet)).to.deep.equal(["net-ml-vnet", "net-clients-vnet"]);
    expect(found[1].message)
      .to.include(
        "VNet 'net-clients-vnet' is a client VNet of ML workspace 'mlw' (made for clients by WorkspaceNetwork 'net'), whose private link names the pack could not follow",
      )
      .and.include("10.0.4.4")
      .and.include("platform-network.hubs");
    // Raw, nothing relates the clients VNet to the workspace: it is left alone.
    expect((await unverified(false)).map((f) => f.vnet)).to.deep.equal(["net-ml-vnet"]);
  });
});

// An organisation's hub links the central zones, so every spoke resolving through its resolver is answered the
// names of every workspace; the clients spoke a WorkspaceNetwork made serves its own workspace only. Judging each
// clients spoke against every workspace was quadratic and, without routes between spokes, blocked them all.
describe("client VNets of an organisation sharing one hub's central zones", function () {
  this.timeout(60_000);

  it("judges each clients spoke against its own workspace only, at update when every record is known", async () => {
    const program = hubSpokeOrganisationProgram({ workspaces: 2, setsPerWorkspace: 2 });
    const model = stackModel((await runOnMocks(program, { preview: false })).graph);
    const names = [0, 1].map(workspaceName);
    // The precondition: the hub's api zone answers the spokes every workspace's name.
    const apiZone = [...model.network.zones.values()].find((z) => z.name === "privatelink.api.azureml.ms")!;
    const recorded = (model.network.recordsByZone.get(apiZone.key) ?? []).map((e) =>
      model.network.labelOf(e),
    );
    for (const name of names) expect(recorded.some((label) => label.includes(name))).to.equal(true);
    const clients = ClientVnets.of(model);
    expect(
      model.workspaces.map((w) => clients.of(w).map((c) => `${model.network.label(c.vnet)}: ${c.why}`)),
    ).to.deep.equal(
      names.map((name) => [
        `VNet '${name}-net-clients-vnet': made for clients by WorkspaceNetwork '${name}-net'`,
      ]),
    );
  });
});

/**
 * Microsoft's isolated-clients layout (the workspace's endpoints in the services VNet and again in the clients
 * VNet, each VNet with its own zones) plus a users VNet holding nothing, peered with the services VNet (both ways
 * unless `oneWay`) and linked to the services VNet's zones: a client VNet of the workspace.
 */
function withUsers(oneWay = false) {
  const t = isolatedClients("update");
  const users = network(t.graph, "users", "10.7");
  const pairs = oneWay
    ? [[t.services, users]]
    : [
        [t.services, users],
        [users, t.services],
      ];
  for (const [from, to] of pairs) peer(t.graph, from, to);
  for (const [name, zone] of t.zones)
    t.graph.add(tokens.link, `users-${name}-link`, {
      resourceGroupName: rg,
      privateZoneName: nameOf(zone),
      virtualNetworkLinkName: "link-users",
      location: "global",
      registrationEnabled: false,
      virtualNetwork: { id: ref(users.vnet) },
    });
  return t;
}

describe("client-vnet-reaches-workspace: what a client VNet must use", () => {
  it("accepts a users VNet reaching the services VNet's endpoints, though the clients VNet's copies are out of its reach", () => {
    expect(messagesOf(withUsers().graph.resources(), clientVnetReach)).to.deep.equal([]);
  });

  it("asks only for the names both layouts need while the managed-network mode is unknown at preview", () => {
    const t = withUsers(true);
    t.workspace.props.managedNetwork = { isolationMode: unknownString };
    const [found] = messagesOf(t.graph.resources(), clientVnetReach);
    expect(found)
      .to.include(
        "cannot use amlworkspace (ML workspace 'mlw'), blob (storage account 'st'), file (storage account 'st'):",
      )
      .and.not.include("vault (key vault 'kv')");
  });
});
