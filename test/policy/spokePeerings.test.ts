/**
 * `peerings` in the pack's one model: the policy pack reads the VirtualNetworkPeering resources a set's peerings
 * create like any other, so a clients spoke peered with the workspace's spoke reaches it, and a spoke peered only
 * with the hub, or only with that clients spoke, does not: "Peerings are not transitive"
 * (virtual-network-manage-peering: "There is no peering between VirtualNetwork1 and VirtualNetwork3 through
 * VirtualNetwork2"). A finding on a peering a set made names `peerings.<key>`.
 */
import { expect } from "chai";
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { runOnMocks } from "../../plan/mockRun";
import { stackModel } from "../../plan/modelResources";
import { componentFix } from "../../policy/pack/componentArguments";
import { clientVnetReach } from "../../policy/rules/clientVnetReach";
import { CentralPrivateDns } from "../../sdk/dns/centralPrivateDns";
import { DnsModes } from "../../sdk/dns/dnsModes";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import type { EndpointSetLayoutArgs } from "../../sdk/endpoints/endpointSetArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";

interface Layout {
  /** The clients spoke has its own peering with the workspace spoke (beside the hub). */
  clientsPeeredWithWorkspace: boolean;
}

/**
 * A hub; the workspace in a spoke of its own (peered with the hub); a clients spoke peered with the hub and,
 * with `clientsPeeredWithWorkspace`, with the workspace spoke; an analysts spoke peered with the hub and the
 * clients spoke only. Every VNet links the zones (the hub by CentralPrivateDns), so only reach decides.
 */
function program(layout: Layout) {
  return () => {
    const location = "westeurope";
    const resourceGroupName = "rg-ml";
    const workspace = new SecuredWorkspace("ml", {
      resourceGroupName,
      location,
      workspaceName: "mlw-peered",
      imageBuildCompute: "cpu-cluster",
      protectStatefulResources: false,
    });
    const hub = new azure.network.VirtualNetwork("hub-vnet", {
      resourceGroupName,
      location,
      addressSpace: { addressPrefixes: ["10.0.0.0/16"] },
    });
    const [workspaceVnetId, setWorkspaceVnetId] = pulumi.deferredOutput<string>();
    const [clientsVnetId, setClientsVnetId] = pulumi.deferredOutput<string>();
    const dns = new CentralPrivateDns("dns", {
      resourceGroupName,
      location,
      virtualNetworkIds: { workspace: workspaceVnetId, hub: hub.id },
    });
    const spoke = (cidr: string, peerings: EndpointSetLayoutArgs["peerings"]): EndpointSetLayoutArgs => ({
      servicesSet: false,
      endpoints: [],
      addressSpace: [cidr],
      endpointSubnetPrefix: cidr.replace("0.0/16", "1.0/24"),
      hubVirtualNetworkId: hub.id,
      peerings,
      dnsMode: DnsModes.ExistingZones,
      existingZoneIds: dns.zoneIdsByName(),
      linkExistingZones: true,
    });
    const net = new WorkspaceNetwork("net", {
      ...workspace.endpointTargets(),
      sets: {
        workspace: {
          addressSpace: ["10.20.0.0/16"],
          endpointSubnetPrefix: "10.20.1.0/24",
          servicesSet: true,
          hubVirtualNetworkId: hub.id,
          dnsMode: DnsModes.ExistingZones,
          existingZoneIds: dns.zoneIdsByName(),
        },
        clients: spoke(
          "10.30.0.0/16",
          layout.clientsPeeredWithWorkspace
            ? { workspace: { remoteVirtualNetworkId: workspaceVnetId } }
            : undefined,
        ),
        analysts: spoke("10.40.0.0/16", { clients: { remoteVirtualNetworkId: clientsVnetId } }),
      },
    });
    setWorkspaceVnetId(net.endpointSet("workspace").virtualNetworkId);
    setClientsVnetId(net.endpointSet("clients").virtualNetworkId);
  };
}

/** The VNets client-vnet-reaches-workspace blocks, by name, with the route it gives for each. */
async function blocked(layout: Layout): Promise<Record<string, string>> {
  const run = await runOnMocks(program(layout), { preview: false });
  const found = clientVnetReach.check(stackModel(run.graph), {});
  return Object.fromEntries(found.map((v) => [run.graph.byUrn(v.urn)!.name, v.message]));
}

describe("peerings in the pack's model: spokes reach what they are peered with, nothing further", function () {
  this.timeout(60_000);

  it("lets the clients spoke peered with the workspace spoke reach it; blocks the analysts spoke peered with the hub and the clients spoke only", async () => {
    const found = await blocked({ clientsPeeredWithWorkspace: true });
    expect(Object.keys(found)).to.deep.equal(["net-analysts-vnet"]);
    expect(found["net-analysts-vnet"])
      .to.include(
        "in VNet 'net-workspace-vnet' (VNet 'net-analysts-vnet' and VNet 'net-workspace-vnet' are not peered)",
      )
      .and.include("WorkspaceNetwork 'net' → sets.analysts.peerings.<name>.remoteVirtualNetworkId");
  });

  it("blocks the clients spoke too without its own peering: the hub does not carry it to the workspace spoke", async () => {
    const found = await blocked({ clientsPeeredWithWorkspace: false });
    expect(Object.keys(found).sort()).to.deep.equal(["net-analysts-vnet", "net-clients-vnet"]);
    expect(found["net-clients-vnet"]).to.include(
      "VNet 'net-clients-vnet' and VNet 'net-workspace-vnet' are not peered",
    );
  });
});

describe("a finding on a peering a set made names the peering's argument", () => {
  const type = (c: string) => `azureml-network-isolation:index:${c}`;
  const maker = {
    type: type("PrivateEndpointSet"),
    name: "net-clients",
    parent: { type: type("WorkspaceNetwork"), name: "net" },
  };
  const on = (name?: string) =>
    componentFix("platform-network", {
      type: "azure-native:network:VirtualNetworkPeering",
      name,
      parent: maker,
    });

  it("peerings.<key> for either side of one of peerings, hubVirtualNetworkId for the hub's", () => {
    expect(on("net-clients-to-hub.neu")).to.equal(
      'WorkspaceNetwork "net" → sets.clients.addressSpace or sets.clients.peerings["hub.neu"]',
    );
    expect(on("net-clients-from-workspace")).to.equal(
      'WorkspaceNetwork "net" → sets.clients.addressSpace or sets.clients.peerings.workspace',
    );
    expect(on("net-clients-from-hub")).to.equal(
      'WorkspaceNetwork "net" → sets.clients.addressSpace or sets.clients.hubVirtualNetworkId',
    );
    // A name that is no side of the set's peerings, or not known (Analyze): the argument as written.
    expect(on(undefined)).to.equal(
      'WorkspaceNetwork "net" → sets.clients.addressSpace or sets.clients.peerings.<key>',
    );
  });
});
