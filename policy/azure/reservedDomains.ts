/**
 * The domains Azure reserves for its services: a forwarding rule for `.` (the wildcard) does not forward names
 * under them, so Azure DNS answers them from the VNet's linked zones and public DNS. "Certain domains are ignored
 * when using a wildcard rule for DNS resolution, because they are reserved for Azure services. See Azure services
 * DNS zone configuration for a list of domains that are reserved. The two-label DNS names listed in this article
 * (ex: windows.net, azure.com, azure.net, windowsazure.us) are reserved for Azure services."
 * (dns/private-resolver-endpoints-rulesets, "Rule processing"). The table is the two-label names of every private
 * DNS zone and public forwarder that article lists, per cloud (private-link/private-endpoint-dns, 10/2023; the
 * registry's `azurecr.us` and `azurecr.cn` from its later Government table and docs.azure.cn's): the ML
 * workspace's `azureml.ms`, the notebooks' `azure.net` and the registry's `azurecr.io` are among them.
 */
import type { AzureCloud } from "./clouds";

export const reservedDomains: Readonly<Record<AzureCloud, readonly string[]>> = {
  AzureCloud: [
    "azure-api.net",
    "azure-automation.net",
    "azure-devices-provisioning.net",
    "azure-devices.net",
    "azure.com",
    "azure.net",
    "azconfig.io",
    "azmk8s.io",
    "aznbcontent.net",
    "azurecr.io",
    "azuredatabricks.net",
    "azurehdinsight.net",
    "azurehealthcareapis.com",
    "azureml.ms",
    "azurestaticapps.net",
    "azuresynapse.net",
    "azurewebsites.net",
    "botframework.com",
    "microsoft.com",
    "signalr.net",
    "windows.net",
    "windowsazure.com",
  ],
  AzureUSGovernment: [
    "azure-automation.us",
    "azure-devices-provisioning.us",
    "azure-devices.us",
    "azure.us",
    "aznbcontent.net",
    "azurecr.us",
    "azurehdinsight.us",
    "azureml.us",
    "azurewebsites.us",
    "usgovcloudapi.net",
    "windows.us",
    "windowsazure.us",
  ],
  AzureChinaCloud: [
    "azure-automation.cn",
    "azure-devices-provisioning.cn",
    "azure-devices.cn",
    "azure.cn",
    "aznbcontent.net",
    "azurecr.cn",
    "azurehdinsight.cn",
    "azureml.cn",
    "chinacloudapi.cn",
    "chinacloudsites.cn",
    "windows.cn",
  ],
};

const allReserved: ReadonlySet<string> = new Set(Object.values(reservedDomains).flat());

/** Whether a DNS name (lower case, no trailing dot) lies under a domain reserved in any cloud. */
export function isUnderReservedDomain(name: string): boolean {
  const labels = name.split(".");
  return labels.length >= 2 && allReserved.has(labels.slice(-2).join("."));
}
