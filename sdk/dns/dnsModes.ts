/** How an endpoint set resolves its endpoints' names. */
export const DnsModes = {
  /**
   * This set's own zone instances, in a resource group of their own, linked only to this VNet: isolated
   * VNets must not share zones, or two endpoints of one target overwrite each other's records.
   */
  OwnZones: "OwnZones",
  /** Zones that already exist (a central DNS hub): zone groups only, no zones or links. */
  ExistingZones: "ExistingZones",
  /**
   * Custom DNS: no zone groups; the set exposes the FQDN to IP records to create elsewhere. Tag the stack
   * `azureml:private-dns: custom-dns` so the policy pack knows.
   */
  None: "None",
  /**
   * An Azure landing zone: Azure Policy (DeployIfNotExists) writes each endpoint's zone group into the central
   * zones after deployment, so the set writes none and creates no zones or links (a zone group here would
   * make the policy stand down, or clash with its `deployedByPolicy` group). Tag the stack
   * `azureml:private-dns: azure-policy` so the policy pack knows. The records are exposed as with None.
   */
  AzurePolicy: "AzurePolicy",
} as const;
/** A value of {@link DnsModes}; named like the object because Pulumi's schema analyzer names the enum after it. */
export type DnsModes = (typeof DnsModes)[keyof typeof DnsModes];
export type DnsMode = DnsModes;

export const allDnsModes: readonly DnsMode[] = Object.values(DnsModes);

export function isDnsMode(value: string): value is DnsMode {
  return (allDnsModes as readonly string[]).includes(value);
}

/** Whether the set writes zone groups itself (custom DNS and landing zones leave them to others). */
export function writesZoneGroups(mode: DnsMode): boolean {
  return mode === DnsModes.OwnZones || mode === DnsModes.ExistingZones;
}
