/**
 * Keys that identify a resource across the forms a program can refer to it: its URN when it is in the
 * stack, otherwise its ARM type, resource group and names (the subscription is left out so an id
 * literal and an rg + name reference meet). ARM compares case-insensitively, so keys are lower case.
 */
import { parseArmId } from "../azure/armId";

/** Prefix of keys of resources known only by ARM id or name, outside the stack. */
const externalPrefix = "arm:";

export function armIdentity(armType: string, resourceGroup: string, names: readonly string[]): string {
  return `${armType}|${resourceGroup}|${names.join("/")}`.toLowerCase();
}

export function armIdentityOfId(id: string): string | undefined {
  const parsed = parseArmId(id);
  return parsed && armIdentity(parsed.type, parsed.resourceGroup, parsed.names);
}

export function externalKey(identity: string): string {
  return externalPrefix + identity;
}

/** The ARM type and names behind an external key, for messages and parent lookups. */
export function parseExternalKey(
  key: string,
): { type: string; resourceGroup: string; names: string[] } | undefined {
  if (!key.startsWith(externalPrefix)) return undefined;
  const [type, resourceGroup, names] = key.slice(externalPrefix.length).split("|");
  return { type, resourceGroup, names: names.split("/") };
}
