/**
 * Issue 20 item 7: FQDNs named by the target's region (the fake's behaviour, as Azure names them), one shape
 * for zone ids in components and stack config, error headers naming the component, and `is required`.
 */
import * as network from "@pulumi/azure-native/network";
import { genericWorkspace } from "./genericWorkspace";
import { expect } from "chai";
import * as path from "path";
import { runOnMocks } from "../../plan/mockRun";
import { runCli } from "../../plan/planCommand";
import { PrivateEndpointSet } from "../../sdk/endpoints/privateEndpointSet";
import { schemaProblems } from "../../sdk/validation/argSchema";
import { securedWorkspaceArgSchema } from "../../sdk/workspace/securedWorkspaceArgProblems";
import { topologyFromConfig } from "../../stacks/program/topology";

const config = (values: Record<string, unknown>) => ({
  get: (key: string) => values[key] as string | undefined,
  getObject: <T>(key: string) => values[key] as T | undefined,
  getBoolean: () => undefined,
  getNumber: () => undefined,
});
const zoneId = (zone: string) =>
  `/subscriptions/s/resourceGroups/rg-dns/providers/Microsoft.Network/privateDnsZones/${zone}`;

describe("fidelity and consistency", () => {
  it("the fake names an endpoint's FQDNs by its target's region, not the endpoint's (the fake's behaviour)", async () => {
    const { graph } = await runOnMocks(() => {
      const ws = genericWorkspace();
      const subnet = new network.Subnet("snet", {
        resourceGroupName: "rg",
        virtualNetworkName: "vnet-eastus",
        subnetName: "endpoints",
        addressPrefix: "10.0.1.0/24",
      });
      new network.PrivateEndpoint("pe", {
        resourceGroupName: "rg",
        location: "eastus",
        subnet: { id: subnet.id },
        privateLinkServiceConnections: [
          { name: "ws", privateLinkServiceId: ws.id, groupIds: ["amlworkspace"] },
        ],
      });
    });
    const fqdns = (graph.named("pe").outputs.customDnsConfigs as { fqdn: string }[]).map((c) => c.fqdn);
    expect(fqdns).to.have.length(3);
    expect(fqdns[0]).to.match(/\.workspace\.westeurope\.api\.azureml\.ms$/);
    expect(fqdns.join(" ")).not.to.contain("eastus");
  });

  it("stack config hubZoneIds is a map keyed by zone name, like existingZoneIds; the old list is refused with the fix", () => {
    const ids = { "privatelink.api.azureml.ms": zoneId("privatelink.api.azureml.ms") };
    expect(topologyFromConfig(config({ hubZoneIds: ids })).hubZoneIds).to.deep.equal(ids);
    expect(() => topologyFromConfig(config({ hubZoneIds: Object.values(ids) }))).to.throw(
      `hubZoneIds is a map from zone name to the zone's ARM id (as existingZoneIds of the components), not a list; ` +
        `write it as:\n  azureml-isolated:hubZoneIds:\n    privatelink.api.azureml.ms: ${zoneId("privatelink.api.azureml.ms")}`,
    );
    expect(() =>
      topologyFromConfig(
        config({ hubZoneIds: { "privatelink.blob.core.windows.net": ids["privatelink.api.azureml.ms"] } }),
      ),
    ).to.throw("hubZoneIds.privatelink.blob.core.windows.net: the id names zone privatelink.api.azureml.ms");
  });

  it("an endpoint set's layout error is headed by its component and name", () => {
    expect(
      () =>
        new PrivateEndpointSet("clients", {
          workspaceId:
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.MachineLearningServices/workspaces/w",
          storageAccountId:
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st",
          keyVaultId: "/subscriptions/s/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv",
          containerRegistryId:
            "/subscriptions/s/resourceGroups/rg/providers/Microsoft.ContainerRegistry/registries/cr",
          location: "westeurope",
          resourceGroupName: "rg",
          addressSpace: ["10.1.0.0/24"],
          endpointSubnetPrefix: "10.2.0.0/27",
        }),
    ).to.throw(/^Invalid arguments for PrivateEndpointSet "clients":\n- endpointSubnetPrefix/);
  });

  it("a missing required argument reads `is required`", () => {
    const problems = schemaProblems(securedWorkspaceArgSchema, { location: "westeurope" });
    expect(problems.find((p) => p.propertyPath === "resourceGroupName")?.reason).to.equal(
      "is required; give the resource group name",
    );
  });
});

describe("text report under hostile names", () => {
  it("shows control and invisible characters escaped: nothing erases, moves or fakes a line", async () => {
    const out = { stdout: "", stderr: "" };
    const code = await runCli([path.join(__dirname, "fixtures", "hostile-names"), "--no-policy-pack"], {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
    });
    expect(code, out.stderr).to.equal(0);
    // eslint-disable-next-line no-control-regex -- control characters are what must not appear
    expect(out.stdout).not.to.match(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202e]/);
    expect(out.stdout).to.contain("vnet\\u001b[2K\\u000d+ fake\\u000aline\\u202e");
    expect(out.stdout.split("\n").filter((l) => l.startsWith("line"))).to.deep.equal([]);
  });
});
