/**
 * A workspace limited to selected IP addresses with a managed online endpoint, in raw azure-native v3.
 * Selected IPs exist only in preview API versions, which azure-native v3 does not ship as a typed
 * resource, so the workspace is a generic `resources:Resource` with an explicit API version.
 */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import { location } from "./workspaceWithDependencies";

/** How the workspace states its selected IPs. */
export const ipForms = {
  networkAcls: {
    apiVersion: "2025-10-01-preview",
    properties: { networkAcls: { defaultAction: "Deny", ipRules: [{ value: "16.17.18.0/24" }] } },
  },
  ipAllowlist: { apiVersion: "2024-04-01-preview", properties: { ipAllowlist: ["16.17.18.0/24"] } },
} as const;

/**
 * How the endpoint names its workspace: through the workspace's outputs; by a literal workspace name in the
 * resource group's output; by literal resource group and workspace names (no property dependencies at
 * all: rg + name must link them); or a workspace outside the program, whose IP rules the pack cannot see.
 */
export type WorkspaceLink = "outputs" | "name" | "names" | "existing";

export interface SelectedIpArgs {
  ipForm: keyof typeof ipForms;
  /** The endpoint's `publicNetworkAccess`; undefined leaves it out (Azure defaults it to Enabled). */
  endpointAccess: "Enabled" | "Disabled" | undefined;
  link: WorkspaceLink;
}

interface WorkspaceRef {
  resourceGroupName: pulumi.Input<string>;
  name: pulumi.Input<string>;
}

function workspace(ipForm: SelectedIpArgs["ipForm"]): WorkspaceRef {
  const rg = new azure.resources.ResourceGroup("ml-rg", { resourceGroupName: "rg-ml" });
  const { apiVersion, properties } = ipForms[ipForm];
  const ws = new azure.resources.Resource("mlw", {
    resourceGroupName: rg.name,
    resourceProviderNamespace: "Microsoft.MachineLearningServices",
    parentResourcePath: "",
    resourceType: "workspaces",
    resourceName: "mlw-selected",
    apiVersion,
    location,
    identity: { type: "SystemAssigned" },
    properties: { publicNetworkAccess: "Enabled", ...properties },
  });
  return { resourceGroupName: rg.name, name: ws.name };
}

function workspaceRef(args: SelectedIpArgs): WorkspaceRef {
  switch (args.link) {
    case "outputs":
      return workspace(args.ipForm);
    case "name":
      return { ...workspace(args.ipForm), name: "mlw-selected" };
    case "names":
      workspace(args.ipForm);
      return { resourceGroupName: "rg-ml", name: "mlw-selected" };
    case "existing":
      return { resourceGroupName: "rg-ml-existing", name: "mlw-existing" };
  }
}

export function selectedIpWorkspace(args: SelectedIpArgs): () => void {
  return () => {
    const ws = workspaceRef(args);
    new azure.machinelearningservices.OnlineEndpoint("scoring", {
      resourceGroupName: ws.resourceGroupName,
      workspaceName: ws.name,
      endpointName: "scoring",
      location,
      identity: { type: "SystemAssigned" },
      properties: {
        authMode: "Key",
        ...(args.endpointAccess === undefined ? {} : { publicNetworkAccess: args.endpointAccess }),
      },
    });
  };
}
