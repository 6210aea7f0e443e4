/**
 * Computes of a workspace that uses private endpoints must be in the workspace's region. Checked at plan
 * time when both regions are plain values, else when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";
import { normalizeLocation } from "../../policy/azure/locations";
import type { ArgProblem } from "../validation/argProblem";

/** Why `location` is not allowed for a compute of a workspace in `workspaceLocation`, if it is not. */
export function sameRegionProblem(workspaceLocation: string, location: string): string | undefined {
  return normalizeLocation(workspaceLocation) === normalizeLocation(location)
    ? undefined
    : `${location} is not the workspace's region ${workspaceLocation}; a workspace behind private endpoints only reaches computes in its own region`;
}

/** The region problem known at plan time: both regions plain values, and different. */
export function plainRegionProblems(
  property: string,
  workspaceLocation: pulumi.Input<string>,
  location: pulumi.Input<string>,
): ArgProblem[] {
  if (typeof workspaceLocation !== "string" || typeof location !== "string") return [];
  const reason = sameRegionProblem(workspaceLocation, location);
  return reason ? [{ propertyPath: property, reason }] : [];
}

/**
 * The compute's region, checked again when output-valued regions resolve (plain values are checked by
 * {@link plainRegionProblems} before the component registers).
 */
export function checkedRegion(
  property: string,
  workspaceLocation: pulumi.Input<string>,
  location: pulumi.Input<string>,
  resource: pulumi.Resource,
): pulumi.Output<string> {
  return pulumi.all([workspaceLocation, location]).apply(([w, l]) => {
    const reason = sameRegionProblem(w, l);
    if (reason) throw new pulumi.ResourceError(`${property}: ${reason}`, resource);
    return l;
  });
}
