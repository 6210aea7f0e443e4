/**
 * Azure DNS's virtual IP. Named as a VNet's DNS server it is that VNet's own Azure DNS (its linked zones and
 * rulesets): "records listed in Private DNS Zones are only returned to devices resolving domains using the default
 * Azure DNS Virtual Server IP address" (machine-learning/how-to-custom-dns).
 */
export const azureDnsIp = "168.63.129.16";
