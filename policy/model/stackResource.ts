/**
 * One resource as a policy sees it, reduced to what the model reads. `PolicyResource` (stack policies)
 * satisfies it; tests build plain lists of these.
 */
export interface StackResource {
  type: string;
  urn: string;
  /** The Pulumi logical name. */
  name: string;
  props: Record<string, unknown>;
  /** URNs each top-level input was computed from; empty for a single resource. */
  propertyDependencies?: Readonly<Record<string, readonly { urn: string }[]>>;
}
