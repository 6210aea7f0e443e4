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
  /**
   * The resource's parent as the analyzer gives it (a component resource, itself with its parent): findings on
   * a component's child name the component's argument to change.
   */
  parent?: StackResource;
  /** URNs each top-level input was computed from; empty for a single resource. */
  propertyDependencies?: Readonly<Record<string, readonly { urn: string }[]>>;
}
