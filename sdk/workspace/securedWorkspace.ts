/** {@link SecuredWorkspace}: an Azure Machine Learning workspace ready for Private Link. */
import * as azure from "@pulumi/azure-native";
import * as pulumi from "@pulumi/pulumi";
import type { WorkspaceTargetsArgs } from "../endpoints/endpointSetArgs";
import * as random from "@pulumi/random";
import { AzureClouds } from "../../policy/azure/clouds";
import { normalizeLocation } from "../../policy/azure/locations";
import { IsolationModes } from "../managedNetwork/managedNetworkArgs";
import { managedNetworkBody } from "../managedNetwork/managedNetworkBody";
import { checkLiveIsolationMode } from "../managedNetwork/liveIsolationMode";
import { throwArgProblems } from "../validation/argSchema";
import { checkedArgs } from "./checkedArgs";
import { newApplicationInsights, newLogAnalyticsWorkspace } from "./applicationInsights";
import { newContainerRegistry } from "./containerRegistry";
import { globalDependencyNames, monitoringNames, nameSuffixLength } from "./dependencyNames";
import type { DependencyPlacement } from "./dependencyPlacement";
import { newKeyVault } from "./keyVault";
import { PublicNetworkAccess, workspaceNetworkBody } from "./publicNetworkAccess";
import type { SecuredWorkspaceArgs } from "./securedWorkspaceArgs";
import {
  deferredArgs,
  dependencyNameArgs,
  securedWorkspaceArgProblems,
  type DependencyNameArg,
  type AdoptedIdArg,
  type ArgName,
  type ResolvedWorkspaceArgs,
} from "./securedWorkspaceArgProblems";
import { newStorageAccount } from "./storageAccount";
import { newWorkspaceResource } from "./workspaceResource";

export const securedWorkspaceType = "azureml-network-isolation:index:SecuredWorkspace";

/**
 * Whether each workspace plainly has a managed network, for `endpointTargets()`; kept off the class because the
 * schema analyzer reads every class property as an output.
 */
const hasManagedNetwork = new WeakMap<SecuredWorkspace, boolean>();

/**
 * An Azure Machine Learning workspace with a system-assigned identity and private dependencies: a storage
 * account, key vault, Premium container registry and workspace-based Application Insights, each created here
 * or adopted by ARM id. Public access is Disabled unless asked otherwise. Private endpoints come from
 * `PrivateEndpointSet`, which takes this component's outputs.
 *
 * Arguments are validated before anything is registered; Output-valued arguments are validated when they
 * resolve and fail the deployment with a `ResourceError`.
 *
 * @example
 * ```ts
 * const ws = new SecuredWorkspace("ml", {
 *   workspaceName: "mlw-prod",
 *   resourceGroupName: "rg-ml",
 *   location: "westeurope",
 *   imageBuildCompute: "cpu-cluster", // private dependencies cannot use ACR tasks
 *   publicNetworkAccess: PublicNetworkAccess.Disabled,
 * });
 * export const workspaceId = ws.workspaceId;
 * ```
 */
export class SecuredWorkspace extends pulumi.ComponentResource {
  /** ARM id of the workspace. */
  declare readonly workspaceId: pulumi.Output<string>;
  /** Azure name of the workspace. */
  declare readonly workspaceName: pulumi.Output<string>;
  /** The workspace's immutable GUID (ARM `properties.workspaceId`), as used in its private FQDNs. */
  declare readonly workspaceGuid: pulumi.Output<string>;
  /** Discovery URL of the workspace's regional services. */
  declare readonly discoveryUrl: pulumi.Output<string>;
  /** Object id of the workspace's system-assigned identity. */
  declare readonly principalId: pulumi.Output<string>;
  /** ARM id of the default storage account (created or adopted). */
  declare readonly storageAccountId: pulumi.Output<string>;
  /** ARM id of the key vault (created or adopted). */
  declare readonly keyVaultId: pulumi.Output<string>;
  /** ARM id of the container registry (created or adopted). */
  declare readonly containerRegistryId: pulumi.Output<string>;
  /** ARM id of Application Insights (created or adopted). */
  declare readonly applicationInsightsId: pulumi.Output<string>;
  /** Other storage accounts the workspace uses; endpoint sets give them endpoints too. May be empty. */
  declare readonly additionalStorageAccountIds: pulumi.Output<string[]>;
  /** Resource group of the workspace. */
  declare readonly resourceGroupName: pulumi.Output<string>;
  /** Normalised region name, e.g. "westeurope". */
  declare readonly location: pulumi.Output<string>;
  /** The Azure cloud the workspace is in: "AzureCloud", "AzureChinaCloud" or "AzureUSGovernment". */
  declare readonly cloud: pulumi.Output<string>;
  /** The public access mode. */
  declare readonly publicNetworkAccess: pulumi.Output<PublicNetworkAccess>;
  /** The IP ranges allowed in "EnabledFromSelectedIps" mode, de-duplicated; empty in other modes. */
  declare readonly allowedIpRanges: pulumi.Output<string[]>;
  /** The managed network's isolation mode; "Disabled" without a managed network. */
  declare readonly managedNetworkIsolationMode: pulumi.Output<IsolationModes>;

  /**
   * The workspace as endpoint sets take it (TypeScript): spread it into the args of `WorkspaceNetwork` or
   * `PrivateEndpointSet` (its ids, identity, region and cloud; endpoints go in the workspace's resource group
   * unless a `resourceGroupName` is given after it; `managedNetwork` when the mode is a plain value), or of
   * `DataFactoryManagedEndpoints`.
   */
  endpointTargets(): WorkspaceTargetsArgs {
    return {
      workspaceId: this.workspaceId,
      storageAccountId: this.storageAccountId,
      keyVaultId: this.keyVaultId,
      containerRegistryId: this.containerRegistryId,
      workspacePrincipalId: this.principalId,
      location: this.location,
      cloud: this.cloud,
      resourceGroupName: this.resourceGroupName,
      // Sets of a managed-network workspace serve clients only; undefined when the mode is an Output.
      managedNetwork: hasManagedNetwork.get(this),
    };
  }

  constructor(name: string, args: SecuredWorkspaceArgs, opts?: pulumi.ComponentResourceOptions) {
    const deferred = deferredArgs(args ?? {});
    if (!opts?.urn) {
      throwArgProblems(
        "SecuredWorkspace",
        name,
        securedWorkspaceArgProblems(name, args as Partial<ResolvedWorkspaceArgs>, deferred),
      );
    }
    super(securedWorkspaceType, name, {}, opts);
    if (opts?.urn) return;
    const plainMode = args.managedNetwork?.isolationMode ?? IsolationModes.Disabled;
    if (typeof plainMode === "string") hasManagedNetwork.set(this, plainMode !== IsolationModes.Disabled);

    // Each value the children read passes through `checkedArgs`. Arguments checked together resolve
    // together; the others stay independent, so one unknown argument at preview leaves only what depends on it
    // unknown.
    const checked = <K extends ArgName>(...keys: K[]) => checkedArgs(name, args, deferred, keys, this);
    const workspaceName = checked("workspaceName").apply((a) => a.workspaceName ?? name);
    const region = checked("location", "cloud");
    const access = checked("publicNetworkAccess", "allowedIpRanges");
    const placement: DependencyPlacement = {
      resourceGroupName: checked("resourceGroupName").apply((a) => a.resourceGroupName),
      location: region.apply((a) => normalizeLocation(a.location)),
      tags: args.tags,
    };
    const adopted = <K extends AdoptedIdArg>(key: K): pulumi.Output<string> | undefined =>
      args[key] === undefined ? undefined : checked(key).apply((a) => a[key] as string);
    const protect = (args.protectStatefulResources as boolean | undefined) ?? true;
    const child: pulumi.CustomResourceOptions = { parent: this };
    // Unset rather than false when protection is off, so protection set on the component still applies.
    const stateful: pulumi.CustomResourceOptions = { parent: this, protect: protect ? true : undefined };

    const named = <K extends DependencyNameArg>(key: K): pulumi.Output<string> | undefined =>
      args[key] === undefined ? undefined : checked(key).apply((a) => a[key] as string);
    // A suffix only for a globally unique name neither given nor adopted (as before names could be given).
    const needsSuffix = (["storageAccountName", "keyVaultName", "containerRegistryName"] as const).some(
      (key) => args[key] === undefined && args[dependencyNameArgs[key]] === undefined,
    );
    const suffix = needsSuffix
      ? new random.RandomString(
          `${name}-suffix`,
          { length: nameSuffixLength, lower: true, upper: false, numeric: true, special: false },
          child,
        ).result
      : undefined;
    const names = suffix
      ? pulumi.all([workspaceName, suffix]).apply(([w, s]) => globalDependencyNames(w, s))
      : undefined;

    const storageAccountId =
      adopted("storageAccountId") ??
      newStorageAccount(
        `${name}-storage`,
        named("storageAccountName") ?? names!.storageAccount,
        placement,
        stateful,
      ).id;
    const keyVaultId =
      adopted("keyVaultId") ??
      newKeyVault(
        `${name}-keyvault`,
        named("keyVaultName") ?? names!.keyVault,
        azure.authorization.getClientConfigOutput({ parent: this }).tenantId,
        placement,
        stateful,
      ).id;
    const containerRegistryId =
      adopted("containerRegistryId") ??
      newContainerRegistry(
        `${name}-registry`,
        named("containerRegistryName") ?? names!.containerRegistry,
        placement,
        stateful,
      ).id;
    const applicationInsightsId =
      adopted("applicationInsightsId") ??
      newApplicationInsights(
        `${name}-insights`,
        named("applicationInsightsName") ??
          workspaceName.apply((w) => monitoringNames(w).applicationInsights),
        adopted("logAnalyticsWorkspaceId") ??
          newLogAnalyticsWorkspace(
            `${name}-logs`,
            named("logAnalyticsWorkspaceName") ??
              workspaceName.apply((w) => monitoringNames(w).logAnalyticsWorkspace),
            placement,
            child,
          ).id,
        placement,
        child,
      ).id;

    const mode = access.apply((a) => a.publicNetworkAccess ?? PublicNetworkAccess.Disabled);
    const network = access.apply((a) =>
      workspaceNetworkBody(a.publicNetworkAccess ?? PublicNetworkAccess.Disabled, a.allowedIpRanges ?? []),
    );
    // The body keeps each Input as given (one unknown rule target leaves the rest readable at preview); the
    // workspace waits for the checks of the resolved argument and of the live workspace's mode: Azure refuses a
    // backward mode change mid-update, this read refuses it at preview.
    const managedBody = managedNetworkBody(args.managedNetwork);
    const isolationMode = pulumi
      .output(args.managedNetwork?.isolationMode)
      .apply((m) => m ?? IsolationModes.Disabled);
    const liveModeChecked = pulumi
      .all([placement.resourceGroupName, workspaceName, isolationMode])
      .apply(([rg, ws, desired]) => checkLiveIsolationMode(name, rg, ws, desired, this));
    const managedChecked = pulumi
      .all([checked("managedNetwork"), liveModeChecked])
      .apply(() => [] as pulumi.Resource[]);
    const workspace = newWorkspaceResource(
      `${name}-workspace`,
      {
        ...placement,
        workspaceName,
        properties: {
          friendlyName: pulumi.all([args.friendlyName, workspaceName]).apply(([f, w]) => f ?? w),
          description: args.description,
          storageAccount: storageAccountId,
          keyVault: keyVaultId,
          containerRegistry: containerRegistryId,
          applicationInsights: applicationInsightsId,
          hbiWorkspace: pulumi.output(args.highBusinessImpact).apply((hbi) => hbi ?? false),
          imageBuildCompute: checked("imageBuildCompute").apply((a) => a.imageBuildCompute),
          publicNetworkAccess: network.publicNetworkAccess,
          networkAcls: network.networkAcls,
          managedNetwork: managedBody.managedNetwork,
          provisionNetworkNow: managedBody.provisionNetworkNow,
        },
      },
      { ...stateful, dependsOn: managedChecked },
    );

    this.workspaceId = workspace.id;
    this.workspaceName = workspace.name;
    this.workspaceGuid = workspace.properties.apply((p) => String(p?.workspaceId ?? ""));
    this.discoveryUrl = workspace.properties.apply((p) => String(p?.discoveryUrl ?? ""));
    // Absent, not "", until Azure creates the identity: endpoint sets check a principal id they are given.
    this.principalId = workspace.identity.apply((i) => i?.principalId as string);
    this.storageAccountId = storageAccountId;
    this.keyVaultId = keyVaultId;
    this.containerRegistryId = containerRegistryId;
    this.applicationInsightsId = applicationInsightsId;
    this.additionalStorageAccountIds = checked("additionalStorageAccountIds").apply(
      (a) => a.additionalStorageAccountIds ?? [],
    );
    this.resourceGroupName = pulumi.output(placement.resourceGroupName);
    this.location = pulumi.output(placement.location);
    this.cloud = region.apply((a) => a.cloud ?? AzureClouds.AzureCloud);
    this.publicNetworkAccess = mode;
    this.allowedIpRanges = network.networkAcls.ipRules.apply((rules) => rules.map((r) => r.value));
    this.managedNetworkIsolationMode = isolationMode;
    this.registerOutputs({
      workspaceId: this.workspaceId,
      workspaceName: this.workspaceName,
      workspaceGuid: this.workspaceGuid,
      discoveryUrl: this.discoveryUrl,
      principalId: this.principalId,
      storageAccountId: this.storageAccountId,
      keyVaultId: this.keyVaultId,
      containerRegistryId: this.containerRegistryId,
      applicationInsightsId: this.applicationInsightsId,
      additionalStorageAccountIds: this.additionalStorageAccountIds,
      resourceGroupName: this.resourceGroupName,
      location: this.location,
      cloud: this.cloud,
      publicNetworkAccess: this.publicNetworkAccess,
      allowedIpRanges: this.allowedIpRanges,
      managedNetworkIsolationMode: this.managedNetworkIsolationMode,
    });
  }
}
