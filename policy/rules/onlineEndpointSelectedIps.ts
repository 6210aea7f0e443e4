/** Rule 1: a managed online endpoint with public ingress in a workspace limited to selected IP addresses. */
import { benchmark } from "../pack/benchmark";
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { workspaceOf } from "../model/queries";
import { accessMode, AccessModes } from "../model/workspaceAccess";
import { isUnknown } from "../model/values";
import { quotes } from "./quotes";

export const onlineEndpointSelectedIps: StackRule<object> = {
  name: "online-endpoint-public-with-selected-ips",
  description:
    "A managed online endpoint must not have public ingress (explicit, or by default when omitted) in a workspace whose public access is limited to selected IP addresses.",
  enforcementLevel: "mandatory",
  configSchema: { properties: {} },
  defaults: {},
  severity: "high",
  framework: benchmark("NS-2"),
  remediationSteps: [
    "Disable public ingress on the managed online endpoint and reach it through the workspace's private endpoints, or stop limiting the workspace to selected IPs.",
    "",
    '- azure-native: `new machinelearningservices.OnlineEndpoint(name, { ..., onlineEndpointProperties: { authMode: "Key", publicNetworkAccess: "Disabled" } })`.',
    '- Components: keep `SecuredWorkspace` with `publicNetworkAccess: "EnabledFromSelectedIps"` only when no endpoint needs public ingress, or switch it to `"Disabled"` and reach the workspace through `WorkspaceNetwork` sets.',
  ].join("\n"),
  url: "https://learn.microsoft.com/azure/machine-learning/how-to-configure-private-link",
  tags: ["online-endpoint", "public-access", "selected-ips"],
  check: (model) =>
    model.onlineEndpoints.flatMap((endpoint) => {
      const workspace = workspaceOf(model, endpoint.workspace);
      if (!workspace || accessMode(workspace) !== AccessModes.selectedIps) return [];
      const access = endpoint.publicNetworkAccess;
      if (isUnknown(access) || access?.toLowerCase() === "disabled") return [];
      const how =
        access === undefined ? "(publicNetworkAccess is omitted, which Azure treats as Enabled)" : "enabled";
      return [
        {
          urn: endpoint.urn,
          message: message({
            subject: endpoint.label,
            problem: `has public ingress ${how} while ${workspace.label} limits public access to selected IP addresses`,
            quote: quotes.onlineEndpointSelectedIps,
            fix: `set the endpoint's publicNetworkAccess to "Disabled" and reach it through the workspace's private endpoints, or stop using selected IPs on the workspace`,
          }),
        },
      ];
    }),
};
