/**
 * What a plan would change against the state an earlier plan kept, step by step as `pulumi preview` shows it:
 * create, update (which inputs), replace (which inputs force it), delete, or same. Replacements follow the
 * providers' rules as far as the fake knows them (docs/plan.md, "Replacements"): an azure-native input that is
 * a parameter of the resource's ARM path, or a changed `location` (ARM's `x-ms-mutability` create-only; compared
 * without case and spaces, as the provider does); a classic resource's `name`, `resourceGroupName` or
 * `location`; any input of a `random` resource; and the resource's own `replaceOnChanges`. A protected resource
 * the plan would delete or replace fails the plan with the engine's message.
 */
import { armPathInputs } from "./fakeAzure";
import type { RecordedResource } from "./mockRun";
import type { PlanState, StateResource } from "./planState";
import { isKeptSecret, keptValue } from "./stateSecrets";

export type StepOp = "create" | "update" | "replace" | "delete" | "same";

export interface ResourceChange {
  op: StepOp;
  /** Input paths that differ (`properties.managedNetwork.isolationMode`); a computed value counts as changed. */
  diffs: string[];
  /** The diffs that force the replacement. */
  replaces: string[];
}

export interface PlanChanges {
  /** The state file the plan started from (and keeps its result in, after an update that succeeds). */
  stateFile: string;
  /** False on the stack's first plan: there was no state yet, so everything is created. */
  fromState: boolean;
  /** Each resource of this run by URN. */
  steps: Record<string, ResourceChange>;
  /** Resources of the state this run no longer declares. */
  deleted: { urn: string; type: string; name: string; protect: boolean }[];
  /** Stack outputs added, changed or removed. */
  outputs: string[];
  /** The engine's errors: protected resources the plan would delete or replace. */
  blocked: string[];
  /** Whether this plan kept its result in the state file (an update that succeeds; never a preview). */
  kept: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

function pathOf(base: string, key: string): string {
  return /^[A-Za-z_$][\w$]*$/.test(key) ? (base ? `${base}.${key}` : key) : `${base}[${JSON.stringify(key)}]`;
}

/** The paths where `after` differs from `before`, as deep as both sides are objects or equal-length lists. */
function differences(before: unknown, after: unknown, base: string, out: string[]): void {
  if (before === after) return;
  // A secret is one value: the same hash is the same secret, never a path into it.
  if (isKeptSecret(before) || isKeptSecret(after)) {
    if (!(isKeptSecret(before) && isKeptSecret(after) && before.hmac === after.hmac)) out.push(base);
    return;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].filter(
      (k) => !k.startsWith("__"),
    );
    for (const key of keys.sort()) differences(before[key], after[key], pathOf(base, key), out);
    return;
  }
  if (Array.isArray(before) && Array.isArray(after) && before.length === after.length) {
    before.forEach((item, i) => differences(item, after[i], `${base}[${i}]`, out));
    return;
  }
  out.push(base);
}

/**
 * pulumi-azure-native provider/pkg/provider/diff.go, applyAzureSpecificDiff: top-level properties called
 * "location" "are special in the sense that casing and spaces are not significant"; its normalizedLocation is
 * `strings.ToLower(strings.ReplaceAll(location, " ", ""))`.
 */
const normalizedLocation = (v: unknown) => (typeof v === "string" ? v.replace(/ /g, "").toLowerCase() : v);

/** The top-level inputs whose change replaces a resource of `type` (see the module comment). */
function replacingInputs(type: string, inputs: Record<string, unknown>): (key: string) => boolean {
  const [pkg] = type.split(":");
  if (pkg === "random") return () => true;
  if (pkg === "azure") return (key) => ["name", "resourceGroupName", "location"].includes(key);
  if (pkg !== "azure-native") return () => false;
  const path = armPathInputs(type);
  // A type without an id shape here: its resource group and the names in its inputs stand for its path.
  return (key) =>
    key === "location" ||
    (path ? path.includes(key) : key === "resourceGroupName" || (key.endsWith("Name") && key in inputs));
}

const topKey = (p: string) => p.split(/[.[]/)[0];

/**
 * The step from `old` (as the state keeps it, secrets hashed under `secretKey`) to `now`. Exported for the
 * preview, where a resource whose step is `same` keeps its outputs (mockRun.ts).
 */
export function resourceChange(
  old: StateResource,
  now: Pick<RecordedResource, "type" | "inputs" | "custom" | "ignoreChanges" | "replaceOnChanges">,
  secretKey: string,
): ResourceChange {
  const found: string[] = [];
  differences(old.inputs, keptValue(now.inputs, secretKey), "", found);
  const diffs = found.filter(
    (p) =>
      !now.ignoreChanges.some(
        (ignored) => p === ignored || p.startsWith(`${ignored}.`) || p.startsWith(`${ignored}[`),
      ) &&
      !(
        p === "location" &&
        normalizedLocation(old.inputs.location) === normalizedLocation(now.inputs.location)
      ),
  );
  const forces = replacingInputs(now.type, now.inputs);
  const replaces = now.custom
    ? diffs.filter(
        (p) =>
          forces(topKey(p)) ||
          now.replaceOnChanges.some(
            (r) => r === "*" || p === r || p.startsWith(`${r}.`) || p.startsWith(`${r}[`),
          ),
      )
    : [];
  return { op: replaces.length > 0 ? "replace" : diffs.length > 0 ? "update" : "same", diffs, replaces };
}

/**
 * The steps from `state` (undefined on the stack's first plan) to this run's resources and outputs (the stack's
 * outputs as registered, secrets in their envelopes).
 */
export function planChanges(
  stateFile: string,
  state: PlanState | undefined,
  resources: readonly RecordedResource[],
  outputs: Record<string, unknown>,
): PlanChanges {
  const before = new Map((state?.resources ?? []).map((r) => [r.urn, r]));
  const steps: Record<string, ResourceChange> = {};
  const blocked: string[] = [];
  for (const now of resources) {
    const old = before.get(now.urn);
    const change =
      old && state
        ? resourceChange(old, now, state.secretKey)
        : { op: "create" as const, diffs: [], replaces: [] };
    steps[now.urn] = change;
    // The engine lets a replacement through when this run removes the protection (pulumi step_generator.go).
    if (change.op === "replace" && old?.protect && now.protect)
      blocked.push(
        `unable to replace resource "${now.urn}"\nas it is currently marked for protection. To unprotect the ` +
          "resource, remove the `protect` flag from the resource in your Pulumi program and run `pulumi up`",
      );
  }
  const current = new Set(resources.map((r) => r.urn));
  const deleted = (state?.resources ?? [])
    .filter((r) => !current.has(r.urn))
    .map(({ urn, type, name, protect }) => ({ urn, type, name, protect }));
  for (const gone of deleted.filter((r) => r.protect))
    blocked.push(
      `unable to delete resource "${gone.urn}"\nas it is currently marked for protection. To unprotect the ` +
        "resource, either remove the `protect` flag from the resource in your Pulumi program and run `pulumi up` " +
        `or use the command:\n\`pulumi state unprotect ${gone.urn}\``,
    );
  const changedOutputs: string[] = [];
  if (state) differences(state.outputs, keptValue(outputs, state.secretKey), "", changedOutputs);
  return {
    stateFile,
    fromState: state !== undefined,
    steps,
    deleted,
    outputs: [...new Set(changedOutputs.map(topKey))],
    blocked,
    kept: false,
  };
}

/** The step of the resource `urn`: without a state, every resource is created. */
export function stepOf(changes: PlanChanges | undefined, urn: string): ResourceChange {
  return changes?.steps[urn] ?? { op: "create", diffs: [], replaces: [] };
}

/** How many resources each kind of step touches (deletes: the state's resources the run no longer declares). */
export function stepCounts(changes: PlanChanges): Record<StepOp, number> {
  const counts: Record<StepOp, number> = {
    create: 0,
    update: 0,
    replace: 0,
    delete: changes.deleted.length,
    same: 0,
  };
  for (const { op } of Object.values(changes.steps)) counts[op]++;
  return counts;
}

/** The steps in words, as the text report counts them: `1 to replace, 2 unchanged`. */
export function stepsText(changes: PlanChanges): string {
  const counts = stepCounts(changes);
  const steps = (["create", "update", "replace", "delete"] as const)
    .filter((op) => counts[op] > 0)
    .map((op) => `${counts[op]} to ${op}`);
  return [...steps, `${counts.same} unchanged`].join(", ");
}

/** The `[diff: ~a, +-b]` of an update or replace, as `pulumi preview` prints it; empty otherwise. */
export function diffText(change: ResourceChange): string {
  return change.op === "update" || change.op === "replace"
    ? `[diff: ${change.diffs.map((d) => (change.replaces.includes(d) ? `+-${d}` : `~${d}`)).join(", ")}]`
    : "";
}
