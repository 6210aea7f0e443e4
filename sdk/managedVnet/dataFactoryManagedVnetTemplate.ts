/**
 * The ARM template that creates a Data Factory's managed VNet. azure-native v3 has no resource for it, and its
 * generic `resources.Resource` would not do: the provider adds the resource group's `location` to every
 * generic resource's body (`applyDefaults`), which a managed VNet's schema does not have, and it would DELETE the
 * managed VNet on destroy, an operation Data Factory does not offer (its 2018-06-01 spec has Get, CreateOrUpdate
 * and ListByFactory only; the managed VNet goes with its factory). A template deployment sends the body below
 * and nothing else (ARM templates PUT exactly the resource they declare), PUTs it as create-or-update, so a
 * factory that already has a managed VNet keeps it, and deleting the deployment deletes only its record. The
 * deployment itself gets no location either: the provider's `AutoLocationDisabled` (provider/pkg/resources/
 * resources.go) lists the resource-group template deployment's path.
 */
import { armTemplate } from "./templateDeployment";

/** The API version of the managed VNet's body: `ManagedVirtualNetworkResource` of the 2018-06-01 spec. */
export const managedVirtualNetworkApiVersion = "2018-06-01";
export const managedVirtualNetworkType = "Microsoft.DataFactory/factories/managedVirtualNetworks";

/**
 * The template, with one parameter `name`: `<factory>/<managed VNet>`, ARM's name of a child resource. The
 * body is `properties: {}` (required; every field of `ManagedVirtualNetwork` is read-only), as in Microsoft's
 * example `ManagedVirtualNetworks_Create.json`; no `location`, which the resource does not have. Pure.
 */
export function managedVirtualNetworkTemplate(): Record<string, unknown> {
  return armTemplate(
    ["name"],
    [
      {
        type: managedVirtualNetworkType,
        apiVersion: managedVirtualNetworkApiVersion,
        name: "[parameters('name')]",
        properties: {},
      },
    ],
  );
}
