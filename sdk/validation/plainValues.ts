/**
 * What validation can see synchronously. Arguments are `pulumi.Input<T>`: plain values are checked in the
 * constructor; values still inside an Output or a Promise are checked when they resolve.
 */
import * as pulumi from "@pulumi/pulumi";

/** True when `value` is an Output or a Promise, i.e. not known at construction time. */
export function isDeferred(value: unknown): boolean {
  return pulumi.Output.isInstance(value) || value instanceof Promise;
}
