/**
 * The isolation mode of the live workspace, read at preview and update with the provider's generic GET
 * (`azure-native:resources:getResource`, the workspace's own API version). Azure refuses a backward mode change
 * only in the middle of an update; reading the live workspace lets the component refuse it at preview instead.
 * A workspace that does not exist yet (first deployment) has no live mode.
 */
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { argProblemsMessage } from "../validation/argProblem";
import type { IsolationModes } from "./managedNetworkArgs";
import { isolationModeChangeProblems } from "./managedNetworkProblems";
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

/**
 * Fails with a `ResourceError` naming property, value and fix when the live workspace cannot move to `desired`;
 * `resource` is the component, whose provider the read uses.
 */
export async function checkLiveIsolationMode(
  componentName: string,
  resourceGroupName: string,
  workspaceName: string,
  desired: IsolationModes,
  resource: pulumi.Resource,
): Promise<void> {
  const live = await liveIsolationMode(resourceGroupName, workspaceName, resource);
  const problems = isolationModeChangeProblems(live, desired);
  if (problems.length > 0)
    throw new pulumi.ResourceError(argProblemsMessage("SecuredWorkspace", componentName, problems), resource);
}
