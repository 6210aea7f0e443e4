/**
 * The isolation mode of the live workspace, read at preview and update with the provider's generic GET
 * (`azure-native:resources:getResource`, the workspace's own API version). Azure refuses a backward mode change
 * only in the middle of an update; reading the live workspace lets the component refuse it at preview instead.
 * A workspace that does not exist yet (first deployment) has no live mode.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import {
  workspaceApiVersion,
  workspaceProviderNamespace,
  workspaceResourceType,
} from "../workspace/workspaceResource";

/** What a GET of a missing resource fails with (ARM's ResourceNotFound, HTTP 404). */
const notFound = /ResourceNotFound|ResourceGroupNotFound|NotFound|\b404\b/i;

/** The live workspace's isolation mode ("Disabled" when it has no managed network); undefined when it is absent. */
export async function liveIsolationMode(
  resourceGroupName: string,
  workspaceName: string,
  parent: pulumi.Resource,
): Promise<string | undefined> {
  try {
    const live = await azure.resources.getResource(
      {
        resourceGroupName,
        resourceProviderNamespace: workspaceProviderNamespace,
        parentResourcePath: "",
        resourceType: workspaceResourceType,
        resourceName: workspaceName,
        apiVersion: workspaceApiVersion,
      },
      { parent },
    );
    const properties = live.properties as { managedNetwork?: { isolationMode?: string } } | undefined;
    return properties?.managedNetwork?.isolationMode ?? "Disabled";
  } catch (e) {
    if (notFound.test(String((e as Error)?.message ?? e))) return undefined;
    throw e;
  }
}
