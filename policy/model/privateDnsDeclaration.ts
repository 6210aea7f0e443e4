/**
 * Who manages a stack's private DNS. By default the program does (a zone group on every endpoint). A stack
 * in an Azure landing zone leaves the zone groups to Azure Policy (DeployIfNotExists writes them into the
 * central zones after deployment), and a stack resolving through a custom DNS server creates its records
 * there from the endpoints' FQDNs and IPs. A stack declares it with a stack tag (`pulumi:tags` in its stack
 * file, or `pulumi stack tag set`); an organisation can declare it for a policy group in the pack config of
 * `endpoint-dns-zone-group` (`privateDns`), which, when set, wins over the tag.
 */

export const PrivateDnsManagers = {
  /** The program writes a zone group on every endpoint (the default). */
  program: "program",
  /** Azure Policy (DeployIfNotExists, e.g. ee40564d) writes the zone groups after deployment. */
  azurePolicy: "azure-policy",
  /** A custom DNS server holds the records; zone groups are optional. */
  customDns: "custom-dns",
} as const;
export type PrivateDnsManager = (typeof PrivateDnsManagers)[keyof typeof PrivateDnsManagers];

export const allPrivateDnsManagers: readonly PrivateDnsManager[] = Object.values(PrivateDnsManagers);

/** The stack tag that declares it. */
export const privateDnsTag = "azureml:private-dns";

export interface PrivateDnsDeclaration {
  manager: PrivateDnsManager;
  /** Where the declaration came from, for messages. */
  source: string;
  /** A tag value that names no manager (the declaration then falls back to the program). */
  invalidTag?: string;
}

export function isManager(value: unknown): value is PrivateDnsManager {
  return typeof value === "string" && (allPrivateDnsManagers as readonly string[]).includes(value);
}

export function privateDnsDeclaration(
  configured: PrivateDnsManager | undefined,
  stackTags: ReadonlyMap<string, string>,
): PrivateDnsDeclaration {
  if (configured) return { manager: configured, source: "the pack config (privateDns)" };
  const tag = stackTags.get(privateDnsTag)?.trim().toLowerCase();
  if (tag === undefined || tag === "") return { manager: PrivateDnsManagers.program, source: "the default" };
  if (isManager(tag)) return { manager: tag, source: `the stack tag ${privateDnsTag}` };
  return { manager: PrivateDnsManagers.program, source: "the default", invalidTag: tag };
}
