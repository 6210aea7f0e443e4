/**
 * The hub VNet's address space when the hub is a VNet of this program: a spoke given the hub's id as an
 * Output of the hub VNet (or of a component holding it) can check the overlap Azure would refuse without
 * `hubAddressSpace`. Read from the VNet resource the id comes from, whose address space is its input, known
 * at preview even while its id is not.
 */
import * as pulumi from "@pulumi/pulumi";
import * as network from "@pulumi/azure-native/network";

/** The resources an Output depends on, deferred outputs included (the SDK's `getAllResources`, not exported). */
export function resourcesOf(id: unknown): Promise<Set<pulumi.Resource>> {
  const output = id as unknown as {
    allResources?: () => Promise<Set<pulumi.Resource>>;
    resources: () => Set<pulumi.Resource>;
  };
  return output.allResources ? output.allResources() : Promise.resolve(output.resources());
}

/**
 * The address prefixes of the one VirtualNetwork `hubVirtualNetworkId` comes from; undefined for a plain id (a
 * VNet of another stack) or an id that comes from no VNet, or from several.
 */
export function programHubAddressSpace(
  hubVirtualNetworkId: pulumi.Input<string>,
): pulumi.Output<string[] | undefined> {
  if (!pulumi.Output.isInstance(hubVirtualNetworkId)) return pulumi.output(undefined);
  return pulumi
    .output(
      resourcesOf(hubVirtualNetworkId).then((resources) => {
        const vnets = [...resources].filter((r) => network.VirtualNetwork.isInstance(r));
        return vnets.length === 1 ? vnets[0].addressSpace : undefined;
      }),
    )
    .apply((space) => space?.addressPrefixes);
}
