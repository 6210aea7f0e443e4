/** A resource as the mock monitor records one, for graphs built without running a program. */
import type { RecordedResource } from "../plan/mockRun";

/** The resource with `fields`, its other inputs, outputs and options as a plain registration leaves them. */
export function recordedResource(
  fields: Pick<RecordedResource, "urn" | "type" | "name" | "custom"> & Partial<RecordedResource>,
): RecordedResource {
  return {
    inputs: {},
    outputs: {},
    dependencies: [],
    propertyDependencies: {},
    protect: false,
    deleteBeforeReplace: false,
    ignoreChanges: [],
    replaceOnChanges: [],
    aliases: [],
    ...fields,
  };
}
