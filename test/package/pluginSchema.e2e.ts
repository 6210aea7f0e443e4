import { expect } from "chai";
import type { PackageSpec } from "@pulumi/pulumi/provider/experimental/schema";
import { pluginArtifact } from "./packageArtifacts";
import type { PluginSchema } from "./pluginSchema";

const token = (name: string) => `azureml-network-isolation:index:${name}`;
const ref = (name: string) => ({ $ref: `#/types/${token(name)}` });

/**
 * What each component must offer other languages: its required inputs, the schema type of chosen inputs and
 * the outputs a consumer wires onwards. Every input and output must also carry its TSDoc as a description.
 */
const expected: Record<
  string,
  { required: string[]; inputs: Record<string, object>; outputs: Record<string, object> }
> = {
  SecuredWorkspace: {
    required: ["imageBuildCompute", "location", "resourceGroupName"],
    inputs: {
      publicNetworkAccess: ref("PublicNetworkAccess"),
      allowedIpRanges: { type: "array", items: { type: "string" } },
      tags: { type: "object", additionalProperties: { type: "string" } },
      protectStatefulResources: { type: "boolean" },
      managedNetwork: ref("ManagedNetworkArgs"),
    },
    outputs: {
      managedNetworkIsolationMode: ref("IsolationModes"),
      workspaceId: { type: "string" },
      principalId: { type: "string" },
      storageAccountId: { type: "string" },
      publicNetworkAccess: ref("PublicNetworkAccess"),
    },
  },
  PrivateEndpointSet: {
    required: [
      "containerRegistryId",
      "keyVaultId",
      "location",
      "resourceGroupName",
      "storageAccountId",
      "workspaceId",
    ],
    inputs: {
      dnsMode: ref("DnsModes"),
      addressSpace: { type: "array", items: { type: "string" }, plain: true },
      existingZoneIds: { type: "object", additionalProperties: { type: "string" }, plain: true },
      servicesSet: { type: "boolean" },
    },
    outputs: {
      subnetId: { type: "string" },
      endpointIds: { type: "object", additionalProperties: { type: "string" } },
      dnsRecords: { type: "array", items: ref("DnsRecord") },
    },
  },
  WorkspaceNetwork: {
    required: [
      "containerRegistryId",
      "keyVaultId",
      "location",
      "resourceGroupName",
      "sets",
      "storageAccountId",
      "workspaceId",
    ],
    inputs: {
      sets: {
        type: "object",
        additionalProperties: { ...ref("EndpointSetLayoutArgs"), plain: true },
        plain: true,
      },
    },
    outputs: {
      servicesSubnetId: { type: "string" },
      subnetIds: { type: "object", additionalProperties: { type: "string" } },
      virtualNetworkNames: { type: "object", additionalProperties: { type: "string" } },
    },
  },
  PrivateCompute: {
    required: ["kind", "resourceGroupName", "vmSize", "workspaceLocation", "workspaceName"],
    inputs: {
      kind: ref("PrivateComputeKinds"),
      maxNodes: { type: "number" },
      managedNetwork: { type: "boolean" },
    },
    outputs: { computeId: { type: "string" } },
  },
  AttachedAksCompute: {
    required: ["clusterId", "clusterLocation", "resourceGroupName", "workspaceLocation", "workspaceName"],
    inputs: { clusterId: { type: "string" } },
    outputs: { computeId: { type: "string" } },
  },
  DataFactoryManagedEndpoints: {
    required: [
      "containerRegistryId",
      "factoryName",
      "factoryResourceGroupName",
      "keyVaultId",
      "storageAccountId",
      "workspaceId",
    ],
    inputs: {
      workspaceId: { type: "string" },
      additionalStorageAccounts: { type: "object", additionalProperties: { type: "string" }, plain: true },
    },
    outputs: { managedEndpointIds: { type: "object", additionalProperties: { type: "string" } } },
  },
  SynapseManagedEndpoints: {
    required: [
      "containerRegistryId",
      "keyVaultId",
      "storageAccountId",
      "synapseWorkspaceName",
      "workspaceId",
    ],
    inputs: { workspaceId: { type: "string" }, synapseWorkspaceName: { type: "string" } },
    outputs: {},
  },
  CentralPrivateDns: {
    required: ["location", "resourceGroupName"],
    inputs: {
      virtualNetworkIds: { type: "object", additionalProperties: { type: "string" }, plain: true },
      resolverVirtualNetworkId: { type: "string" },
      tags: { type: "object", additionalProperties: { type: "string" } },
    },
    outputs: {
      zoneIds: { type: "object", additionalProperties: { type: "string" } },
      inboundEndpointIp: { type: "string" },
    },
  },
};

const enums: Record<string, string[]> = {
  PublicNetworkAccess: ["Disabled", "Enabled", "EnabledFromSelectedIps"],
  DnsModes: ["OwnZones", "ExistingZones", "None", "AzurePolicy"],
  PrivateComputeKinds: ["Cluster", "Instance"],
  IsolationModes: ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"],
  FirewallSkus: ["Standard", "Basic"],
  HubPeerings: ["BothWays", "ThisSideOnly"],
  SubnetOutbounds: ["None", "NatGateway", "Firewall", "Default"],
};

/** Object types of nested arguments, with properties the schema must carry. */
const objectTypes: Record<string, Record<string, object>> = {
  ManagedNetworkArgs: {
    isolationMode: ref("IsolationModes"),
    firewallSku: ref("FirewallSkus"),
    fqdnRules: { type: "object", additionalProperties: { ...ref("FqdnRuleArgs"), plain: true } },
    privateEndpointRules: {
      type: "object",
      additionalProperties: { ...ref("PrivateEndpointRuleArgs"), plain: true },
    },
    serviceTagRules: { type: "object", additionalProperties: { ...ref("ServiceTagRuleArgs"), plain: true } },
    provisionAtCreation: { type: "boolean" },
  },
  PrivateEndpointRuleArgs: { serviceResourceId: { type: "string" }, sparkEnabled: { type: "boolean" } },
  // A set as a spoke: peering, DNS servers, egress, which endpoints.
  EndpointSetLayoutArgs: {
    hubVirtualNetworkId: { type: "string" },
    hubPeering: ref("HubPeerings"),
    // Further VNets by key, each peered like the hub.
    peerings: { type: "object", additionalProperties: { ...ref("VnetPeeringArgs"), plain: true } },
    dnsServers: { type: "array", items: { type: "string" } },
    subnetOutbound: ref("SubnetOutbounds"),
    endpoints: { type: "array", items: { type: "string" } },
  },
  ServiceTagRuleArgs: { addressPrefixes: { type: "array", items: { type: "string" } } },
  VnetPeeringArgs: {
    remoteVirtualNetworkId: { type: "string" },
    remoteAddressSpace: { type: "array", items: { type: "string" } },
    peering: ref("HubPeerings"),
  },
};

describe("multi-language schema (Pulumi's component analyzer over the package source)", function () {
  this.timeout(240_000);
  let plugin: PluginSchema;
  let schema: PackageSpec;

  before(() => {
    plugin = pluginArtifact();
    schema = plugin.schema;
  });

  it("finds every exported component, including the expected ones", () => {
    expect(plugin.componentNames).to.include.members(Object.keys(expected));
  });

  it("accepts every exported component", () => {
    expect(plugin.rejected).to.deep.equal({});
  });

  for (const [component, spec] of Object.entries(expected)) {
    it(`describes ${component}: required inputs, input and output types, descriptions`, () => {
      expect(plugin.rejected[component], plugin.rejected[component]).to.equal(undefined);
      const resource = schema.resources[token(component)];
      expect(resource, token(component)).to.not.equal(undefined);
      expect(resource.isComponent).to.equal(true);
      expect(resource.requiredInputs).to.deep.equal(spec.required);
      for (const [input, type] of Object.entries(spec.inputs)) {
        expect(resource.inputProperties![input], input).to.deep.include(type);
      }
      for (const [output, type] of Object.entries(spec.outputs)) {
        expect(resource.properties![output], output).to.deep.include(type);
      }
      const undescribed = [
        ...Object.entries(resource.inputProperties ?? {}).map(([p, d]) => [`input ${p}`, d] as const),
        ...Object.entries(resource.properties ?? {}).map(([p, d]) => [`output ${p}`, d] as const),
      ]
        .filter(([, d]) => !d.description?.trim())
        .map(([p]) => p);
      expect(undescribed, "properties without a TSDoc description").to.deep.equal([]);
    });
  }

  it("publishes the enums with their values", () => {
    for (const [name, values] of Object.entries(enums)) {
      expect(
        schema.types[token(name)]?.enum?.map((e) => e.value),
        name,
      ).to.deep.equal(values);
    }
  });

  it("publishes the managed network's nested argument types with their properties", () => {
    for (const [name, properties] of Object.entries(objectTypes)) {
      const type = schema.types[token(name)];
      expect(type, name).to.not.equal(undefined);
      for (const [property, spec] of Object.entries(properties)) {
        expect(type.properties?.[property], `${name}.${property}`).to.deep.include(spec);
        expect(type.properties?.[property]?.description, `${name}.${property}`).to.be.a("string");
      }
    }
  });

  it("uses only the index module, as multi-language hosting requires", () => {
    for (const name of [...Object.keys(schema.resources), ...Object.keys(schema.types)]) {
      expect(name.split(":")[1], name).to.equal("index");
    }
  });
});
