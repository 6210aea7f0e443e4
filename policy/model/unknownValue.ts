/**
 * The marker of a value not known at preview, with no dependency: the network graph and resolution use it, and
 * the SDK components ask them before anything is registered, where @pulumi/policy is not installed.
 */

/** Marks a value that is not known yet (an output of a resource not created, at preview). */
export const unknown: unique symbol = Symbol("unknown");
export type Unknown = typeof unknown;

/** A value as read from a resource: known, unknown at preview, or absent. */
export type Maybe<T> = T | Unknown | undefined;

export function isUnknown(value: unknown): value is Unknown {
  return value === unknown;
}
