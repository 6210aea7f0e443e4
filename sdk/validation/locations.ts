/** Checks of the cloud and location arguments against the shared region table. */
import { allClouds, isAzureCloud, type AzureCloud } from "../../policy/azure/clouds";
import { cloudOfRegion, isRegionOf } from "../../policy/azure/locations";
import { shown, withArticle, type ArgProblem } from "./argProblem";

/** Why `value` is not a supported cloud. */
export function cloudProblems(propertyPath: string, value: string): ArgProblem[] {
  if (isAzureCloud(value)) return [];
  return [
    { propertyPath, reason: `${shown(value)} is not a supported cloud; use one of ${allClouds.join(", ")}` },
  ];
}

/** Why `location` is not a region of any cloud. */
export function regionProblems(propertyPath: string, location: string): ArgProblem[] {
  if (cloudOfRegion(location)) return [];
  const reason =
    `${shown(location)} is not a known Azure region; use a programmatic region name such as "westeurope" ` +
    `(az account list-locations)`;
  return [{ propertyPath, reason }];
}

/** Why `location` is not a region of `cloud` (unknown anywhere, or in another cloud). */
export function locationProblems(propertyPath: string, location: string, cloud: AzureCloud): ArgProblem[] {
  if (isRegionOf(cloud, location)) return [];
  const other = cloudOfRegion(location);
  if (!other) return regionProblems(propertyPath, location);
  const reason = `${shown(location)} is a region of ${other}, not of ${cloud}; set cloud to "${other}" or pick ${withArticle(`${cloud} region`)}`;
  return [{ propertyPath, reason }];
}
