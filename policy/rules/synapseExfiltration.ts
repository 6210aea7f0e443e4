/** Rule 11: Synapse data exfiltration protection is not supported with Azure ML. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { quotes } from "./quotes";

export const synapseExfiltration: StackRule<object> = {
  name: "synapse-exfiltration-protection-with-ml",
  description:
    "A Synapse workspace with data exfiltration protection must not have a managed private endpoint to an Azure ML workspace.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "medium",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Use a Synapse workspace without data exfiltration protection to reach Azure ML, or reach the workspace another way.",
    "",
    "- azure-native: `synapse.Workspace` with `managedVirtualNetworkSettings.preventDataExfiltration: false` (set at creation only) for the `ManagedPrivateEndpoint` to the ML workspace.",
    "- Components: the ML side stays a `SecuredWorkspace` reached through `WorkspaceNetwork` private endpoints from the clients' VNet.",
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["synapse", "managed-private-endpoint"],
  check: (model) =>
    model.managedEndpoints.flatMap((endpoint) => {
      if (endpoint.service !== "synapse" || endpoint.targetKind !== "workspace") return [];
      const host = typeof endpoint.host === "string" ? model.synapseWorkspaces.get(endpoint.host) : undefined;
      if (host?.preventDataExfiltration !== true) return [];
      return [
        {
          urn: endpoint.urn,
          message: message({
            subject: endpoint.label,
            problem: `connects ${host.label}, which has data exfiltration protection on, to ${model.label(endpoint.target as string)}`,
            quote: quotes.synapseExfiltration,
            fix: "use a Synapse workspace without data exfiltration protection (it can only be chosen at creation), or reach the ML workspace another way",
          }),
        },
      ];
    }),
};
