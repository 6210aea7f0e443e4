/**
 * Azure Synapse managed VNets and Azure Machine Learning. Synapse managed private endpoints are a data-plane
 * API (not in azure-native), so the product only checks the Synapse workspace: data exfiltration protection
 * is not supported with Azure Machine Learning.
 */

/** The Synapse workspace settings that matter here. */
export interface SynapseNetworkSettings {
  /** Whether the workspace has a managed VNet. */
  managedVirtualNetwork?: string;
  managedVirtualNetworkSettings?: { preventDataExfiltration?: boolean };
}

/** Why a Synapse workspace cannot reach a private Azure ML workspace through its managed VNet, if it cannot. */
export function synapseManagedVnetProblem(settings: SynapseNetworkSettings): string | undefined {
  if (settings.managedVirtualNetwork !== "default") {
    return "the Synapse workspace has no managed VNet (managedVirtualNetwork: default), so it cannot hold managed private endpoints";
  }
  if (settings.managedVirtualNetworkSettings?.preventDataExfiltration === true) {
    return "data exfiltration protection is not supported with Azure Machine Learning; set preventDataExfiltration: false";
  }
  return undefined;
}
