/**
 * Managed network (6): the isolation mode an organisation requires, as Azure Policy built-in 6ddb1705
 * checks it (`managedNetwork.isolationMode` notEquals the assigned mode). The built-in's parameter defaults
 * to Disabled, which flags the very mode its display name asks for. This rule's default flags only
 * AllowInternetOutbound, where managed computes reach the whole internet: Disabled is the customer-VNet
 * design, which the pack's other rules govern. A workspace without `managedNetwork` has the mode Azure gives
 * it: Disabled. Hub
 * projects are not among the model's workspaces (they use the hub's network, checked once), and workspaces
 * whose kind is unknown at preview are left out.
 */
import { message } from "../pack/message";
import type { StackRule } from "../pack/rule";
import { effectiveManagedNetworkMode } from "../model/queries";
import { isUnknown } from "../model/values";
import {
  managedNetworkDocs,
  managedNetworkExample,
  managedNetworkTags,
  networkControls,
} from "./managedNetworkMetadata";
import { quotes } from "./quotes";

export const isolationModes = ["Disabled", "AllowInternetOutbound", "AllowOnlyApprovedOutbound"] as const;

export interface IsolationModeConfig {
  /** The managed network isolation modes a workspace may use. */
  allowedModes: string[];
}

export const workspaceManagedNetworkIsolationMode: StackRule<IsolationModeConfig> = {
  name: "workspace-managed-network-isolation-mode",
  description:
    "An ML workspace should use a managed network isolation mode the organisation allows (default: Disabled, the customer-VNet design, or AllowOnlyApprovedOutbound; set [AllowOnlyApprovedOutbound] to mirror Azure Policy built-in 6ddb1705); a workspace without managedNetwork counts as Disabled.",
  enforcementLevel: "advisory",
  configSchema: {
    properties: {
      allowedModes: {
        type: "array",
        items: { type: "string", enum: [...isolationModes] },
        minItems: 1,
        uniqueItems: true,
        default: ["Disabled", "AllowOnlyApprovedOutbound"],
      },
    },
  },
  defaults: { allowedModes: ["Disabled", "AllowOnlyApprovedOutbound"] },
  severity: "medium",
  framework: networkControls,
  remediationSteps: [
    "Give the workspace an allowed isolation mode. Modes only move forward (Disabled, then AllowInternetOutbound, then AllowOnlyApprovedOutbound): a managed network cannot be turned off again, and enabling it on an existing workspace means recreating its computes.",
    managedNetworkExample("AllowOnlyApprovedOutbound", "", "provisionNetworkNow: true"),
    'Organisations that assign Azure Policy 6ddb1705 as Microsoft names it set `allowedModes: ["AllowOnlyApprovedOutbound"]` in the pack config.',
  ].join("\n"),
  url: managedNetworkDocs.howTo,
  tags: [...managedNetworkTags, "azure-policy:6ddb1705-c8cf-450e-aa4b-19ad6703c440"],
  check: (model, config) =>
    model.workspaces.flatMap((workspace) => {
      if (isUnknown(workspace.workspaceKind)) return [];
      const mode = effectiveManagedNetworkMode(workspace);
      if (isUnknown(mode) || mode === undefined) return [];
      const allowed = config.allowedModes.map((m) => m.toLowerCase());
      if (allowed.includes(mode.toLowerCase())) return [];
      const declared =
        workspace.managedNetworkMode === undefined
          ? "no managed network (managedNetwork omitted, which Azure treats as Disabled)"
          : `managed network isolation mode ${mode}`;
      return [
        {
          urn: workspace.urn,
          message: message({
            subject: workspace.label,
            problem: `has ${declared}; allowed: ${config.allowedModes.join(", ")}`,
            quote: quotes.managedNetworkIsolationMode,
            fix: `set managedNetwork.isolationMode to ${config.allowedModes.join(" or ")}`,
          }),
        },
      ];
    }),
};
