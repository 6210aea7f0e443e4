/**
 * Tests of the fake Azure (plan/fakeAzure.ts), the plan's stand-in for the cloud, kept apart from the
 * product's tests: what Azure itself adds or names where its docs are silent is this fake's choice
 * (managed-network facts §1.6), and these tests pin that choice, not the product's behaviour.
 */
import { expect } from "chai";
import { FakeAzure, fakeSubscriptionId } from "../../plan/fakeAzure";
import { armIdKey } from "../../policy/azure/armId";
import { managedVirtualNetworkTemplate } from "../../sdk/managedVnet/dataFactoryManagedVnetTemplate";
import { approvalTemplate } from "../../sdk/managedVnet/managedEndpointApproval";
import { approvalTargetOf } from "../../sdk/managedVnet/targetConnections";
import { managedNetworkTables } from "../../plan/managedNetworkTables";
import { runOnMocks, type MockRun } from "../../plan/mockRun";
import type { ManagedNetworkArgs } from "../../sdk/managedNetwork/managedNetworkArgs";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { existing, validArgs } from "../workspace/fixtures";

const program = (managedNetwork?: ManagedNetworkArgs) => () => {
  new SecuredWorkspace("ml", validArgs({ managedNetwork }));
};

describe("fake Azure (the plan's stand-in for the cloud, not the product)", () => {
  describe("managed network Required rules", () => {
    it("in AllowOnlyApprovedOutbound: private endpoint rules to storage blob and file, vault and registry, and the documented service tags, named __SYS_*", async () => {
      const run = await runOnMocks(program({ isolationMode: "AllowOnlyApprovedOutbound" }), {
        azure: new FakeAzure(false),
      });
      const azureRules = managedNetworkTables(run.graph)[0].rules.filter((r) => r.madeBy === "Azure");
      expect(azureRules.filter((r) => r.type === "PrivateEndpoint").map((r) => r.name)).to.have.length(4);
      expect(
        azureRules
          .filter((r) => r.type === "PrivateEndpoint")
          .map((r) => r.destination.replace(/^.* \((\w+)\)$/, "$1"))
          .sort(),
      ).to.deep.equal(["blob", "file", "registry", "vault"]);
      expect(azureRules.every((r) => r.name.startsWith("__SYS_"))).to.equal(true);
      // The service tags [MN] lists as required (BatchNodeManagement per region).
      expect(
        azureRules.filter((r) => r.type === "ServiceTag").map((r) => r.destination.split(" ")[0]),
      ).to.include.members([
        "AzureActiveDirectory",
        "AzureMachineLearning",
        "AzureResourceManager",
        "AzureFrontDoor.FirstParty",
        "MicrosoftContainerRegistry",
        "AzureMonitor",
      ]);
    });

    it("in AllowInternetOutbound, Azure's Required rules cover only dependencies with public access disabled", async () => {
      const made = (run: MockRun) =>
        managedNetworkTables(run.graph)[0]
          .rules.filter((r) => r.madeBy === "Azure")
          .map((r) => r.type);
      // The created dependencies have public access disabled: storage blob and file, key vault, registry.
      const created = await runOnMocks(program({ isolationMode: "AllowInternetOutbound" }));
      expect(made(created)).to.deep.equal(Array(4).fill("PrivateEndpoint"));
      // Adopted ones whose access this run cannot see get none (the fake reads what it created only).
      const adopted = await runOnMocks(() => {
        new SecuredWorkspace(
          "ml",
          validArgs({ ...existing, managedNetwork: { isolationMode: "AllowInternetOutbound" } }),
        );
      });
      expect(made(adopted)).to.deep.equal([]);
    });
  });
});

describe("fake Azure: template deployments and a factory's managed VNet", () => {
  const group = `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-data`;
  const resource = (type: string, name: string, inputs: Record<string, unknown>) => ({
    type,
    name,
    inputs,
    custom: true,
  });
  const factory = resource("azure-native:datafactory:Factory", "adf", {
    resourceGroupName: "rg-data",
    factoryName: "adf1",
  });
  const endpoint = (factoryName: string) =>
    resource("azure-native:datafactory:ManagedPrivateEndpoint", "mpe", {
      resourceGroupName: "rg-data",
      factoryName,
      managedVirtualNetworkName: "default",
      managedPrivateEndpointName: "mpe-blob",
      properties: {
        privateLinkResourceId: `${group}/providers/Microsoft.Storage/storageAccounts/st1`,
        groupId: "blob",
      },
    });
  const vnetDeployment = resource("azure-native:resources:Deployment", "adf-managed-vnet", {
    resourceGroupName: "rg-data",
    properties: {
      mode: "Incremental",
      template: managedVirtualNetworkTemplate(),
      parameters: { name: { value: "adf1/default" } },
    },
  });

  it("refuses a managed private endpoint in a factory it made whose managed VNet does not exist, as ARM refuses a child of a missing parent", () => {
    const azure = new FakeAzure(false);
    azure.newResource(factory);
    expect(() => azure.newResource(endpoint("adf1")))
      .to.throw(Error)
      .with.property("message")
      .that.includes('Code="ParentResourceNotFound"')
      .and.includes(`${group}/providers/Microsoft.DataFactory/factories/adf1/managedVirtualNetworks/default`);
    // A factory made elsewhere is not known to the fake, so its managed VNet is taken to exist.
    expect(azure.newResource(endpoint("adf-elsewhere")).id).to.match(/\/factories\/adf-elsewhere\//);
  });

  it("a template deployment makes its resources live with exactly the body the template sends (the managed VNet: no location)", () => {
    const azure = new FakeAzure(false);
    const factoryId = azure.newResource(factory).id!;
    const deployment = azure.newResource(vnetDeployment);
    expect(deployment.id).to.match(
      /\/resourceGroups\/rg-data\/providers\/Microsoft\.Resources\/deployments\//,
    );
    const vnetId = `${factoryId}/managedVirtualNetworks/default`;
    expect(azure.snapshot().live[armIdKey(vnetId)]).to.deep.equal({
      id: vnetId,
      type: "Microsoft.DataFactory/factories/managedVirtualNetworks",
      name: "default",
      properties: {},
    });
    expect(azure.newResource(endpoint("adf1")).id).to.equal(`${vnetId}/managedPrivateEndpoints/mpe-blob`);
  });

  it("an approval template sets the connection's state on its target; an expression it cannot evaluate is refused", () => {
    const azure = new FakeAzure(false);
    const target = `${group}/providers/Microsoft.Storage/storageAccounts/st1`;
    azure.newResource(endpoint("adf-elsewhere"));
    const [pending] = azure.snapshot().connections[armIdKey(target)];
    expect(pending.privateLinkServiceConnectionState.status).to.equal("Pending");
    const approval = (connectionName: unknown) =>
      resource("azure-native:resources:Deployment", "approve", {
        resourceGroupName: "rg-data",
        properties: {
          mode: "Incremental",
          template: approvalTemplate(approvalTargetOf(target)!),
          parameters: {
            connectionName: { value: connectionName },
            description: { value: "Approved by a test" },
          },
        },
      });
    azure.newResource(approval(`st1/${pending.name}`));
    expect(azure.snapshot().connections[armIdKey(target)][0].privateLinkServiceConnectionState).to.deep.equal(
      {
        status: "Approved",
        description: "Approved by a test",
        actionRequired: "None",
      },
    );
    const unevaluated = approval("[concat('st1/', 'x')]");
    (
      unevaluated.inputs.properties as { template: { resources: { name: string }[] } }
    ).template.resources[0].name = "[concat('st1/', 'x')]";
    expect(() => azure.newResource(unevaluated)).to.throw(
      /cannot evaluate the template expression "\[concat/,
    );
  });
});

describe("fake Azure: secret inputs are read opened, answered secret", () => {
  const secret = (value: unknown) => ({
    "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270",
    value,
  });
  const opened = (v: unknown) => (v as { value: unknown }).value;
  const resource = (type: string, name: string, inputs: Record<string, unknown>) => ({
    type,
    name,
    inputs,
    custom: true,
  });
  const vnet = (name: string, rg: string) =>
    `/subscriptions/${fakeSubscriptionId}/resourceGroups/${rg}/providers/Microsoft.Network/virtualNetworks/${name}`;

  it("a NIC with a secret static IP keeps that IP (Static) and answers it secret", () => {
    const azure = new FakeAzure(false);
    const nic = azure.newResource(
      resource("azure-native:network:NetworkInterface", "nic", {
        resourceGroupName: "rg",
        networkInterfaceName: "nic1",
        ipConfigurations: secret([{ name: "ip", privateIPAddress: "10.0.0.9", subnet: { id: "x" } }]),
      }),
    );
    expect(opened(nic.state.ipConfigurations)).to.deep.equal([
      { name: "ip", privateIPAddress: "10.0.0.9", privateIPAllocationMethod: "Static", subnet: { id: "x" } },
    ]);
  });

  it("a secret resource group or remote VNet id is read as its value: the peering's id and its Connected state", () => {
    const azure = new FakeAzure(false);
    const peering = (from: string, rg: string, to: string) =>
      resource("azure-native:network:VirtualNetworkPeering", `${from}-to-${to}`, {
        resourceGroupName: secret(rg),
        virtualNetworkName: from,
        virtualNetworkPeeringName: `to-${to}`,
        remoteVirtualNetwork: secret({ id: vnet(to, to === "hub" ? "rg-hub" : "rg-spoke") }),
      });
    const hubSide = azure.newResource(peering("hub", "rg-hub", "spoke"));
    expect(hubSide.id).to.equal(`${vnet("hub", "rg-hub")}/virtualNetworkPeerings/to-spoke`);
    expect(hubSide.state.peeringState).to.equal("Initiated");
    expect(azure.newResource(peering("spoke", "rg-spoke", "hub")).state.peeringState).to.equal("Connected");
  });

  it("a template deployment with secret properties deploys its resources, their bodies kept secret", () => {
    const azure = new FakeAzure(false);
    azure.newResource(
      resource("azure-native:resources:Deployment", "adf-managed-vnet", {
        resourceGroupName: "rg-data",
        properties: secret({
          mode: "Incremental",
          template: managedVirtualNetworkTemplate(),
          parameters: { name: { value: "adf1/default" } },
        }),
      }),
    );
    const id = `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-data/providers/Microsoft.DataFactory/factories/adf1/managedVirtualNetworks/default`;
    const live = azure.snapshot().live[armIdKey(id)];
    expect(live?.name).to.equal("default");
    expect(live?.properties).to.deep.equal(secret({}));
  });
});

describe("fake Azure: a template ARM would refuse is refused with InvalidTemplate, never a TypeError", () => {
  const deployment = (template: unknown, parameters: unknown = {}) => ({
    type: "azure-native:resources:Deployment",
    name: "d",
    custom: true,
    inputs: { resourceGroupName: "rg", properties: { mode: "Incremental", template, parameters } },
  });
  const resource = {
    type: "Microsoft.DataFactory/factories/managedVirtualNetworks",
    name: "[parameters('name')]",
    properties: {},
  };

  for (const [what, template, parameters] of [
    ["resources as an object", { resources: { a: resource } }, { name: { value: "f/default" } }],
    ["resources: [null]", { resources: [null] }, {}],
    ["a resource without a type", { resources: [{ name: "f/default" }] }, {}],
    ["a parameter null", { resources: [resource] }, { name: null }],
    ["parameters as a list", { resources: [resource] }, [1]],
  ] as [string, unknown, unknown][]) {
    it(what, () => {
      expect(() => new FakeAzure(false).newResource(deployment(template, parameters)))
        .to.throw(Error)
        .that.satisfies((e: Error) => !(e instanceof TypeError))
        .and.has.property("message")
        .that.includes('Code="InvalidTemplate"');
    });
  }

  it("an inherited parameter (Object.prototype's `constructor`) is never evaluated", () => {
    const inherited = { ...resource, name: "[parameters('constructor')]" };
    expect(() => new FakeAzure(false).newResource(deployment({ resources: [inherited] }))).to.throw(
      /cannot evaluate the template expression "\[parameters\('constructor'\)\]"/,
    );
  });
});

describe("fake Azure: a later preview of the same stack", () => {
  it("a changed resource keeps its live outputs (its id, its name), with the new inputs over them, as the engine's preview of an update does", () => {
    const up = new FakeAzure(false);
    const vnet = {
      type: "azure-native:network:VirtualNetwork",
      name: "vnet",
      custom: true,
      inputs: { resourceGroupName: "rg", virtualNetworkName: "v1", tags: { a: "1" } },
    };
    const made = up.newResource(vnet);
    const preview = new FakeAzure(true, up).newResource({
      ...vnet,
      inputs: { ...vnet.inputs, tags: { a: "2" } },
    });
    expect(preview.id).to.equal(made.id);
    expect(preview.state).to.deep.include({ id: made.id, name: "v1", tags: { a: "2" } });
  });
});
