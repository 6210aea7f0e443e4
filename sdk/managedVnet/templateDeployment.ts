/**
 * An ARM template deployment in a resource group, for bodies azure-native cannot send as they must be sent (a
 * resource it has no type for, a connection that already exists). ARM PUTs exactly what the template declares,
 * as create-or-update; deleting the deployment deletes only its record. Incremental: resources the template
 * does not name are left alone.
 */
import * as pulumi from "@pulumi/pulumi";
import * as resources from "@pulumi/azure-native/resources";
import type { Tags } from "../validation/tags";

/** A template whose parameters are the given strings and whose resources are `templateResources`. Pure. */
export function armTemplate(
  parameterNames: readonly string[],
  templateResources: Record<string, unknown>[],
): Record<string, unknown> {
  return {
    $schema: "https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#",
    contentVersion: "1.0.0.0",
    parameters: Object.fromEntries(parameterNames.map((p) => [p, { type: "string" }])),
    resources: templateResources,
  };
}

/** Arguments of {@link templateDeployment}. */
export interface TemplateDeploymentArgs {
  /** The resource group the template deploys into. */
  resourceGroupName: pulumi.Input<string>;
  /** The template (see {@link armTemplate}). */
  template: pulumi.Input<Record<string, unknown>>;
  /** The template's parameters by name. */
  parameters: Record<string, pulumi.Input<string>>;
  /** Tags of the deployment itself. */
  tags?: Tags;
}

/** The deployment of `args.template` with its parameters, as a child resource named `name`. */
export function templateDeployment(
  name: string,
  args: TemplateDeploymentArgs,
  opts: pulumi.CustomResourceOptions,
): resources.Deployment {
  return new resources.Deployment(
    name,
    {
      resourceGroupName: args.resourceGroupName,
      properties: {
        mode: resources.DeploymentMode.Incremental,
        template: args.template,
        parameters: Object.fromEntries(
          Object.entries(args.parameters).map(([key, value]) => [key, { value }]),
        ),
      },
      ...(args.tags ? { tags: args.tags } : {}),
    },
    opts,
  );
}
