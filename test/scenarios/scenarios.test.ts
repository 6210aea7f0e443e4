/**
 * The documented multi-VNet scenarios over the full resource graph of a SecuredWorkspace and its
 * endpoint sets, each at update and at preview.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as datafactory from "@pulumi/azure-native/datafactory";
import * as network from "@pulumi/azure-native/network";
import * as resources from "@pulumi/azure-native/resources";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import type { EndpointSetLayoutArgs } from "../../sdk/endpoints/endpointSetArgs";
import { AttachedAksCompute } from "../../sdk/compute/attachedAksCompute";
import { PrivateCompute } from "../../sdk/compute/privateCompute";
import { DataFactoryManagedEndpoints } from "../../sdk/managedVnet/dataFactoryManagedEndpoints";
import { synapseManagedVnetProblem } from "../../sdk/managedVnet/synapseSupport";
import { armIdKey } from "../../policy/azure/armId";
import {
  type MockRun,
  type RecordedGraph,
  type RecordedResource,
  runOnMocks,
} from "../../stacks/plan/mockRun";
import {
  allPublicZones,
  endpointFacts,
  expectNoSharedRecords,
  linksByVnet,
  publicZonesByGroupId,
  types,
  zonesByGroupId,
} from "./graphFacts";

const setToken = "azureml-network-isolation:index:PrivateEndpointSet";
const networkToken = "azureml-network-isolation:index:WorkspaceNetwork";
const layouts: Record<string, EndpointSetLayoutArgs> = {
  services: { addressSpace: ["10.1.0.0/24"], endpointSubnetPrefix: "10.1.0.0/26", servicesSet: true },
  clients: { addressSpace: ["10.2.0.0/24"], endpointSubnetPrefix: "10.2.0.0/27" },
  aks: { addressSpace: ["10.3.0.0/16"], endpointSubnetPrefix: "10.3.0.0/27" },
};

/** A workspace and the endpoint sets named, plus whatever `extra` adds. */
function scenario(
  setNames: string[],
  extra: (ws: SecuredWorkspace, net: WorkspaceNetwork) => void = () => {},
) {
  return () => {
    const ws = new SecuredWorkspace("mlw", {
      resourceGroupName: "rg-ml",
      location: "westeurope",
      imageBuildCompute: "cpu-cluster",
    });
    const net = new WorkspaceNetwork("net", {
      workspaceId: ws.workspaceId,
      storageAccountId: ws.storageAccountId,
      keyVaultId: ws.keyVaultId,
      containerRegistryId: ws.containerRegistryId,
      workspacePrincipalId: ws.principalId,
      location: "westeurope",
      cloud: ws.cloud,
      resourceGroupName: "rg-ml",
      sets: Object.fromEntries(setNames.map((s) => [s, layouts[s]])),
    });
    extra(ws, net);
  };
}

/** The resource an endpoint targets (by id at update, by property dependency at preview). */
function targetOf(graph: RecordedGraph, target: string): RecordedResource | undefined {
  return graph.resources.find((r) => r.urn === target || (r.id !== undefined && armIdKey(r.id) === target));
}

const dependencyTypes: Record<string, string> = {
  amlworkspace: "azure-native:resources:Resource",
  blob: "azure-native:storage:StorageAccount",
  file: "azure-native:storage:StorageAccount",
  vault: "azure-native:keyvault:Vault",
  registry: "azure-native:containerregistry:Registry",
};

/** What every scenario asserts about its endpoint sets. */
function expectCompleteSets(run: MockRun, setNames: string[]) {
  const { graph } = run;
  const net = graph.ofType(networkToken)[0];
  const sets = graph.ofType(setToken);
  expect(sets.map((s) => s.name).sort()).to.deep.equal(setNames.map((s) => `net-${s}`).sort());
  const facts = endpointFacts(graph);
  const links = linksByVnet(graph);
  for (const set of sets) {
    expect(set.parent).to.equal(net.urn);
    const children = graph.childrenOf(set.urn);
    expect(children.filter((c) => c.type === types.endpoint)).to.have.length(5);
    // Every endpoint of the set writes to exactly the zones of its group id, through one zone group.
    expect(zonesByGroupId(facts, set.urn)).to.deep.equal(publicZonesByGroupId);
    for (const fact of facts.filter((f) => f.resource.parent === set.urn)) {
      expect(fact.zoneGroups).to.equal(1);
      expect(targetOf(graph, fact.target)?.type, fact.resource.name).to.equal(dependencyTypes[fact.groupId]);
      for (const zone of fact.zones) expect(graph.byUrn(zone.identity)?.parent).to.equal(set.urn);
    }
    const vnet = children.find((c) => c.type === types.vnet)!;
    expect(links.get(vnet.urn)).to.deep.equal(allPublicZones);
    expect(graph.childrenOf(set.urn).filter((c) => c.type === types.roleAssignment)).to.have.length(2);
  }
  // Each VNet links only its own zones: as many zone instances as links, each linked once.
  expect(graph.ofType(types.zone)).to.have.length(6 * setNames.length);
  expect([...links.values()].flat()).to.have.length(6 * setNames.length);
  expectNoSharedRecords(facts);
  return facts;
}

for (const preview of [false, true]) {
  const mode = preview ? "preview" : "up";
  describe(`documented scenarios (${mode})`, () => {
    it("1. single VNet: the services set alone", async () => {
      const run = await runOnMocks(scenario(["services"]), { preview });
      const facts = expectCompleteSets(run, ["services"]);
      expect(facts.map((f) => f.groupId).sort()).to.deep.equal([
        "amlworkspace",
        "blob",
        "file",
        "registry",
        "vault",
      ]);
    });

    it("2. isolated clients: services and clients VNets, each with a complete set and its own zones", async () => {
      const run = await runOnMocks(scenario(["services", "clients"]), { preview });
      const facts = expectCompleteSets(run, ["services", "clients"]);
      // Both sets connect to the same workspace, through different zone instances.
      const ws = facts.filter((f) => f.groupId === "amlworkspace");
      expect(ws).to.have.length(2);
      expect(ws[0].target).to.equal(ws[1].target);
      expect(ws[0].zones.map((z) => z.identity)).to.not.include.members(ws[1].zones.map((z) => z.identity));
      const groups = run.graph.ofType(types.resourceGroup).filter((g) => g.name.endsWith("-dns"));
      expect(groups.map((g) => g.name).sort()).to.deep.equal(["net-clients-dns", "net-services-dns"]);
    });

    it("3. isolated AKS: a cluster in its own VNet with a complete set, attached in the workspace's region", async () => {
      const run = await runOnMocks(
        scenario(["services", "aks"], (ws, net) => {
          const aksSubnet = new network.Subnet("aks-nodes", {
            resourceGroupName: "rg-ml",
            virtualNetworkName: net.sets.aks.virtualNetworkName,
            addressPrefix: "10.3.4.0/22",
          });
          const cluster = new containerservice.ManagedCluster("aks", {
            resourceGroupName: "rg-ml",
            location: "westeurope",
            dnsPrefix: "aks",
            identity: { type: "SystemAssigned" },
            agentPoolProfiles: [
              {
                name: "system",
                mode: "System",
                count: 3,
                vmSize: "Standard_D4s_v5",
                vnetSubnetID: aksSubnet.id,
              },
            ],
          });
          new AttachedAksCompute("aks-attach", {
            workspaceName: ws.workspaceName,
            resourceGroupName: ws.resourceGroupName,
            workspaceLocation: "westeurope",
            clusterId: cluster.id,
            clusterLocation: "westeurope",
          });
        }),
        { preview },
      );
      expectCompleteSets(run, ["services", "aks"]);
      const { graph } = run;
      const aksVnet = graph.named("net-aks-vnet");
      expect(graph.named("aks-nodes").propertyDependencies.virtualNetworkName).to.deep.equal([aksVnet.urn]);
      const compute = graph.named("aks-attach-compute");
      expect(compute.parent).to.equal(graph.named("aks-attach").urn);
      expect(compute.propertyDependencies.properties).to.include(graph.named("aks").urn);
      expect(compute.propertyDependencies.workspaceName).to.have.length(1);
      expect(
        (compute.inputs.properties as { computeType: string; disableLocalAuth: boolean }).computeType,
      ).to.equal("AKS");
      expect(compute.inputs.location).to.equal("westeurope");
    });

    it("4. Data Factory managed VNet: managed private endpoints to the workspace and its dependencies", async () => {
      const run = await runOnMocks(
        scenario(["services"], (ws) => {
          const factory = new datafactory.Factory("adf", {
            resourceGroupName: "rg-ml",
            location: "westeurope",
            publicNetworkAccess: "Disabled",
          });
          // azure-native v3 has no ManagedVirtualNetwork resource: the factory's managed VNet is a generic ARM resource.
          const vnet = new resources.Resource("adf-vnet", {
            resourceGroupName: "rg-ml",
            resourceProviderNamespace: "Microsoft.DataFactory",
            parentResourcePath: pulumi.interpolate`factories/${factory.name}`,
            resourceType: "managedVirtualNetworks",
            resourceName: "default",
            apiVersion: "2018-06-01",
            properties: {},
          });
          new DataFactoryManagedEndpoints("adf-ml", {
            factoryName: factory.name,
            factoryResourceGroupName: "rg-ml",
            managedVirtualNetworkName: vnet.name,
            workspaceId: ws.workspaceId,
            storageAccountId: ws.storageAccountId,
            keyVaultId: ws.keyVaultId,
            containerRegistryId: ws.containerRegistryId,
          });
        }),
        { preview },
      );
      expectCompleteSets(run, ["services"]);
      const { graph } = run;
      const mpes = graph.ofType("azure-native:datafactory:ManagedPrivateEndpoint");
      expect(mpes.every((m) => m.parent === graph.named("adf-ml").urn)).to.equal(true);
      const groups = mpes.map((m) => (m.inputs.properties as { groupId: string }).groupId).sort();
      expect(groups).to.deep.equal(["amlworkspace", "blob", "file", "registry", "vault"]);
      for (const m of mpes) {
        const groupId = (m.inputs.properties as { groupId: string }).groupId;
        const target = preview
          ? graph.byUrn(m.propertyDependencies.properties[0])
          : targetOf(
              graph,
              armIdKey(
                String((m.inputs.properties as { privateLinkResourceId: string }).privateLinkResourceId),
              ),
            );
        expect(target?.type, m.name).to.equal(dependencyTypes[groupId]);
        expect(m.propertyDependencies.managedVirtualNetworkName).to.deep.equal([graph.named("adf-vnet").urn]);
      }
    });

    it("5. compute cluster and instance in the services subnet, workspace region, no public IP, no local auth", async () => {
      const run = await runOnMocks(
        scenario(["services", "clients"], (ws, net) => {
          for (const kind of ["Cluster", "Instance"] as const) {
            new PrivateCompute(`cpu-${kind.toLowerCase()}`, {
              kind,
              workspaceName: ws.workspaceName,
              resourceGroupName: ws.resourceGroupName,
              workspaceLocation: "westeurope",
              subnetId: net.servicesSubnetId,
              vmSize: "Standard_DS3_v2",
            });
          }
        }),
        { preview },
      );
      expectCompleteSets(run, ["services", "clients"]);
      const { graph } = run;
      for (const [name, type] of [
        ["cpu-cluster-compute", "AmlCompute"],
        ["cpu-instance-compute", "ComputeInstance"],
      ]) {
        const compute = graph.named(name);
        const props = compute.inputs.properties as {
          computeType: string;
          disableLocalAuth: boolean;
          computeLocation: string;
          properties: { enableNodePublicIp: boolean };
        };
        expect([
          props.computeType,
          props.disableLocalAuth,
          props.properties.enableNodePublicIp,
        ]).to.deep.equal([type, true, false]);
        expect(compute.inputs.location).to.equal("westeurope");
        expect(compute.propertyDependencies.properties).to.include(graph.named("net-services-endpoints").urn);
        expect(compute.propertyDependencies.properties).to.not.include(
          graph.named("net-clients-endpoints").urn,
        );
      }
    });
  });
}

describe("documented scenarios: refusals", () => {
  it("3. refuses an AKS cluster outside the workspace's region", async () => {
    await runOnMocks(() => {
      expect(
        () =>
          new AttachedAksCompute("aks-attach", {
            workspaceName: "mlw1",
            resourceGroupName: "rg-ml",
            workspaceLocation: "westeurope",
            clusterId:
              "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerService/managedClusters/aks",
            clusterLocation: "North Europe",
          }),
      )
        .to.throw(pulumi.InputPropertyError)
        .with.property("reason")
        .that.matches(/North Europe is not the workspace's region westeurope/);
    });
  });

  it("4. refuses a Synapse workspace with data exfiltration protection, and one without a managed VNet", () => {
    expect(
      synapseManagedVnetProblem({
        managedVirtualNetwork: "default",
        managedVirtualNetworkSettings: { preventDataExfiltration: true },
      }),
    ).to.match(/data exfiltration protection is not supported/);
    expect(synapseManagedVnetProblem({})).to.match(/no managed VNet/);
    expect(synapseManagedVnetProblem({ managedVirtualNetwork: "default" })).to.equal(undefined);
  });

  it("5. refuses compute in another region", async () => {
    await runOnMocks(() => {
      expect(
        () =>
          new PrivateCompute("cpu", {
            kind: "Cluster",
            workspaceName: "mlw1",
            resourceGroupName: "rg-ml",
            workspaceLocation: "westeurope",
            location: "eastus",
            subnetId:
              "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/s",
            vmSize: "Standard_DS3_v2",
          }),
      )
        .to.throw(pulumi.InputPropertyError)
        .with.property("reason")
        .that.matches(/eastus is not the workspace's region westeurope/);
    });
  });
});
