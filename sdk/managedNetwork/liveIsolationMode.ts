/**
 * The isolation mode of the live workspace, read at preview and update with the typed
 * `machinelearningservices.getWorkspace` (a GA API version whose result has `managedNetwork.isolationMode`). Not
 * the generic `resources.getResource`: the provider sends that function's own API version (2024-03-01), not the
 * `apiVersion` argument (pulumi-azure-native `Invoke`, issue #4109), and Azure ML answers it with 400
 * NoRegisteredProviderFound. Azure refuses a backward mode change only in the middle of an update; reading the
 * live workspace lets the component refuse it at preview instead. A workspace that does not exist yet (first
 * deployment) has no live mode.
 */
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import { argProblemsMessage } from "../validation/argProblem";
import type { IsolationModes } from "./managedNetworkArgs";
import { isolationModeChangeProblems } from "./managedNetworkProblems";

/** What a GET of a missing resource fails with (ARM's ResourceNotFound, HTTP 404); not a 400 of any kind. */
const notFound = /ResourceNotFound|ResourceGroupNotFound|Status=404|\b404\b/i;

/** The live workspace's isolation mode ("Disabled" when it has no managed network); undefined when it is absent. */
export async function liveIsolationMode(
  resourceGroupName: string,
  workspaceName: string,
  parent: pulumi.Resource,
): Promise<string | undefined> {
  try {
    const live = await azure.machinelearningservices.getWorkspace(
      { resourceGroupName, workspaceName },
      { parent },
    );
    return live.managedNetwork?.isolationMode ?? "Disabled";
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
