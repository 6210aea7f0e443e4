/**
 * The engine-faithful topologies written with the classic `@pulumi/azure` provider (6.x) instead of
 * azure-native: a private workspace with its storage account, key vault and registry; per VNet, endpoints
 * with inline zone groups and the set's own zones linked to that VNet. The services VNet declares its
 * subnet as a resource, the clients VNet inline. Each documented mistake is an option, so one program can
 * hold several independent ones, each found on its own resource.
 */
import * as appinsights from "@pulumi/azure/appinsights";
import * as containerservice from "@pulumi/azure/containerservice";
import * as core from "@pulumi/azure/core";
import * as keyvault from "@pulumi/azure/keyvault";
import * as ml from "@pulumi/azure/machinelearning";
import * as network from "@pulumi/azure/network";
import * as storage from "@pulumi/azure/storage";
import * as pulumi from "@pulumi/pulumi";
import { classicSetEndpoint } from "../../../bench/classicOrganisationProgram";
import { fakeTenantId } from "../../../plan/fakeAzure";
import { allGroupIds, targetOf, zoneNames, type EndpointSetArgs, type GroupId } from "./endpointSet";
import { existingIds } from "./existingIds";
import type { Existing } from "./placement";
import { location, type Targets } from "./workspaceWithDependencies";

/** The documented mistakes a classic program can make, each off by default. */
export interface ClassicMistakes {
  registrySku?: "Basic" | "Standard";
  /** The workspace names no image-build compute although its dependencies are private. */
  noImageBuildCompute?: boolean;
  /** Group ids whose endpoints get no zone group. */
  noZoneGroup?: readonly GroupId[];
  /** The workspace endpoint's zone group names only the api zone. */
  noNotebooksZone?: boolean;
  /** Zones not linked to their set's VNet. */
  unlinkedZones?: readonly string[];
  /** The clients VNet's address space (e.g. the Docker bridge's 172.17.0.0/16). */
  clientsCidr?: string;
  clientsSubnetCidr?: string;
  /** Endpoint subnets with network policies on. */
  endpointPolicies?: "Enabled";
  /** A compute cluster in another region than the workspace. */
  computeLocation?: string;
  /** A compute instance in a VNet holding no workspace endpoint. */
  instanceInOtherVnet?: boolean;
}

function workspaceWithDependencies(existing: Existing, mistakes: ClassicMistakes): Targets {
  if (existing === "workspace") return existingIds;
  const rg = new core.ResourceGroup("ml-rg", { name: "rg-ml", location });
  const deps =
    existing === "dependencies"
      ? existingIds
      : {
          storage: new storage.Account("st", {
            name: "stml",
            resourceGroupName: rg.name,
            location,
            accountTier: "Standard",
            accountReplicationType: "LRS",
            publicNetworkAccessEnabled: false,
          }).id,
          vault: new keyvault.KeyVault("kv", {
            name: "kv-ml",
            resourceGroupName: rg.name,
            location,
            tenantId: fakeTenantId,
            skuName: "standard",
            publicNetworkAccessEnabled: false,
          }).id,
          registry: new containerservice.Registry("acr", {
            name: "acrml",
            resourceGroupName: rg.name,
            location,
            sku: mistakes.registrySku ?? "Premium",
            publicNetworkAccessEnabled: false,
          }).id,
        };
  const insights = new appinsights.Insights("appi", {
    name: "appi-ml",
    resourceGroupName: rg.name,
    location,
    applicationType: "web",
  });
  const workspace = new ml.Workspace("mlw", {
    name: "mlw-private",
    resourceGroupName: rg.name,
    location,
    identity: { type: "SystemAssigned" },
    applicationInsightsId: insights.id,
    storageAccountId: deps.storage,
    keyVaultId: deps.vault,
    containerRegistryId: deps.registry,
    publicNetworkAccessEnabled: false,
    // ACR tasks cannot build images behind private dependencies.
    imageBuildComputeName: mistakes.noImageBuildCompute ? undefined : "cpu-cluster",
  });
  return { workspace: workspace.id, storage: deps.storage, vault: deps.vault, registry: deps.registry };
}

interface SetArgs extends EndpointSetArgs {
  /** Declare the endpoint subnet inline in the VNet rather than as a Subnet resource. */
  inlineSubnet: boolean;
  mistakes: ClassicMistakes;
}

function setNetwork(args: SetArgs, resourceGroupName: pulumi.Input<string>) {
  if (args.existingNetwork) {
    return { vnetId: existingIds.vnet(args.prefix), subnetId: existingIds.subnet(args.prefix) };
  }
  const subnet = {
    name: "snet-pe",
    addressPrefixes: [args.subnetCidr],
    privateEndpointNetworkPolicies: args.mistakes.endpointPolicies ?? "Disabled",
  };
  const vnet = new network.VirtualNetwork(`${args.prefix}-vnet`, {
    name: `vnet-${args.prefix}`,
    resourceGroupName,
    location,
    addressSpaces: [args.cidr],
    subnets: args.inlineSubnet ? [subnet] : undefined,
  });
  if (args.inlineSubnet) {
    return { vnetId: vnet.id, subnetId: pulumi.interpolate`${vnet.id}/subnets/${subnet.name}` };
  }
  const standalone = new network.Subnet(`${args.prefix}-snet`, {
    ...subnet,
    resourceGroupName,
    virtualNetworkName: vnet.name,
  });
  return { vnetId: vnet.id, subnetId: standalone.id };
}

function endpointSet(args: SetArgs): { subnetId: pulumi.Input<string> } {
  const { prefix, mistakes } = args;
  const rg = new core.ResourceGroup(`${prefix}-rg`, { name: `rg-${prefix}`, location });
  const { vnetId, subnetId } = setNetwork(args, rg.name);
  for (const groupId of args.groupIds) {
    classicSetEndpoint({
      prefix,
      groupId,
      resourceGroupName: rg.name,
      vnetId,
      subnetId,
      target: args.targets[targetOf[groupId]],
      zoneNames: zoneNames[groupId].filter(
        (zone) => !(mistakes.noNotebooksZone && zone === "privatelink.notebooks.azure.net"),
      ),
      unlinkedZones: mistakes.unlinkedZones,
      zoneGroup: !mistakes.noZoneGroup?.includes(groupId),
    });
  }
  return { subnetId };
}

/** The workspace, its services VNet endpoint set and, with `clientGroupIds`, a clients VNet's set. */
export function classicTopology(
  existing: Existing,
  clientGroupIds?: readonly GroupId[],
  mistakes: ClassicMistakes = {},
): () => void {
  return () => {
    const targets = workspaceWithDependencies(existing, mistakes);
    const existingNetwork = existing === "network";
    const common = { targets, existingNetwork, mistakes };
    const services = endpointSet({
      ...common,
      prefix: "services",
      cidr: "10.10.0.0/16",
      subnetCidr: "10.10.1.0/24",
      groupIds: allGroupIds,
      inlineSubnet: false,
    });
    if (existing !== "workspace") {
      new ml.ComputeCluster("cpu-cluster", {
        name: "cpu-cluster",
        machineLearningWorkspaceId: targets.workspace,
        location: mistakes.computeLocation ?? location,
        vmPriority: "Dedicated",
        vmSize: "Standard_DS3_v2",
        scaleSettings: { minNodeCount: 0, maxNodeCount: 2, scaleDownNodesAfterIdleDuration: "PT15M" },
        subnetResourceId: services.subnetId,
        localAuthEnabled: false,
        nodePublicIpEnabled: false,
      });
    }
    if (clientGroupIds) {
      endpointSet({
        ...common,
        prefix: "clients",
        cidr: mistakes.clientsCidr ?? "10.20.0.0/16",
        subnetCidr: mistakes.clientsSubnetCidr ?? "10.20.1.0/24",
        groupIds: clientGroupIds,
        inlineSubnet: true,
      });
    }
    if (mistakes.instanceInOtherVnet && existing !== "workspace") {
      const rg = new core.ResourceGroup("compute-rg", { name: "rg-compute", location });
      const vnet = new network.VirtualNetwork("compute-vnet", {
        name: "vnet-compute",
        resourceGroupName: rg.name,
        location,
        addressSpaces: ["10.30.0.0/16"],
      });
      const subnet = new network.Subnet("compute-snet", {
        name: "snet-compute",
        resourceGroupName: rg.name,
        virtualNetworkName: vnet.name,
        addressPrefixes: ["10.30.1.0/24"],
      });
      new ml.ComputeInstance("ci", {
        name: "ci-data-scientist",
        machineLearningWorkspaceId: targets.workspace,
        virtualMachineSize: "Standard_DS3_v2",
        subnetResourceId: subnet.id,
        // Provider defaults: local auth on, public IPs on.
      });
    }
  };
}
