/** Azure regions per cloud, by their programmatic names (`az account list-locations`). */
import type { AzureCloud } from "./clouds";

export const regions: Readonly<Record<AzureCloud, readonly string[]>> = {
  AzureCloud: [
    "australiacentral",
    "australiacentral2",
    "australiaeast",
    "australiasoutheast",
    "austriaeast",
    "belgiumcentral",
    "brazilsouth",
    "brazilsoutheast",
    "canadacentral",
    "canadaeast",
    "centralindia",
    "centralus",
    "chilecentral",
    "denmarkeast",
    "eastasia",
    "eastus",
    "eastus2",
    "francecentral",
    "francesouth",
    "germanynorth",
    "germanywestcentral",
    "indonesiacentral",
    "israelcentral",
    "italynorth",
    "japaneast",
    "japanwest",
    "jioindiacentral",
    "jioindiawest",
    "koreacentral",
    "koreasouth",
    "malaysiawest",
    "mexicocentral",
    "newzealandnorth",
    "northcentralus",
    "northeurope",
    "norwayeast",
    "norwaywest",
    "polandcentral",
    "qatarcentral",
    "southafricanorth",
    "southafricawest",
    "southcentralus",
    "southeastasia",
    "southindia",
    "spaincentral",
    "swedencentral",
    "swedensouth",
    "switzerlandnorth",
    "switzerlandwest",
    "uaecentral",
    "uaenorth",
    "uksouth",
    "ukwest",
    "westcentralus",
    "westeurope",
    "westindia",
    "westus",
    "westus2",
    "westus3",
  ],
  AzureChinaCloud: ["chinaeast", "chinaeast2", "chinaeast3", "chinanorth", "chinanorth2", "chinanorth3"],
  AzureUSGovernment: ["usgovarizona", "usgovtexas", "usgovvirginia", "usdodcentral", "usdodeast"],
};

/** ARM accepts display names ("East US") too; compare locations in this form. */
export function normalizeLocation(location: string): string {
  return location.replace(/\s+/g, "").toLowerCase();
}

export function isRegionOf(cloud: AzureCloud, location: string): boolean {
  return regions[cloud].includes(normalizeLocation(location));
}

/** The cloud a region belongs to, if it is a known one. */
export function cloudOfRegion(location: string): AzureCloud | undefined {
  const name = normalizeLocation(location);
  return (Object.keys(regions) as AzureCloud[]).find((cloud) => regions[cloud].includes(name));
}
