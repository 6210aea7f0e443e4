/**
 * The workspace as a generic `azure-native:resources:Resource` pinned to a preview API version, behind a typed
 * body. azure-native v3's typed Workspace uses a GA version without `networkAcls`; the generic resource deploys
 * the preview schema with a stock install, and the workspace keeps this one resource type in every public
 * access mode, so switching modes is an in-place update.
 */
import * as azure from "@pulumi/azure-native";
import { replaceOnChangesOf } from "../../policy/azure/immutableProperties";
import type * as pulumi from "@pulumi/pulumi";
import type { ArmManagedNetwork } from "../managedNetwork/managedNetworkBody";
import type { WorkspaceNetworkAcls } from "./publicNetworkAccess";

/**
 * The ARM API version every request for the workspace uses. A constant, not an argument: it is part of the
 * resource's identity in state, and the body below follows exactly this version's schema.
 */
export const workspaceApiVersion = "2025-10-01-preview";
export const workspaceProviderNamespace = "Microsoft.MachineLearningServices";
export const workspaceResourceType = "workspaces";

/**
 * The `properties` this component sends: a subset of WorkspaceProperties of the preview schema. It never
 * sends `allowPublicAccessWhenBehindVnet`, which overrides `publicNetworkAccess`.
 */
export interface WorkspaceArmProperties {
  friendlyName: pulumi.Input<string>;
  description?: pulumi.Input<string | undefined>;
  storageAccount: pulumi.Input<string>;
  keyVault: pulumi.Input<string>;
  containerRegistry: pulumi.Input<string>;
  applicationInsights: pulumi.Input<string>;
  hbiWorkspace: pulumi.Input<boolean>;
  imageBuildCompute: pulumi.Input<string>;
  publicNetworkAccess: pulumi.Input<"Enabled" | "Disabled">;
  networkAcls: pulumi.Input<WorkspaceNetworkAcls>;
  /** ManagedNetworkSettings; absent without a managed network. */
  managedNetwork?: pulumi.Input<ArmManagedNetwork | undefined>;
  /** Provision the managed VNet at creation; Azure ignores it afterwards. */
  provisionNetworkNow?: pulumi.Input<boolean | undefined>;
}

export interface WorkspaceResourceArgs {
  resourceGroupName: pulumi.Input<string>;
  workspaceName: pulumi.Input<string>;
  location: pulumi.Input<string>;
  tags?: pulumi.Input<Record<string, pulumi.Input<string>>>;
  properties: WorkspaceArmProperties;
}

export function newWorkspaceResource(
  name: string,
  args: WorkspaceResourceArgs,
  opts: pulumi.CustomResourceOptions,
): azure.resources.Resource {
  return new azure.resources.Resource(
    name,
    {
      apiVersion: workspaceApiVersion,
      resourceProviderNamespace: workspaceProviderNamespace,
      parentResourcePath: "",
      resourceType: workspaceResourceType,
      resourceGroupName: args.resourceGroupName,
      resourceName: args.workspaceName,
      location: args.location,
      tags: args.tags,
      kind: "Default",
      sku: { name: "Basic", tier: "Basic" },
      identity: { type: "SystemAssigned" },
      properties: args.properties,
    },
    { ...opts, ...replaceOnChangesOf("workspace") },
  );
}
