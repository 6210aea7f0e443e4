/**
 * What validation can see synchronously. Arguments are `pulumi.Input<T>`: plain values are checked in the
 * constructor; values still inside an Output or a Promise are checked when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";

/** True when `value` is an Output or a Promise, i.e. not known at construction time. */
export function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}

/** The value when it is known now, else undefined. */
export function known<T>(value: pulumi.Input<T> | undefined): T | undefined {
  return value === undefined || isDeferred(value) ? undefined : (value as T);
}

/** A list whose every element is known now, else undefined. */
export function knownList<T>(value: pulumi.Input<pulumi.Input<T>[]> | undefined): T[] | undefined {
  const list = known(value);
  if (list === undefined || list.some(isDeferred)) return undefined;
  return list as T[];
}
