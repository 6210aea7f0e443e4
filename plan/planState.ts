/**
 * A plan's state file (`--state`): what the fake Azure holds after an update and the stack's resources (inputs,
 * outputs) as the engine would keep them, so the next plan of the same stack starts from it, as `pulumi preview`
 * starts from the stack's state. The file is read as untrusted: a regular file only (never through a symlink, nor
 * a FIFO or a directory), its whole shape checked (stateShape.ts); it is written to a temporary file created 0600
 * and renamed over the old one, and never holds a secret's value (stateSecrets.ts).
 */
import * as fs from "fs";
import * as path from "path";
import type { FakeAzureSnapshot } from "./fakeAzure";
import type { RecordedResource } from "./mockRun";
import { PlanInputError } from "./planErrors";
import { stackFileName } from "./stackName";
import { keptValue, newSecretKey } from "./stateSecrets";
import { checkStateShape, StateShapeError } from "./stateShape";

/** One resource as the state keeps it. */
export type StateResource = Pick<
  RecordedResource,
  "urn" | "type" | "name" | "custom" | "parent" | "inputs" | "outputs" | "id" | "protect"
>;

export interface PlanState {
  version: 2;
  project: string;
  stack: string;
  /** The HMAC key of the secrets' hashes in this file (stateSecrets.ts). */
  secretKey: string;
  resources: StateResource[];
  outputs: Record<string, unknown>;
  azure: FakeAzureSnapshot;
}

/** A state larger than this is not one a plan wrote (the largest provided stack keeps well under 1 MB). */
const maxStateBytes = 64 * 1024 * 1024;

/**
 * The state file of a stack: FILE itself, or, in a directory (an existing one, or a path ending in /), the
 * stack's own file (`dev.json`; `org/project/dev` is `org+project+dev.json`).
 */
export function stateFileOf(option: string, stack: string): string {
  const name = stackFileName(stack);
  const isDir =
    option.endsWith("/") ||
    option.endsWith(path.sep) ||
    (fs.existsSync(option) && fs.statSync(option).isDirectory());
  return isDir ? path.join(option, name) : option;
}

/** Refuses a state path that is there but not a regular file (lstat: a symlink, dangling or not, is refused). */
function checkRegularFile(file: string): boolean {
  let stat: fs.Stats;
  try {
    stat = fs.lstatSync(file);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return false;
    throw new PlanInputError(`--state ${file}: cannot read it (${(e as Error).message})`);
  }
  if (!stat.isFile()) {
    const what = stat.isSymbolicLink()
      ? "a symbolic link"
      : stat.isDirectory()
        ? "a directory"
        : "not a regular file";
    throw new PlanInputError(
      `--state ${file} is ${what}; give a regular file (or a directory for <stack>.json)`,
    );
  }
  return true;
}

/** Refuses a state file that is also one of the run's output files (the output would overwrite the state). */
export function checkStateNotOutput(
  file: string,
  outputs: readonly { option: string; file: string }[],
): void {
  const same = (a: string, b: string) => {
    if (path.resolve(a) === path.resolve(b)) return true;
    try {
      const [x, y] = [fs.statSync(a), fs.statSync(b)];
      return x.dev === y.dev && x.ino === y.ino;
    } catch {
      return false;
    }
  };
  const clash = outputs.find((o) => same(file, o.file));
  if (clash)
    throw new PlanInputError(
      `--state ${file} is also the ${clash.option} output file; give the state and each output its own file`,
    );
}

/** The state an earlier plan kept; undefined when there is none yet (the first plan of the stack). */
export function readPlanState(
  file: string,
  identity: { project: string; stack: string },
): PlanState | undefined {
  if (!checkRegularFile(file)) return undefined;
  let state: PlanState;
  try {
    // O_NOFOLLOW and O_NONBLOCK: a file swapped for a link or a FIFO after the check above is refused, not
    // followed or waited on.
    const fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NOFOLLOW | fs.constants.O_NONBLOCK);
    try {
      const stat = fs.fstatSync(fd);
      if (!stat.isFile()) throw new Error("not a regular file");
      if (stat.size > maxStateBytes)
        throw new Error(`${stat.size} bytes, over the ${maxStateBytes} a plan reads`);
      state = JSON.parse(fs.readFileSync(fd, "utf8")) as PlanState;
    } finally {
      fs.closeSync(fd);
    }
    checkStateShape(state);
  } catch (e) {
    const reason =
      e instanceof StateShapeError || e instanceof SyntaxError ? e.message : (e as Error).message;
    throw new PlanInputError(
      `--state ${file}: not a state file this plan wrote (${reason}); remove it to start afresh`,
    );
  }
  if (state.project !== identity.project || state.stack !== identity.stack)
    throw new PlanInputError(
      `--state ${file} holds stack ${state.stack} of project ${state.project}, not ${identity.stack} of ` +
        `${identity.project}; give each stack its own file (or a directory)`,
    );
  return state;
}

/**
 * Keeps this run for the next plan: secrets hashed under a new key, written 0600 to a temporary file beside the
 * state and renamed over it (a reader never sees half a file; a symlink at the path is replaced, never followed).
 * The directory must exist (checked before the run).
 */
export function writePlanState(
  file: string,
  run: Omit<PlanState, "version" | "secretKey" | "resources"> & { resources: readonly RecordedResource[] },
): void {
  const secretKey = newSecretKey();
  const state: PlanState = {
    version: 2,
    project: run.project,
    stack: run.stack,
    secretKey,
    resources: keptValue(stateResources(run.resources), secretKey) as StateResource[],
    outputs: keptValue(run.outputs, secretKey) as Record<string, unknown>,
    azure: keptValue(run.azure, secretKey) as FakeAzureSnapshot,
  };
  checkRegularFile(file);
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  fs.rmSync(temp, { force: true });
  fs.writeFileSync(temp, JSON.stringify(state, null, 1) + "\n", { flag: "wx", mode: 0o600 });
  fs.renameSync(temp, file);
}

/** The resources of a run as the state keeps them. */
function stateResources(resources: readonly RecordedResource[]): StateResource[] {
  return resources.map(({ urn, type, name, custom, parent, inputs, outputs, id, protect }) => ({
    urn,
    type,
    name,
    custom,
    parent,
    inputs,
    outputs,
    id,
    protect,
  }));
}
