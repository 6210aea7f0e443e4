/**
 * Two programs that declare the same endpoint sets of an existing workspace: one with our
 * `WorkspaceNetwork` component, one flat with raw azure-native resources of the same names and inputs,
 * as a user without the components would write them.
 */
import * as authorization from "@pulumi/azure-native/authorization";
import * as network from "@pulumi/azure-native/network";
import * as privatedns from "@pulumi/azure-native/privatedns";
import * as resources from "@pulumi/azure-native/resources";
import { WorkspaceNetwork } from "../sdk";
import { endpointSetLayouts, endpointSetName } from "./endpointSetLayouts";
import { existingWorkspace as ws } from "./existingWorkspace";

/** `WorkspaceNetwork` with `sets` endpoint sets. */
export function componentProgram(sets: number): () => void {
  return () => {
    new WorkspaceNetwork("net", { ...ws, sets: endpointSetLayouts(sets) });
  };
}

const zoneNames: Record<string, string> = {
  api: "privatelink.api.azureml.ms",
  notebooks: "privatelink.notebooks.azure.net",
  blob: "privatelink.blob.core.windows.net",
  file: "privatelink.file.core.windows.net",
  vaultcore: "privatelink.vaultcore.azure.net",
  azurecr: "privatelink.azurecr.io",
};

const endpoints = [
  {
    key: "workspace-amlworkspace",
    target: ws.workspaceId,
    groupId: "amlworkspace",
    zones: ["api", "notebooks"],
  },
  { key: "storage-blob", target: ws.storageAccountId, groupId: "blob", zones: ["blob"], reader: true },
  { key: "storage-file", target: ws.storageAccountId, groupId: "file", zones: ["file"], reader: true },
  { key: "vault-vault", target: ws.keyVaultId, groupId: "vault", zones: ["vaultcore"] },
  { key: "registry-registry", target: ws.containerRegistryId, groupId: "registry", zones: ["azurecr"] },
];

const readerRole = "acdd72a7-3385-48ef-bd42-f606fba81ae7";

/** The same resources as {@link componentProgram}, declared flat. */
export function flatProgram(sets: number): () => void {
  return () => {
    const layouts = endpointSetLayouts(sets);
    for (let i = 0; i < sets; i++) {
      const name = `net-${endpointSetName(i)}`;
      const layout = layouts[endpointSetName(i)];
      const { resourceGroupName, location } = ws;
      const vnet = new network.VirtualNetwork(`${name}-vnet`, {
        resourceGroupName,
        location,
        addressSpace: { addressPrefixes: layout.addressSpace },
      });
      const subnet = new network.Subnet(`${name}-endpoints`, {
        resourceGroupName,
        virtualNetworkName: vnet.name,
        addressPrefix: layout.endpointSubnetPrefix,
        privateEndpointNetworkPolicies: "Disabled",
        // Endpoints only (no computes): private, as the component makes it.
        ...(layout.servicesSet ? {} : { defaultOutboundAccess: false }),
      });
      const dns = new resources.ResourceGroup(`${name}-dns`, { location });
      const zoneIds: Record<string, typeof vnet.id> = {};
      for (const [key, zoneName] of Object.entries(zoneNames)) {
        const zone = new privatedns.PrivateZone(`${name}-zone-${key}`, {
          resourceGroupName: dns.name,
          location: "global",
          privateZoneName: zoneName,
        });
        new privatedns.VirtualNetworkLink(`${name}-link-${key}`, {
          resourceGroupName: dns.name,
          privateZoneName: zone.name,
          location: "global",
          virtualNetwork: { id: vnet.id },
          registrationEnabled: false,
        });
        zoneIds[key] = zone.id;
      }
      for (const e of endpoints) {
        const pe = new network.PrivateEndpoint(`${name}-pe-${e.key}`, {
          resourceGroupName,
          location,
          subnet: { id: subnet.id },
          privateLinkServiceConnections: [
            { name: e.key, privateLinkServiceId: e.target, groupIds: [e.groupId] },
          ],
        });
        new network.PrivateDnsZoneGroup(`${name}-zg-${e.key}`, {
          resourceGroupName,
          privateEndpointName: pe.name,
          privateDnsZoneGroupName: "default",
          privateDnsZoneConfigs: e.zones.map((key) => ({ name: key, privateDnsZoneId: zoneIds[key] })),
        });
        if (e.reader) {
          new authorization.RoleAssignment(`${name}-reader-${e.key}`, {
            scope: pe.id,
            principalId: ws.workspacePrincipalId,
            principalType: "ServicePrincipal",
            roleDefinitionId: pe.id.apply(
              (id) =>
                `/subscriptions/${id.split("/")[2]}/providers/Microsoft.Authorization/roleDefinitions/${readerRole}`,
            ),
          });
        }
      }
    }
  };
}
