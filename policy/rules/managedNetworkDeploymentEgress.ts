/** Managed network (4): an online deployment setting the legacy egress flag in a managed-network workspace. */
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { managedNetworkWorkspaceOf } from "../model/queries";
import { managedNetworkDocs, managedNetworkRuleBase } from "./managedNetworkMetadata";
import { quotes } from "./quotes";

export const managedNetworkDeploymentEgress: StackRule<object> = {
  name: "managed-network-deployment-egress-flag",
  description:
    "An online deployment in a workspace with a managed network should not set egressPublicNetworkAccess: the flag no longer applies, the managed network's outbound rules govern egress.",
  enforcementLevel: "advisory",
  ...managedNetworkRuleBase,
  severity: "low",
  remediationSteps: [
    "Remove `egressPublicNetworkAccess` from the deployment (azure-native `OnlineDeployment`: `properties.egressPublicNetworkAccess`).",
    "Control the deployment's outbound traffic with the workspace's managed network instead: isolation mode `AllowOnlyApprovedOutbound` and outbound rules (`SecuredWorkspace`: `managedNetwork.privateEndpointRules`, `fqdnRules`, `serviceTagRules`).",
  ].join("\n"),
  url: managedNetworkDocs.onlineEndpoints,
  check: (model) =>
    model.onlineDeployments.flatMap((deployment) => {
      const workspace = managedNetworkWorkspaceOf(model, deployment.workspace);
      const flag = deployment.egressPublicNetworkAccess;
      // Unknown: the whole body may be unknown at preview, which does not say the flag is set.
      if (!workspace || typeof flag !== "string") return [];
      return [
        {
          urn: deployment.urn,
          message: message({
            subject: deployment.label,
            problem: `sets egressPublicNetworkAccess to ${flag}, but ${workspace.label} has a managed network (${String(workspace.managedNetworkMode)})`,
            quote: quotes.managedNetworkDeploymentEgress,
            fix: "remove egressPublicNetworkAccess from the deployment and govern its egress with the workspace's outbound rules",
          }),
        },
      ];
    }),
};
