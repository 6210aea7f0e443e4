/** A component refused at preview: the structured input error it threw, once nothing was registered. */
import { expect } from "chai";
import * as pulumi from "@pulumi/pulumi";
import { settle, startRecording } from "../../plan/mockRun";

export async function refusedBeforeRegistering(
  construct: () => unknown,
): Promise<pulumi.InputPropertiesError> {
  const graph = await startRecording({ preview: true });
  let error: unknown;
  try {
    construct();
  } catch (e) {
    error = e;
  }
  await settle();
  expect(graph.resources, "nothing registered").to.deep.equal([]);
  expect(pulumi.InputPropertiesError.isInstance(error), String(error)).to.equal(true);
  return error as pulumi.InputPropertiesError;
}

/** The argument errors of a construction that must register nothing, as `path: reason` lines. */
export async function refusalsBeforeRegistering(construct: () => unknown): Promise<string[]> {
  const { errors } = await refusedBeforeRegistering(construct);
  return errors.map((e) => `${e.propertyPath}: ${e.reason}`);
}
