/**
 * A plan's state file (`--state`): what the fake Azure holds after an update and the stack's resources and
 * outputs as the engine would keep them, so the next plan of the same stack starts from it, as `pulumi preview`
 * starts from the stack's state. Values are kept in clear, as in `pulumi stack export --show-secrets`: the file
 * is for offline plans, never for real credentials.
 */
import * as fs from "fs";
import * as path from "path";
import type { FakeAzureSnapshot } from "./fakeAzure";
import type { RecordedResource } from "./mockRun";
import { PlanInputError } from "./planErrors";

/** One resource as the state keeps it. */
export type StateResource = Pick<
  RecordedResource,
  "urn" | "type" | "name" | "custom" | "parent" | "inputs" | "id" | "protect"
>;

export interface PlanState {
  version: 1;
  project: string;
  stack: string;
  resources: StateResource[];
  outputs: Record<string, unknown>;
  azure: FakeAzureSnapshot;
}

/** The state file of a stack: FILE itself, or `<stack>.json` in a directory (an existing one, or a path ending in /). */
export function stateFileOf(option: string, stack: string): string {
  const isDir =
    option.endsWith("/") ||
    option.endsWith(path.sep) ||
    (fs.existsSync(option) && fs.statSync(option).isDirectory());
  return isDir ? path.join(option, `${stack}.json`) : option;
}

/** The state an earlier plan kept; undefined when there is none yet (the first plan of the stack). */
export function readPlanState(
  file: string,
  identity: { project: string; stack: string },
): PlanState | undefined {
  if (!fs.existsSync(file)) return undefined;
  let state: PlanState;
  try {
    state = JSON.parse(fs.readFileSync(file, "utf8")) as PlanState;
  } catch (e) {
    throw new PlanInputError(`--state ${file}: not a plan state file (${(e as Error).message})`);
  }
  if (state?.version !== 1 || !Array.isArray(state.resources) || typeof state.azure?.live !== "object")
    throw new PlanInputError(
      `--state ${file}: not a plan state file of this version; remove it to start afresh`,
    );
  if (state.project !== identity.project || state.stack !== identity.stack)
    throw new PlanInputError(
      `--state ${file} holds stack ${state.stack} of project ${state.project}, not ${identity.stack} of ` +
        `${identity.project}; give each stack its own file (or a directory)`,
    );
  return state;
}

/** Keeps `state` for the next plan; the directory must exist (checked before the run). */
export function writePlanState(file: string, state: PlanState): void {
  fs.writeFileSync(file, JSON.stringify(state, null, 1) + "\n");
}

/** The resources of a run as the state keeps them. */
export function stateResources(resources: readonly RecordedResource[]): StateResource[] {
  return resources.map(({ urn, type, name, custom, parent, inputs, id, protect }) => ({
    urn,
    type,
    name,
    custom,
    parent,
    inputs,
    id,
    protect,
  }));
}
