/**
 * Whether an Azure Synapse workspace's managed VNet can reach a private Azure Machine Learning workspace:
 * it needs a managed VNet, and Synapse data exfiltration protection is not supported with Azure ML.
 */
import type { ArgProblem } from "../validation/argProblem";

/** The Synapse workspace settings that matter here, as given to `synapse.Workspace`. */
export interface SynapseNetworkSettings {
  /** The workspace's `managedVirtualNetwork`: `default` when it has a managed VNet. */
  managedVirtualNetwork?: string;
  /** The workspace's `managedVirtualNetworkSettings.preventDataExfiltration`. */
  preventDataExfiltration?: boolean;
}

/** Why a Synapse workspace cannot reach a private Azure ML workspace through its managed VNet, if it cannot. */
export function synapseManagedVnetProblem(settings: SynapseNetworkSettings): ArgProblem | undefined {
  if (settings.managedVirtualNetwork !== "default") {
    return {
      propertyPath: "managedVirtualNetwork",
      reason:
        `${JSON.stringify(settings.managedVirtualNetwork)}: the Synapse workspace has no managed VNet, so it cannot ` +
        `hold managed private endpoints; create it with managedVirtualNetwork: "default"`,
    };
  }
  if (settings.preventDataExfiltration === true) {
    return {
      propertyPath: "preventDataExfiltration",
      reason:
        "true: Synapse data exfiltration protection is not supported with Azure Machine Learning; " +
        "use a Synapse workspace created with preventDataExfiltration: false (it cannot be changed afterwards)",
    };
  }
  return undefined;
}
