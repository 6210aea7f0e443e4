import { expect } from "chai";
import { unknownCheckingProxy, type PolicyResource, type StackValidationArgs } from "@pulumi/policy";
import { buildModel } from "../../policy/model/buildModel";
import { unknown } from "../../policy/model/values";
import type { StackRule } from "../../policy/pack/rule";
import { stackPolicy } from "../../policy/pack/stackPolicy";
import { endpointZoneGroups } from "../../policy/rules/endpointZoneGroups";
import { stackRules } from "../../policy/policies";
import { unknownString } from "./graph";
import { isolatedClients, rg, tokens } from "./topologies";

const res = (
  type: string,
  name: string,
  props: Record<string, unknown>,
  deps: Record<string, string[]> = {},
) => ({
  type,
  name,
  urn: `urn:pulumi:test::proj::${type}::${name}`,
  props: unknownCheckingProxy(props),
  propertyDependencies: Object.fromEntries(
    Object.entries(deps).map(([k, v]) => [k, v.map((urn) => ({ urn }))]),
  ),
});

describe("policy model", () => {
  it("reads workspaces from v3, v2 versioned and generic tokens", () => {
    const model = buildModel([
      res(tokens.workspace, "a", {
        resourceGroupName: rg,
        workspaceName: "a",
        publicNetworkAccess: "Disabled",
      }),
      res("azure-native:machinelearningservices/v20241001preview:Workspace", "b", {
        resourceGroupName: rg,
        workspaceName: "b",
        networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.19" }] },
      }),
      res("azure-native:resources:Resource", "c", {
        resourceGroupName: rg,
        resourceProviderNamespace: "Microsoft.MachineLearningServices",
        resourceType: "workspaces",
        resourceName: "c",
        apiVersion: "2025-10-01-preview",
        location: "westeurope",
        properties: { publicNetworkAccess: "Enabled", ipAllowlist: ["16.17.18.20"] },
      }),
      res("azure-native:storage:StorageAccount", "ignored-other-kind", {
        resourceGroupName: rg,
        accountName: "x",
      }),
      res("azure-native:web:WebApp", "ignored", {}),
    ]);
    expect(
      model.workspaces.map((w) => [w.label, w.publicNetworkAccess, w.ipRules, w.location]),
    ).to.deep.equal([
      ["ML workspace 'a'", "Disabled", undefined, undefined],
      ["ML workspace 'b'", undefined, ["16.17.18.19"], undefined],
      ["ML workspace 'c'", "Enabled", ["16.17.18.20"], "westeurope"],
    ]);
  });

  it("keeps unknowns per item and links through propertyDependencies at preview", () => {
    const vnet = res(tokens.vnet, "v", {
      resourceGroupName: rg,
      virtualNetworkName: "v",
      subnets: [{ name: "pe", addressPrefix: "10.0.1.0/24" }],
    });
    const ws = res(tokens.workspace, "w", {
      resourceGroupName: rg,
      workspaceName: "w",
      storageAccount: unknownString,
    });
    const pe = res(
      tokens.endpoint,
      "pe",
      {
        resourceGroupName: rg,
        subnet: { id: unknownString },
        privateLinkServiceConnections: [{ privateLinkServiceId: unknownString, groupIds: ["amlworkspace"] }],
      },
      { subnet: [vnet.urn], privateLinkServiceConnections: [ws.urn] },
    );
    const model = buildModel([vnet, ws, pe]);
    expect(model.workspaces[0].storageAccount).to.equal(unknown);
    expect(model.endpoints[0].connections[0].target).to.equal(ws.urn);
    expect(model.endpoints[0].vnet).to.equal(vnet.urn);
    expect(model.subnets.get(`${vnet.urn}/subnets/pe`)?.addressPrefixes).to.deep.equal(["10.0.1.0/24"]);
  });

  it("finds inline subnets and inline zone groups by literal id", () => {
    const sub = "/subscriptions/s/resourceGroups/rg-ml/providers";
    const model = buildModel([
      res(tokens.vnet, "v", { resourceGroupName: rg, virtualNetworkName: "v", subnets: [{ name: "pe" }] }),
      res(tokens.endpoint, "pe", {
        resourceGroupName: rg,
        subnet: { id: `${sub}/Microsoft.Network/virtualNetworks/v/subnets/pe` },
        privateLinkServiceConnections: [
          { privateLinkServiceId: `${sub}/Microsoft.KeyVault/vaults/kv`, groupIds: ["vault"] },
        ],
        privateDnsZoneGroups: [
          {
            privateDnsZoneConfigs: [
              {
                privateDnsZoneId: `${sub}/Microsoft.Network/privateDnsZones/privatelink.vaultcore.azure.net`,
              },
            ],
          },
        ],
      }),
    ]);
    const endpoint = model.endpoints[0];
    expect(endpoint.subnet).to.equal(
      "urn:pulumi:test::proj::azure-native:network:VirtualNetwork::v/subnets/pe",
    );
    expect(model.label(endpoint.connections[0].target as string)).to.equal(
      "key vault 'kv' (resource group rg-ml, outside this stack)",
    );
    expect(model.zoneGroupsByEndpoint.get(endpoint.key)?.[0].zones[0].zoneName).to.equal(
      "privatelink.vaultcore.azure.net",
    );
  });

  it("resolves a resource group name unknown at preview through the ResourceGroup that names it", () => {
    const group = res("azure-native:resources:ResourceGroup", "rg", { resourceGroupName: "rg-ml" });
    const autoNamed = res("azure-native:resources:ResourceGroup", "rg2", { location: "westeurope" });
    const model = buildModel([
      group,
      autoNamed,
      res(
        tokens.workspace,
        "ws",
        { resourceGroupName: unknownString, workspaceName: "mlw1" },
        { resourceGroupName: [group.urn] },
      ),
      res(
        tokens.workspace,
        "ws2",
        { resourceGroupName: unknownString, workspaceName: "mlw2" },
        { resourceGroupName: [autoNamed.urn] },
      ),
      res(tokens.onlineEndpoint, "scoring", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw1",
        properties: {},
      }),
      res(tokens.onlineEndpoint, "other", {
        resourceGroupName: "rg-ml",
        workspaceName: "mlw2",
        properties: {},
      }),
    ]);
    const [scoring, other] = model.onlineEndpoints;
    expect(scoring.workspace).to.equal(model.workspaces.find((w) => w.urn.endsWith("::ws"))!.key);
    // An auto-named group's name is unknown until it exists: ws2 is not taken for rg-ml/mlw2, whose endpoint
    // names a workspace by ARM names only (out of the stack as far as the model can tell).
    expect(other.workspace).to.equal("arm:microsoft.machinelearningservices/workspaces|rg-ml|mlw2");
    expect(model.workspacesByKey.has(other.workspace as string)).to.equal(false);
  });

  it("runs as a stack policy on proxied resources at preview without an UnknownValueError", async () => {
    const resources = isolatedClients("preview").graph.resources() as unknown as PolicyResource[];
    for (const rule of stackRules) {
      const reported: string[] = [];
      const policy = stackPolicy<object>(rule);
      // A customer-VNet topology: the organisation allows workspaces without a managed network.
      const getConfig = () => ({ allowedModes: ["Disabled"] });
      const stackArgs = { resources, getConfig } as unknown as StackValidationArgs;
      await policy.validateStack(stackArgs, (m) => reported.push(m));
      expect(reported, rule.name).to.deep.equal([]);
    }
  });

  it("passes pack config to the rule over its defaults", async () => {
    const resources = isolatedClients("update").graph.resources() as unknown as PolicyResource[];
    const reported: string[] = [];
    const stackArgs = {
      resources,
      getConfig: () => ({ cloud: "AzureUSGovernment" }),
    } as unknown as StackValidationArgs;
    await stackPolicy(endpointZoneGroups).validateStack(stackArgs, (m) => reported.push(m));
    expect(reported.length).to.be.greaterThan(0);
    expect(reported[0]).to.include("AzureUSGovernment");
  });

  it("builds the model of 10,000 resources and checks every rule, with CPU time growing linearly", () => {
    /** Copies of the isolated-clients topology, renamed so the copies do not collide, up to `count` resources. */
    const stack = (count: number) => {
      const resources = [];
      for (let i = 0; resources.length < count; i++) {
        const t = isolatedClients(i % 2 === 0 ? "preview" : "update");
        for (const node of t.graph.nodes) node.urn = `${node.urn}-${i}`;
        for (const node of t.graph.nodes)
          for (const k of Object.keys(node.props))
            if (/Name$/.test(k) && k !== "privateZoneName" && typeof node.props[k] === "string")
              node.props[k] = `${String(node.props[k])}-${i}`;
        resources.push(...t.graph.resources());
      }
      return resources;
    };
    /** CPU time (not wall time: other processes on the machine do not count) of the model and all rules. */
    const run = (resources: ReturnType<typeof stack>) => {
      const start = process.cpuUsage();
      const model = buildModel(resources);
      const rules: readonly StackRule<object>[] = stackRules;
      const violations = rules.flatMap((rule) =>
        rule.check(model, { ...rule.defaults, allowedModes: ["Disabled"] }),
      );
      const used = process.cpuUsage(start);
      return { violations, cpu: used.user + used.system };
    };
    run(stack(500)); // compiled before measuring, so the first measure is not the JIT's
    const small = stack(2_500);
    const large = stack(10_000);
    const smallRun = run(small);
    const largeRun = run(large);
    expect(large.length).to.be.at.least(10_000);
    expect(largeRun.violations.slice(0, 3).map((v) => v.message)).to.deep.equal([]);
    // Four times the resources: about four times the work when linear, sixteen when quadratic. The absolute
    // figures are the bench's (npm run bench), not a test's.
    expect(largeRun.cpu / smallRun.cpu).to.be.below(10);
  });
});
