/**
 * The managed-network scenario over the full resource graph, at update and at preview: a workspace whose
 * computes run in the Microsoft-managed VNet with approved outbound only, and a clients VNet with the inbound
 * endpoint set.
 */
import { expect } from "chai";
import * as storage from "@pulumi/azure-native/storage";
import { runOnMocks } from "../../plan/mockRun";
import { managedNetworkTables } from "../../plan/managedNetworkTables";
import { PrivateCompute } from "../../sdk/compute/privateCompute";
import { WorkspaceNetwork } from "../../sdk/endpoints/workspaceNetwork";
import { SecuredWorkspace } from "../../sdk/workspace/securedWorkspace";
import { endpointFacts, linksByVnet, publicZonesByGroupId, types, zonesByGroupId } from "./graphFacts";

function program() {
  const data = new storage.StorageAccount("data", {
    accountName: "stdata",
    resourceGroupName: "rg-ml",
    kind: storage.Kind.StorageV2,
    sku: { name: storage.SkuName.Standard_ZRS },
    publicNetworkAccess: storage.PublicNetworkAccess.Disabled,
  });
  const ws = new SecuredWorkspace("mlw", {
    resourceGroupName: "rg-ml",
    location: "westeurope",
    imageBuildCompute: "cpu-cluster",
    managedNetwork: {
      isolationMode: "AllowOnlyApprovedOutbound",
      privateEndpointRules: { "data-blob": { serviceResourceId: data.id, subresourceTarget: "blob" } },
      fqdnRules: {
        pypi: { destination: "pypi.org" },
        pythonhosted: { destination: "files.pythonhosted.org" },
      },
    },
  });
  const net = new WorkspaceNetwork("net", {
    ...ws.endpointTargets(), // managedNetwork: true, from the workspace's plain mode
    sets: { clients: { addressSpace: ["10.2.0.0/24"], endpointSubnetPrefix: "10.2.0.0/27" } },
  });
  for (const kind of ["Cluster", "Instance"] as const) {
    new PrivateCompute(`cpu-${kind.toLowerCase()}`, {
      kind,
      workspaceName: ws.workspaceName,
      resourceGroupName: ws.resourceGroupName,
      workspaceLocation: "westeurope",
      managedNetwork: true,
      vmSize: "Standard_DS3_v2",
    });
  }
  return { servicesSubnetId: net.servicesSubnetId, mode: ws.managedNetworkIsolationMode };
}

for (const preview of [false, true]) {
  describe(`managed network scenario (${preview ? "preview" : "up"})`, () => {
    it("workspace with inline approved-outbound rules, computes in the managed VNet, a clients-only endpoint set", async () => {
      const run = await runOnMocks(program, { preview });
      const { graph } = run;
      const ws = graph.named("mlw-workspace");
      const body = ws.inputs.properties as {
        managedNetwork: { isolationMode: string; outboundRules: Record<string, { type: string }> };
        provisionNetworkNow: boolean;
      };
      expect(body.managedNetwork.isolationMode).to.equal("AllowOnlyApprovedOutbound");
      expect(body.provisionNetworkNow).to.equal(true);
      expect(
        Object.entries(body.managedNetwork.outboundRules).map(([name, rule]) => `${name}:${rule.type}`),
      ).to.deep.equal(["data-blob:PrivateEndpoint", "pypi:FQDN", "pythonhosted:FQDN"]);
      // Rules travel in the workspace body only: no outbound rule resources that could race each other.
      expect(
        graph.resources.filter((r) => /outboundRule|ManagedNetworkSettingsRule/i.test(r.type)),
      ).to.deep.equal([]);
      // The PE rule's target is the data account: the workspace waits for it.
      expect(ws.propertyDependencies.properties).to.include(graph.named("data").urn);

      // Inbound only: one clients set with the workspace and the storage the studio reads, Reader on storage.
      const set = graph.named("net-clients");
      const facts = endpointFacts(graph);
      expect(facts.map((f) => f.groupId).sort()).to.deep.equal(["amlworkspace", "blob", "file"]);
      const { amlworkspace, blob, file } = publicZonesByGroupId;
      expect(zonesByGroupId(facts, set.urn)).to.deep.equal({ amlworkspace, blob, file });
      expect(graph.childrenOf(set.urn).filter((c) => c.type === types.roleAssignment)).to.have.length(2);
      const vnet = graph.childrenOf(set.urn).find((c) => c.type === types.vnet)!;
      expect(linksByVnet(graph).get(vnet.urn)).to.have.length(4);
      expect(graph.ofType(types.vnet)).to.have.length(1);
      if (!preview) expect(run.outputs.servicesSubnetId).to.equal("");

      for (const [name, type] of [
        ["cpu-cluster-compute", "AmlCompute"],
        ["cpu-instance-compute", "ComputeInstance"],
      ]) {
        const props = graph.named(name).inputs.properties as {
          computeType: string;
          properties: { enableNodePublicIp: boolean; subnet?: unknown };
        };
        expect([props.computeType, props.properties.enableNodePublicIp]).to.deep.equal([type, false]);
        expect(props.properties).to.not.have.property("subnet");
        expect(graph.named(name).dependencies).to.not.include(
          graph.childrenOf(set.urn).find((c) => c.type === types.subnet)!.urn,
        );
      }

      const [table] = managedNetworkTables(graph);
      if (preview) {
        // Nothing read back yet: the user's rules, status unknown.
        expect([table.status, table.rules.map((r) => r.madeBy)]).to.deep.equal([
          undefined,
          ["user", "user", "user"],
        ]);
        expect(table.rules[0].destination).to.equal("(id known after deployment) (blob)");
      } else {
        expect(table.status).to.equal("Active");
        expect(table.firewallPublicIpAddress).to.be.a("string");
        expect(table.rules.filter((r) => r.madeBy === "Azure").length).to.be.greaterThan(4);
        expect(run.outputs.mode).to.equal("AllowOnlyApprovedOutbound");
      }
    });
  });
}
