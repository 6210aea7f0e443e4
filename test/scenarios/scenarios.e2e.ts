/**
 * The documented multi-VNet scenarios over the full resource graph of a SecuredWorkspace and its
 * endpoint sets, each at update and at preview.
 */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import * as containerservice from "@pulumi/azure-native/containerservice";
import * as datafactory from "@pulumi/azure-native/datafactory";
import * as network from "@pulumi/azure-native/network";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import type { EndpointSetLayoutArgs } from "../../sdk/endpoints/endpointSetArgs";
import { AttachedAksCompute } from "../../sdk/compute/attachedAksCompute";
import { PrivateCompute } from "../../sdk/compute/privateCompute";
import { DataFactoryManagedEndpoints } from "../../sdk/managedVnet/dataFactoryManagedEndpoints";
import { synapseManagedVnetProblem } from "../../sdk/managedVnet/synapseSupport";
import { SynapseManagedEndpoints } from "../../sdk/managedVnet/synapseManagedEndpoints";
import { connectionsOfManagedEndpoint } from "../../sdk/managedVnet/targetConnections";
import { armIdKey, parseArmId } from "../../policy/azure/armId";
import { type MockRun, type RecordedGraph, type RecordedResource, runOnMocks } from "../../plan/mockRun";
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
            virtualNetworkName: net.endpointSet("aks").virtualNetworkName,
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

    it("4. Data Factory managed VNet: managed private endpoints to the workspace and its dependencies, approved on each target", async () => {
      const run = await runOnMocks(
        scenario(["services"], (ws) => {
          const factory = new datafactory.Factory("adf", {
            resourceGroupName: "rg-ml",
            location: "westeurope",
            publicNetworkAccess: "Disabled",
          });
          new DataFactoryManagedEndpoints("adf-ml", {
            factoryName: factory.name,
            factoryResourceGroupName: "rg-ml",
            createManagedVirtualNetwork: true,
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
      const component = graph.named("adf-ml");
      const vnet = graph.named("adf-ml-managed-vnet");
      // The managed VNet through a template deployment in the factory's group, whose only resource is the
      // managed VNet's 2018-06-01 body: no location (the generic resource's provider would add one).
      expect([vnet.type, vnet.parent, vnet.inputs.resourceGroupName]).to.deep.equal([
        "azure-native:resources:Deployment",
        component.urn,
        "rg-ml",
      ]);
      const vnetDeployment = vnet.inputs.properties as {
        mode: string;
        template: { resources: Record<string, unknown>[] };
        parameters: { name: { value: string } };
      };
      expect(vnetDeployment.mode).to.equal("Incremental");
      expect(vnetDeployment.template.resources).to.deep.equal([
        {
          type: "Microsoft.DataFactory/factories/managedVirtualNetworks",
          apiVersion: "2018-06-01",
          name: "[parameters('name')]",
          properties: {},
        },
      ]);
      expect(vnet.propertyDependencies.properties).to.deep.equal([graph.named("adf").urn]);
      if (!preview) {
        expect(vnetDeployment.parameters.name.value).to.equal(
          `${String(graph.named("adf").outputs.name)}/default`,
        );
      }
      const mpes = graph.ofType("azure-native:datafactory:ManagedPrivateEndpoint");
      expect(mpes.every((m) => m.parent === component.urn)).to.equal(true);
      const groups = mpes.map((m) => (m.inputs.properties as { groupId: string }).groupId).sort();
      expect(groups).to.deep.equal(["amlworkspace", "blob", "file", "registry", "vault"]);
      const approvals = graph.ofType("azure-native:resources:Deployment").filter((d) => d.urn !== vnet.urn);
      expect(approvals).to.have.length(5);
      for (const m of mpes) {
        const groupId = (m.inputs.properties as { groupId: string }).groupId;
        const targetId = String(
          (m.inputs.properties as { privateLinkResourceId: string }).privateLinkResourceId,
        );
        const target = preview
          ? graph.byUrn(m.propertyDependencies.properties[0])
          : targetOf(graph, armIdKey(targetId));
        expect(target?.type, m.name).to.equal(dependencyTypes[groupId]);
        expect(m.propertyDependencies.managedVirtualNetworkName).to.deep.equal([vnet.urn]);

        // One approval per endpoint, keyed like it, whose deployment waits for the endpoint.
        const key = m.name.replace("adf-ml-mpe-", "");
        const approval = graph.named(`adf-ml-approve-${key}`);
        expect([approval.type, approval.parent]).to.deep.equal([
          "azureml-network-isolation:index:ManagedEndpointApproval",
          component.urn,
        ]);
        const deployment = graph.childrenOf(approval.urn);
        expect(deployment.map((d) => [d.type, d.name])).to.deep.equal([
          ["azure-native:resources:Deployment", `adf-ml-approve-${key}-deployment`],
        ]);
        expect(deployment[0].propertyDependencies.properties).to.include(m.urn);
        expect(deployment[0].propertyDependencies.resourceGroupName).to.include(target!.urn);
        if (preview) continue;

        // At update: the template approves the managed endpoint's own connection on the target, in the
        // target's resource group, although the services VNet's endpoint has an (approved) connection there too.
        const properties = deployment[0].inputs.properties as {
          mode: string;
          template: { resources: { type: string; properties: unknown }[] };
          parameters: { connectionName: { value: string } };
        };
        const parsedTarget = parseArmId(targetId)!;
        expect(deployment[0].inputs.resourceGroupName).to.equal(parsedTarget.resourceGroup);
        expect(properties.mode).to.equal("Incremental");
        expect(properties.template.resources.map((r) => [r.type, r.properties])).to.deep.equal([
          [
            `${parsedTarget.type}/privateEndpointConnections`,
            {
              privateLinkServiceConnectionState: {
                status: "Approved",
                description: "[parameters('description')]",
                // Each provider's own field name (its spec at the API version written with).
                [parsedTarget.type === "Microsoft.Storage/storageAccounts"
                  ? "actionRequired"
                  : "actionsRequired"]: "None",
              },
            },
          ],
        ]);
        const [targetName, connectionName] = properties.parameters.connectionName.value.split("/");
        expect(targetName).to.equal(parsedTarget.name);
        const factoryName = String(graph.named("adf").outputs.name);
        // Which connection is approved is the product's choice: the managed endpoint's, not the services VNet
        // endpoint's. The name's shape (<factory>.<endpoint>.<guid>) is the fake Azure's, standing for Azure's
        // (plan/fakeAzure.ts names a connection after its private endpoint, as Azure does).
        expect(
          connectionName.startsWith(`${factoryName}.${String(m.outputs.name)}.`),
          connectionName,
        ).to.equal(true);
        expect(approval.outputs.connectionId).to.equal(
          `${targetId}/privateEndpointConnections/${connectionName}`,
        );
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

const sub = "/subscriptions/00000000-1111-2222-3333-444444444444/resourceGroups/rg-ml/providers";
const targetIds = {
  workspaceId: `${sub}/Microsoft.MachineLearningServices/workspaces/mlw1`,
  storageAccountId: `${sub}/Microsoft.Storage/storageAccounts/stml1`,
  keyVaultId: `${sub}/Microsoft.KeyVault/vaults/kv-ml1`,
  containerRegistryId: `${sub}/Microsoft.ContainerRegistry/registries/crml1`,
};

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
        .to.throw(pulumi.InputPropertiesError)
        .with.property("message")
        .that.matches(/clusterLocation: North Europe is not the workspace's region westeurope/);
    });
  });

  for (const [settings, property] of [
    [{ managedVirtualNetwork: "default", preventDataExfiltration: true }, "preventDataExfiltration"],
    [{ preventDataExfiltration: false }, "managedVirtualNetwork"],
  ] as const) {
    it(`4. refuses a Synapse workspace at preview before registering anything (${property})`, async () => {
      const run = await runOnMocks(
        () => {
          expect(
            () =>
              new SynapseManagedEndpoints("syn-ml", {
                ...targetIds,
                synapseWorkspaceName: "synws",
                ...settings,
              }),
          )
            .to.throw(pulumi.InputPropertiesError)
            .with.property("errors")
            .that.deep.includes({
              propertyPath: property,
              reason: synapseManagedVnetProblem(settings)!.reason,
            });
        },
        { preview: true },
      );
      expect(run.graph.resources.filter((r) => r.custom)).to.deep.equal([]);
    });
  }

  it("4. Synapse: the exfiltration message says why and what to do", () => {
    expect(
      synapseManagedVnetProblem({ managedVirtualNetwork: "default", preventDataExfiltration: true })?.reason,
    ).to.match(
      /data exfiltration protection is not supported with Azure Machine Learning.*preventDataExfiltration: false/,
    );
    expect(synapseManagedVnetProblem({ managedVirtualNetwork: "default" })).to.equal(undefined);
  });

  it("4. Synapse: plans one managed private endpoint per target and gives the commands that create them", async () => {
    const run = await runOnMocks(() => {
      const synapse = new SynapseManagedEndpoints("syn-ml", {
        ...targetIds,
        synapseWorkspaceName: "synws",
        managedVirtualNetwork: "default",
        preventDataExfiltration: false,
      });
      return { commands: synapse.createCommands, endpoints: synapse.managedEndpoints };
    });
    // Nothing to register until the endpoints exist: Synapse managed private endpoints are data plane.
    expect(run.graph.resources.filter((r) => r.custom)).to.deep.equal([]);
    const endpoints = run.outputs.endpoints as Record<
      string,
      { name: string; privateLinkResourceId: string; groupId: string }
    >;
    expect(Object.values(endpoints).map((e) => [e.name, e.groupId, e.privateLinkResourceId])).to.deep.equal([
      ["syn-ml-workspace-amlworkspace", "amlworkspace", targetIds.workspaceId],
      ["syn-ml-storage-blob", "blob", targetIds.storageAccountId],
      ["syn-ml-storage-file", "file", targetIds.storageAccountId],
      ["syn-ml-vault-vault", "vault", targetIds.keyVaultId],
      ["syn-ml-registry-registry", "registry", targetIds.containerRegistryId],
    ]);
    expect((run.outputs.commands as string[])[1]).to.equal(
      "az synapse managed-private-endpoints create --workspace-name synws --pe-name syn-ml-storage-blob " +
        `--file '{"privateLinkResourceId":"${targetIds.storageAccountId}","groupId":"blob"}'`,
    );
  });

  it("4. Data Factory: refuses flags only known after deployment and targets of the wrong type", async () => {
    await runOnMocks(() => {
      expect(
        () =>
          new DataFactoryManagedEndpoints("adf-ml", {
            factoryName: "adf1",
            factoryResourceGroupName: "rg-ml",
            ...targetIds,
            keyVaultId: targetIds.storageAccountId,
            approveOnTargets: pulumi.output(true),
          }),
      )
        .to.throw(pulumi.InputPropertiesError)
        .with.property("errors")
        .that.has.deep.members([
          {
            propertyPath: "approveOnTargets",
            reason:
              "approveOnTargets decides which resources exist, so it must be a plain boolean, not an output",
          },
          {
            propertyPath: "keyVaultId",
            reason:
              `"${targetIds.storageAccountId}" is the id of a Microsoft.Storage/storageAccounts; give the id of a ` +
              "Microsoft.KeyVault/vaults, e.g. /subscriptions/<sub>/resourceGroups/<rg>/providers/Microsoft.KeyVault/vaults/<name>",
          },
        ]);
    });
  });

  it("4. Data Factory: approveOnTargets false leaves the connections to the targets' owners", async () => {
    const run = await runOnMocks(() => {
      new DataFactoryManagedEndpoints("adf-ml", {
        factoryName: "adf1",
        factoryResourceGroupName: "rg-ml",
        ...targetIds,
        approveOnTargets: false,
      });
    });
    expect(run.graph.ofType("azure-native:datafactory:ManagedPrivateEndpoint")).to.have.length(5);
    expect(run.graph.ofType("azure-native:resources:Deployment")).to.deep.equal([]);
    expect(run.graph.ofType("azure-native:resources:Resource")).to.deep.equal([]);
  });

  it("4. the approval matches the managed endpoint's connection by its private endpoint's name", () => {
    const connections = [
      {
        id: "t/privateEndpointConnections/pe-services.1",
        privateEndpointId: "/s/x/privateEndpoints/pe-services",
      },
      {
        id: "t/privateEndpointConnections/adf1.mpe-blob.2",
        privateEndpointId: "/s/y/privateEndpoints/ADF1.MPE-BLOB",
      },
      { id: "t/privateEndpointConnections/other", privateEndpointId: undefined },
    ];
    expect(connectionsOfManagedEndpoint(connections, "mpe-blob").map((c) => c.id)).to.deep.equal([
      "t/privateEndpointConnections/adf1.mpe-blob.2",
    ]);
    expect(connectionsOfManagedEndpoint(connections, "mpe-file")).to.deep.equal([]);
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
        .to.throw(pulumi.InputPropertiesError)
        .with.property("message")
        .that.matches(/location: eastus is not the workspace's region westeurope/);
    });
  });
});
