/** Workspace-based Application Insights and, unless one is given, its Log Analytics workspace. */
import * as azure from "@pulumi/azure-native";
import type * as pulumi from "@pulumi/pulumi";
import type { DependencyPlacement } from "./dependencyPlacement";

/** Log retention of the Log Analytics workspace this component creates (the free-tier default). */
export const logRetentionDays = 30;

export function newLogAnalyticsWorkspace(
  name: string,
  workspaceName: pulumi.Input<string>,
  placement: DependencyPlacement,
  opts: pulumi.CustomResourceOptions,
): azure.operationalinsights.Workspace {
  return new azure.operationalinsights.Workspace(
    name,
    { ...placement, workspaceName, sku: { name: "PerGB2018" }, retentionInDays: logRetentionDays },
    opts,
  );
}

export function newApplicationInsights(
  name: string,
  resourceName: pulumi.Input<string>,
  logAnalyticsWorkspaceId: pulumi.Input<string>,
  placement: DependencyPlacement,
  opts: pulumi.CustomResourceOptions,
): azure.applicationinsights.Component {
  return new azure.applicationinsights.Component(
    name,
    {
      ...placement,
      resourceName,
      kind: "web",
      applicationType: "web",
      ingestionMode: "LogAnalytics",
      workspaceResourceId: logAnalyticsWorkspaceId,
    },
    opts,
  );
}
