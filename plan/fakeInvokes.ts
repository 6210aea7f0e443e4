/**
 * How the fake Azure answers invokes, as the providers do. The azure-native provider answers a GET function with
 * a GET of its path at the FUNCTION's own API version, whatever `apiVersion` argument it was given
 * (pulumi/pulumi-azure-native provider/pkg/provider/provider.go, `Invoke`: `azureClient.Get(ctx, id,
 * res.APIVersion, nil)`; issue #4109), and adds that version as `azureApiVersion` to a resource getter's result.
 * ARM refuses a version the resource type does not have with 400 NoRegisteredProviderFound, and a missing resource
 * with 404 ResourceNotFound; both reach the program as the engine's error text.
 */
import { fakeClientObjectId, fakeSubscriptionId, fakeTenantId } from "./fakeAzure";

/** The API version each azure-native GET function sends (its doc's "Uses Azure REST API version"). */
export const functionApiVersions: Readonly<Record<string, string>> = {
  "azure-native:resources:getResource": "2024-03-01",
  "azure-native:machinelearningservices:getWorkspace": "2025-12-01",
  "azure-native:storage:getStorageAccount": "2024-01-01",
  "azure-native:keyvault:getVault": "2024-11-01",
  "azure-native:containerregistry:getRegistry": "2023-01-01-preview",
};

/**
 * The API versions ARM serves for a resource type, where the fake must refuse the others (the versions the
 * azure-native 3.x docs of `machinelearningservices.getWorkspace` list, from the Azure REST API specs).
 */
const servedApiVersions: Readonly<Record<string, readonly string[]>> = {
  "microsoft.machinelearningservices/workspaces": (
    "2020-05-01-preview 2020-05-15-preview 2020-06-01 2020-08-01 2020-09-01-preview 2021-01-01 " +
    "2021-03-01-preview 2021-04-01 2021-07-01 2022-01-01-preview 2022-02-01-preview 2022-05-01 " +
    "2022-06-01-preview 2022-10-01 2022-10-01-preview 2022-12-01-preview 2023-02-01-preview 2023-04-01 " +
    "2023-04-01-preview 2023-06-01-preview 2023-08-01-preview 2023-10-01 2024-01-01-preview 2024-04-01 " +
    "2024-07-01-preview 2024-10-01 2024-10-01-preview 2025-01-01-preview 2025-04-01 2025-04-01-preview " +
    "2025-06-01 2025-07-01-preview 2025-09-01 2025-10-01-preview 2025-12-01 2026-01-15-preview " +
    "2026-03-01 2026-03-15-preview 2026-05-01 2026-05-15-preview"
  ).split(" "),
};

/** An invoke's failure as the SDK shows it: the engine's text in `details`. */
export function armError(details: string): Error {
  return Object.assign(new Error(details), { details });
}

/** ARM's 400 for an API version the type does not serve, or undefined when it serves it (or is not tabled). */
export function unservedVersionError(
  id: string,
  namespace: string,
  type: string,
  apiVersion: string,
  location: string,
): Error | undefined {
  const served = servedApiVersions[`${namespace}/${type}`.toLowerCase()];
  if (!served || served.includes(apiVersion)) return undefined;
  const leaf = type.split("/").pop();
  return armError(
    `request failed ${id}: Status=400 Code="NoRegisteredProviderFound" Message="No registered resource provider ` +
      `found for location '${location}' and API version '${apiVersion}' for type '${leaf}'. The supported ` +
      `api-versions are '${served.join(", ")}'."`,
  );
}

/** ARM's 404 for a resource that does not exist. */
export function notFoundError(
  id: string,
  namespace: string,
  type: string,
  name: string,
  group: string,
): Error {
  return armError(
    `request failed ${id}: Status=404 Code="ResourceNotFound" Message="The Resource '${namespace}/${type}/${name}' ` +
      `under resource group '${group}' was not found."`,
  );
}

/** Invokes answered the same way in every run: who is signed in, and the subscription. */
export const identityInvokes: Readonly<
  Record<string, (inputs: Record<string, unknown>) => Record<string, unknown>>
> = {
  "azure-native:authorization:getClientConfig": () => ({
    clientId: fakeClientObjectId,
    objectId: fakeClientObjectId,
    subscriptionId: fakeSubscriptionId,
    tenantId: fakeTenantId,
  }),
  "azure-native:authorization:getClientToken": () => ({ token: "fake-access-token" }),
  // The classic provider's id for it is azurerm's: the four values in one string.
  "azure:core/getClientConfig:getClientConfig": () => ({
    clientId: fakeClientObjectId,
    objectId: fakeClientObjectId,
    subscriptionId: fakeSubscriptionId,
    tenantId: fakeTenantId,
    id: `clientConfigs/clientId=${fakeClientObjectId};objectId=${fakeClientObjectId};subscriptionId=${fakeSubscriptionId};tenantId=${fakeTenantId}`,
  }),
  "azure:core/getSubscription:getSubscription": (inputs) => {
    const subscriptionId =
      typeof inputs.subscriptionId === "string" ? inputs.subscriptionId : fakeSubscriptionId;
    return {
      id: `/subscriptions/${subscriptionId}`,
      subscriptionId,
      displayName: "Fake subscription",
      tenantId: fakeTenantId,
      state: "Enabled",
      locationPlacementId: "Public_2014-09-01",
      quotaId: "PayAsYouGo_2014-09-01",
      spendingLimit: "Off",
      tags: {},
    };
  },
};

/** The answer to an invoke the fake does not know: the function's token, so the program's author can tell which. */
export function unknownInvokeError(token: string): Error {
  return armError(
    `fake Azure: no answer for invoke ${token} (the offline plan answers only the invokes it knows)`,
  );
}
