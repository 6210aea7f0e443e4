/**
 * The organisation-scale stack written with the classic `@pulumi/azure` provider, as a team that never
 * moved to azure-native would: per workspace its storage account, key vault, Premium registry and
 * Application Insights, the private workspace, several complete endpoint sets (VNet, endpoint subnet, one
 * endpoint per group id with an inline zone group, the set's own zones linked to its VNet), an image-build
 * cluster and a compute instance. Same shape as the components' organisation program, other provider.
 */
import * as appinsights from "@pulumi/azure/appinsights";
import * as containerservice from "@pulumi/azure/containerservice";
import * as core from "@pulumi/azure/core";
import * as keyvault from "@pulumi/azure/keyvault";
import * as ml from "@pulumi/azure/machinelearning";
import * as network from "@pulumi/azure/network";
import * as privatedns from "@pulumi/azure/privatedns";
import * as privatelink from "@pulumi/azure/privatelink";
import * as storage from "@pulumi/azure/storage";
import type * as pulumi from "@pulumi/pulumi";
import { GroupIds, zonesFor, type GroupId } from "../policy/azure/clouds";
import { fakeTenantId } from "../plan/fakeAzure";
import type { EndpointSetLayoutArgs } from "../sdk";
import { endpointSetLayouts } from "./endpointSetLayouts";
import { workspaceName, type OrganisationShape } from "./organisationProgram";

const location = "westeurope";

type Target = "workspace" | "storage" | "vault" | "registry";

/** The endpoints of a complete set: group id and the resource of the workspace it targets. */
const endpoints: readonly [GroupId, Target][] = [
  [GroupIds.amlworkspace, "workspace"],
  [GroupIds.blob, "storage"],
  [GroupIds.file, "storage"],
  [GroupIds.vault, "vault"],
  [GroupIds.registry, "registry"],
];

export interface ClassicSetEndpointArgs {
  /** Names the set's resources. */
  prefix: string;
  groupId: string;
  resourceGroupName: pulumi.Input<string>;
  vnetId: pulumi.Input<string>;
  subnetId: pulumi.Input<string>;
  target: pulumi.Input<string>;
  /** The zones the endpoint's records go to (the set's own instances). */
  zoneNames: readonly string[];
  /** Zones left unlinked from the set's VNet (a documented mistake, for tests). */
  unlinkedZones?: readonly string[];
  /** False leaves the endpoint without a zone group (a documented mistake, for tests). */
  zoneGroup?: boolean;
}

/** One endpoint of a classic set: its zones linked to the set's VNet, named in its inline zone group. */
export function classicSetEndpoint(args: ClassicSetEndpointArgs): void {
  const { prefix, groupId, resourceGroupName } = args;
  const zones = args.zoneNames.map((zoneName) => {
    const zone = new privatedns.Zone(`${prefix}-${zoneName}`, { name: zoneName, resourceGroupName });
    if (!args.unlinkedZones?.includes(zoneName)) {
      new privatedns.ZoneVirtualNetworkLink(`${prefix}-${zoneName}-link`, {
        name: `link-${prefix}`,
        resourceGroupName,
        privateDnsZoneName: zone.name,
        virtualNetworkId: args.vnetId,
        registrationEnabled: false,
      });
    }
    return zone;
  });
  new privatelink.Endpoint(`${prefix}-pe-${groupId}`, {
    name: `pe-${prefix}-${groupId}`,
    resourceGroupName,
    location,
    subnetId: args.subnetId,
    privateServiceConnection: {
      name: `${prefix}-${groupId}`,
      isManualConnection: false,
      privateConnectionResourceId: args.target,
      subresourceNames: [groupId],
    },
    privateDnsZoneGroup:
      args.zoneGroup === false ? undefined : { name: "default", privateDnsZoneIds: zones.map((z) => z.id) },
  });
}

function endpointSet(
  name: string,
  set: string,
  layout: EndpointSetLayoutArgs,
  targets: Record<Target, pulumi.Input<string>>,
): pulumi.Output<string> {
  const prefix = `${name}-${set}`;
  const rg = new core.ResourceGroup(`${prefix}-rg`, { name: `rg-${prefix}`, location });
  const vnet = new network.VirtualNetwork(`${prefix}-vnet`, {
    name: `vnet-${prefix}`,
    resourceGroupName: rg.name,
    location,
    addressSpaces: layout.addressSpace,
  });
  const subnet = new network.Subnet(`${prefix}-snet`, {
    name: "snet-pe",
    resourceGroupName: rg.name,
    virtualNetworkName: vnet.name,
    addressPrefixes: [layout.endpointSubnetPrefix!],
    privateEndpointNetworkPolicies: "Disabled",
    // Explicit outbound only (Azure Policy 7bca8353): egress goes through the organisation's NAT or firewall.
    defaultOutboundAccessEnabled: false,
  });
  for (const [groupId, target] of endpoints) {
    classicSetEndpoint({
      prefix,
      groupId,
      resourceGroupName: rg.name,
      vnetId: vnet.id,
      subnetId: subnet.id,
      target: targets[target],
      zoneNames: zonesFor("AzureCloud", groupId),
    });
  }
  return subnet.id;
}

export function classicOrganisationProgram(shape: OrganisationShape): () => void {
  return () => {
    for (let w = 0; w < shape.workspaces; w++) {
      const name = workspaceName(w);
      const rg = new core.ResourceGroup(`${name}-rg`, { name: `rg-${name}`, location });
      const common = { resourceGroupName: rg.name, location };
      const storageAccount = new storage.Account(`${name}-st`, {
        ...common,
        name: `st${name}`,
        accountTier: "Standard",
        accountReplicationType: "LRS",
        publicNetworkAccessEnabled: false,
        allowNestedItemsToBePublic: false,
        networkRules: { defaultAction: "Deny", bypasses: ["AzureServices"] },
      });
      const vault = new keyvault.KeyVault(`${name}-kv`, {
        ...common,
        name: `kv-${name}`,
        tenantId: fakeTenantId,
        skuName: "standard",
        publicNetworkAccessEnabled: false,
      });
      const registry = new containerservice.Registry(`${name}-acr`, {
        ...common,
        name: `acr${name}`,
        sku: "Premium",
        publicNetworkAccessEnabled: false,
      });
      const insights = new appinsights.Insights(`${name}-appi`, {
        ...common,
        name: `appi-${name}`,
        applicationType: "web",
      });
      const workspace = new ml.Workspace(name, {
        ...common,
        name: `mlw-${name}`,
        identity: { type: "SystemAssigned" },
        applicationInsightsId: insights.id,
        storageAccountId: storageAccount.id,
        keyVaultId: vault.id,
        containerRegistryId: registry.id,
        publicNetworkAccessEnabled: false,
        imageBuildComputeName: "cpu-cluster",
      });
      const targets = {
        workspace: workspace.id,
        storage: storageAccount.id,
        vault: vault.id,
        registry: registry.id,
      };
      const subnets = Object.entries(endpointSetLayouts(shape.setsPerWorkspace)).map(([set, layout]) =>
        endpointSet(name, set, layout, targets),
      );
      const compute = { machineLearningWorkspaceId: workspace.id, subnetResourceId: subnets[0] };
      new ml.ComputeCluster(`${name}-build`, {
        ...compute,
        name: "cpu-cluster",
        location,
        vmPriority: "Dedicated",
        vmSize: "Standard_DS3_v2",
        scaleSettings: { minNodeCount: 0, maxNodeCount: 2, scaleDownNodesAfterIdleDuration: "PT15M" },
        localAuthEnabled: false,
        nodePublicIpEnabled: false,
      });
      new ml.ComputeInstance(`${name}-instance`, {
        ...compute,
        name: `ci-${name}`,
        virtualMachineSize: "Standard_DS3_v2",
        localAuthEnabled: false,
        nodePublicIpEnabled: false,
      });
    }
  };
}
