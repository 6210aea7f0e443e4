/**
 * The input that holds a setting in the resource's own provider. Rules name and remediate a setting by its
 * azure-native input path; a classic `@pulumi/azure` resource holds it in an input of its own, often with
 * the sense inverted (`localAuthEnabled: false` is `disableLocalAuth: true`), as classicShapes.ts's table
 * says. Messages and remediations go through here, so a classic owner reads and gets the classic input.
 */
import { classicInputOf, isClassicToken } from "./classicShapes";
import { writableInputs, type ResourceView } from "./resourceView";

/**
 * The input's name and the value that gives the setting, as the resource's provider spells them (the
 * azure-native ones when the token is not known).
 */
export function settingInput(
  token: string | undefined,
  nativePath: string,
  value: unknown,
): { name: string; value: unknown } {
  const classic = token === undefined ? undefined : classicInputOf(token, nativePath);
  if (!classic) return { name: nativePath, value };
  return { name: classic.name, value: classic.write ? classic.write(value) : value };
}

/** The name of the input holding a setting, in the resource's own provider. */
export function inputName(token: string | undefined, nativePath: string): string {
  return settingInput(token, nativePath, undefined).name;
}

/** "`input` to `value`", for a message's fix. */
export function describeSetting(token: string | undefined, nativePath: string, value: unknown): string {
  const input = settingInput(token, nativePath, value);
  return `${input.name} to ${typeof input.value === "string" ? `"${input.value}"` : String(input.value)}`;
}

/**
 * Writes the setting into the props a remediation returns, in the resource's own input; undefined when the
 * props cannot hold it (a classic input the table only reads, a generic body that is not an object).
 */
export function writeSetting(
  view: ResourceView,
  props: Record<string, unknown>,
  nativePath: string,
  value: unknown,
): Record<string, unknown> | undefined {
  if (isClassicToken(view.type)) {
    const classic = classicInputOf(view.type, nativePath);
    if (!classic?.write) return undefined;
    props[classic.name] = classic.write(value);
    return props;
  }
  const keys = nativePath.split(".");
  let target = writableInputs(view, props);
  for (const key of keys.slice(0, -1)) {
    const next = target?.[key];
    target = next !== null && typeof next === "object" ? (next as Record<string, unknown>) : undefined;
  }
  if (!target) return undefined;
  target[keys[keys.length - 1]] = value;
  return props;
}
