/**
 * A workspace with a managed network, written with raw azure-native v3 resources in the three forms a
 * program can write it: the typed `Workspace` with inline outbound rules, a generic `resources:Resource`
 * body (API 2025-10-01-preview, which also has selected IPs), or a typed workspace whose rules are
 * `ManagedNetworkSettingsRule` / `OutboundRule` resources. Around it: a compute cluster, a batch endpoint,
 * an online endpoint with a deployment (and, in the good resources variant, a clients VNet with its endpoint
 * set); the `bad` variant adds what a managed network refuses or makes moot.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { fakeSubscriptionId } from "../../../plan/fakeAzure";
import { endpointSet } from "./endpointSet";
import { existingIds } from "./existingIds";
import { location } from "./workspaceWithDependencies";

export const managedNetworkForms = ["typed", "generic", "resources"] as const;
export type ManagedNetworkForm = (typeof managedNetworkForms)[number];

export interface ManagedNetworkArgs {
  form: ManagedNetworkForm;
  /**
   * `outputs`: children name the workspace and the storage through outputs (property dependencies);
   * `literal`: by literal resource group + name and ARM id, with no property dependencies at all.
   */
  link: "outputs" | "literal";
  /** Mode AllowInternetOutbound plus an FQDN rule, a subnet, an attached AKS cluster, a deployment egress flag, no `table` rule (and, in the generic form, selected IPs with a public online endpoint). */
  bad: boolean;
}

/** The variant's prefix for logical and ARM names, so all variants fit in one program. */
export function prefixOf(args: ManagedNetworkArgs): string {
  return `${args.form}-${args.bad ? "bad" : "good"}${args.link === "literal" ? "-literal" : ""}`;
}

function namesOf(prefix: string) {
  const resourceGroup = `rg-${prefix}`;
  const storage = `st${prefix.replace(/-/g, "")}`;
  return {
    resourceGroup,
    workspace: `mlw-${prefix}`,
    storage,
    storageId: `/subscriptions/${fakeSubscriptionId}/resourceGroups/${resourceGroup}/providers/Microsoft.Storage/storageAccounts/${storage}`,
  };
}

function rules(
  storageId: pulumi.Input<string>,
  bad: boolean,
): Record<
  string,
  | azure.types.input.machinelearningservices.PrivateEndpointOutboundRuleArgs
  | azure.types.input.machinelearningservices.FqdnOutboundRuleArgs
> {
  const pe = (subresourceTarget: string) => ({
    type: "PrivateEndpoint" as const,
    category: "UserDefined",
    destination: { serviceResourceId: storageId, subresourceTarget, sparkEnabled: false },
  });
  return {
    pypi: { type: "FQDN" as const, category: "UserDefined", destination: "pypi.org" },
    "st-queue": pe("queue"),
    ...(bad ? {} : { "st-table": pe("table") }),
  };
}

interface WorkspaceRef {
  resourceGroupName: pulumi.Input<string>;
  workspaceName: pulumi.Input<string>;
  id: pulumi.Input<string>;
  storageId: pulumi.Input<string>;
}

function workspace(args: ManagedNetworkArgs, prefix: string): WorkspaceRef {
  const names = namesOf(prefix);
  const rg = new azure.resources.ResourceGroup(`${prefix}-rg`, { resourceGroupName: names.resourceGroup });
  const storage = new azure.storage.StorageAccount(`${prefix}-st`, {
    resourceGroupName: rg.name,
    accountName: names.storage,
    location,
    kind: "StorageV2",
    sku: { name: "Standard_LRS" },
    publicNetworkAccess: "Disabled",
  });
  const ruleTarget = args.link === "literal" ? names.storageId : storage.id;
  const isolationMode = args.bad ? "AllowInternetOutbound" : "AllowOnlyApprovedOutbound";
  const inline = args.form === "resources" ? undefined : rules(ruleTarget, args.bad);
  const common = {
    // Selected IPs need public access on; otherwise clients come in only through their endpoints.
    publicNetworkAccess: args.bad ? "Enabled" : "Disabled",
    storageAccount: storage.id,
    imageBuildCompute: "cpu-cluster",
    managedNetwork: { isolationMode, outboundRules: inline },
  };
  const ws =
    args.form === "generic"
      ? new azure.resources.Resource(`${prefix}-mlw`, {
          resourceGroupName: rg.name,
          resourceProviderNamespace: "Microsoft.MachineLearningServices",
          parentResourcePath: "",
          resourceType: "workspaces",
          resourceName: names.workspace,
          apiVersion: "2025-10-01-preview",
          location,
          identity: { type: "SystemAssigned" },
          properties: {
            ...common,
            ...(args.bad
              ? { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.0/24" }] } }
              : {}),
          },
        })
      : new azure.machinelearningservices.Workspace(`${prefix}-mlw`, {
          resourceGroupName: rg.name,
          workspaceName: names.workspace,
          location,
          identity: { type: "SystemAssigned" },
          ...common,
        });
  const ref: WorkspaceRef =
    args.link === "literal"
      ? {
          resourceGroupName: names.resourceGroup,
          workspaceName: names.workspace,
          id: `/subscriptions/${fakeSubscriptionId}/resourceGroups/${names.resourceGroup}/providers/Microsoft.MachineLearningServices/workspaces/${names.workspace}`,
          storageId: names.storageId,
        }
      : { resourceGroupName: rg.name, workspaceName: ws.name, id: ws.id, storageId: storage.id };
  if (args.form === "resources") {
    for (const [ruleName, properties] of Object.entries(rules(ref.storageId, args.bad))) {
      // Both tokens write the same ARM rule; the program uses each once.
      const common = { resourceGroupName: ref.resourceGroupName, workspaceName: ref.workspaceName, ruleName };
      if (ruleName === "st-queue")
        new azure.machinelearningservices.OutboundRule(`${prefix}-${ruleName}`, {
          ...common,
          managedNetworkName: "default",
          properties,
        });
      else
        new azure.machinelearningservices.ManagedNetworkSettingsRule(`${prefix}-${ruleName}`, {
          ...common,
          properties,
        });
    }
  }
  return ref;
}

/** One variant: the workspace and its children, every name prefixed. */
function variant(args: ManagedNetworkArgs): void {
  const prefix = prefixOf(args);
  const ws = workspace(args, prefix);
  const child = { resourceGroupName: ws.resourceGroupName, workspaceName: ws.workspaceName, location };
  new azure.machinelearningservices.Compute(`${prefix}-cpu-cluster`, {
    ...child,
    computeName: "cpu-cluster",
    properties: {
      computeType: "AmlCompute",
      disableLocalAuth: true,
      properties: {
        vmSize: "STANDARD_DS3_V2",
        enableNodePublicIp: false,
        ...(args.bad ? { subnet: { id: existingIds.subnet("own") } } : {}),
      },
    },
  });
  if (args.bad)
    new azure.machinelearningservices.Compute(`${prefix}-attached-aks`, {
      ...child,
      computeName: "attached-aks",
      properties: {
        computeType: "AKS",
        resourceId: `/subscriptions/${fakeSubscriptionId}/resourceGroups/rg-aks/providers/Microsoft.ContainerService/managedClusters/aks1`,
      },
    });
  new azure.machinelearningservices.BatchEndpoint(`${prefix}-batch`, {
    ...child,
    endpointName: "batch",
    identity: { type: "SystemAssigned" },
    properties: { authMode: "AADToken" },
  });
  const endpoint = new azure.machinelearningservices.OnlineEndpoint(`${prefix}-scoring`, {
    ...child,
    endpointName: "scoring",
    identity: { type: "SystemAssigned" },
    properties: { authMode: "Key", ...(args.bad ? {} : { publicNetworkAccess: "Disabled" }) },
  });
  new azure.machinelearningservices.OnlineDeployment(`${prefix}-blue`, {
    ...child,
    endpointName: args.link === "literal" ? "scoring" : endpoint.name,
    deploymentName: "blue",
    sku: { name: "Default", capacity: 1 },
    properties: {
      endpointComputeType: "Managed",
      instanceType: "Standard_DS3_v2",
      ...(args.bad ? { egressPublicNetworkAccess: "Disabled" } : {}),
    },
  });
  // Clients reach the workspace and, for the studio, the default storage (blob, file) from their VNet. One
  // variant is enough to show the client-VNet requirement (and endpoint sets are most of a graph's cost).
  if (args.bad || args.form !== "resources") return;
  endpointSet({
    prefix: `${prefix}-clients`,
    cidr: "10.20.0.0/16",
    subnetCidr: "10.20.1.0/24",
    groupIds: ["amlworkspace", "blob", "file"],
    targets: { workspace: ws.id, storage: ws.storageId, vault: "", registry: "" },
    existingNetwork: false,
  });
}

/** Variants side by side in one program (graphs on the mocks cost about as much as they have resources). */
export function managedNetworkWorkspaces(variants: readonly ManagedNetworkArgs[]): () => void {
  return () => variants.forEach(variant);
}
