/**
 * The offline plan: runs a program on the mock monitor against the fake Azure while the policy pack
 * starts (the two overlap: the pack is a separate process), then checks the recorded graph with the pack
 * as `pulumi preview --policy-pack` would, and describes the result as one document.
 */
import * as path from "path";
import { compiledPack } from "./compiledPack";
import type { Findings } from "./findings";
import { describeGraph } from "./graphDescription";
import type { ManagedNetworkTable } from "./managedNetworkTables";
import type { TreeRow } from "./resourceTree";
import type { Topology } from "./topology";
import { mermaidDiagram } from "./topologyMermaid";
import type { VnetTable } from "./vnetTables";
import { runOnMocks, type MockRun, type MockRunOptions, type RecordedWarning } from "./mockRun";
import { PlanInputError, userErrorMessage } from "./planErrors";
import { resolveTarget } from "./planTarget";
import type { PolicyPackConfig } from "./policy/policyConfig";
import { PolicyPackSession } from "./policy/policyPackSession";
import { programOf } from "./programEntry";
import { FakeAzure } from "./fakeAzure";
import { planChanges, resourceChange, stepsText, type PlanChanges } from "./planChanges";
import { checkStateNotOutput, readPlanState, stateFileOf, writePlanState, type PlanState } from "./planState";
import { restoredValue } from "./stateSecrets";

/** The pack this repository ships, checked by default. */
export const defaultPackDir = path.resolve(__dirname, "..", "policy");

export interface PlanOptions {
  /** Stack of a program given by path (its `Pulumi.<stack>.yaml`). */
  stack?: string;
  /** Run as `pulumi preview` (in-stack ids and computed outputs unknown) instead of after an update. */
  preview?: boolean;
  /** Policy pack directory; false to plan without one. Default: this repository's `policy/`. */
  policyPack?: string | false;
  /** The `--policy-pack-config` JSON. */
  policyPackConfig?: PolicyPackConfig;
  /** Serve a TypeScript pack from its sources, type-checked at start exactly as the CLI does (seconds slower). */
  typecheckPack?: boolean;
  /** A pack already started (tests start one per file); it is left running. */
  session?: PolicyPackSession;
  /** Where a stack name's project is looked up; default the working directory. */
  cwd?: string;
  /**
   * A state file, or a directory of `<stack>.json` files: the plan starts from the fake Azure and resources an
   * earlier plan kept there, shows what would change, and (an update that succeeds) keeps its own result.
   */
  state?: string;
  /** The files this run writes besides the state (`--html`, `--diagram`): the state file may be none of them. */
  outputFiles?: { option: string; file: string }[];
}

export interface PlanDocument {
  project: string;
  stack: string;
  program: string;
  mode: "update" | "preview";
  policyPack?: { name: string; version: string };
  resources: TreeRow[];
  counts: { total: number; byType: Record<string, number> };
  vnets: VnetTable[];
  /** Each workspace's managed network (none without one). */
  managedNetworks: ManagedNetworkTable[];
  findings: Findings;
  /** What the program warned of at preview (`pulumi.log.warn`, e.g. a hub peering of one side only); absent if nothing. */
  warnings?: RecordedWarning[];
  /** Mermaid flowchart of the topology. */
  diagram: string;
  /** The topology every picture is drawn from (Mermaid above, SVG through `topologySvg`). */
  topology: Topology;
  /** With a state file: what the plan would change against it, like `pulumi preview`. */
  changes?: PlanChanges;
  timings: {
    /** Transpiling a TypeScript pack (0 when cached or JavaScript). */
    packCompileMs: number;
    /** Starting and configuring the pack (overlaps the program run; 0 for a given session). */
    packStartMs: number;
    programMs: number;
    policyMs: number;
    totalMs: number;
  };
}

/**
 * The CLI's exit code for a plan: 1 when `pulumi preview` would fail (a mandatory violation, or a protected
 * resource the plan would delete or replace), else 0.
 */
export function exitCodeOf(document: PlanDocument): number {
  return document.findings.mandatory.length > 0 || (document.changes?.blocked.length ?? 0) > 0 ? 1 : 0;
}

/**
 * The largest stack config (as JSON) a policy pack can be given: the CLI hands it to the pack's process in one
 * environment variable (PULUMI_CONFIG), and Linux refuses an entry over 128 KiB (`spawn E2BIG`).
 */
export const maxPackConfigBytes = 128 * 1024 - "PULUMI_CONFIG=".length - 1;

function checkConfigSize(config: Record<string, string>): void {
  const bytes = Buffer.byteLength(JSON.stringify(config));
  if (bytes > maxPackConfigBytes) {
    const largest = Object.entries(config).sort(([, a], [, b]) => b.length - a.length)[0];
    throw new PlanInputError(
      `the stack's config is ${bytes} bytes as JSON, over the ${maxPackConfigBytes} a policy pack can be given ` +
        `(one environment variable); the largest value is ${largest[0]} (${largest[1].length} characters): ` +
        "keep large data in a file the program reads, or plan with --no-policy-pack",
    );
  }
}

interface StartedPack {
  session?: PolicyPackSession;
  compileMs: number;
  /** Whether this plan started the session (and stops it). */
  owned: boolean;
}

/**
 * Starts the pack. `spawned` settles once its process runs (or its start failed): the program must not
 * block the event loop before that, or the pack's start waits for the program instead of overlapping it.
 */
function startPack(
  options: PlanOptions,
  identity: {
    project: string;
    stack: string;
    stackConfig: Record<string, string>;
    stackTags: Record<string, string>;
  },
): { spawned: Promise<void>; started: Promise<StartedPack> } {
  if (options.session) {
    if (options.policyPack !== undefined || options.policyPackConfig !== undefined || options.typecheckPack) {
      throw new Error("a started policy pack session already has its pack and config");
    }
    const session = options.session;
    // A session shared by several plans gets each stack's tags, as a fresh one would at its start.
    return {
      spawned: Promise.resolve(),
      started: session
        .configureStack(identity.stackTags)
        .then(() => ({ session, compileMs: 0, owned: false })),
    };
  }
  if (options.policyPack === false) {
    return { spawned: Promise.resolve(), started: Promise.resolve({ compileMs: 0, owned: false }) };
  }
  checkConfigSize(identity.stackConfig);
  const packDir = options.policyPack ?? defaultPackDir;
  const pack = options.typecheckPack ? { dir: packDir, compileMs: 0 } : compiledPack(packDir);
  let onSpawn!: () => void;
  const spawned = new Promise<void>((resolve) => (onSpawn = resolve));
  const started = PolicyPackSession.start({
    packDir: pack.dir,
    ...identity,
    // Nothing is deployed: the pack runs as in a preview, so AnalyzeStack always runs.
    dryRun: true,
    policyConfig: options.policyPackConfig,
    onSpawn,
  }).then((session) => ({ session, compileMs: pack.compileMs, owned: true }));
  return {
    spawned: Promise.race([
      spawned,
      started.then(
        () => undefined,
        () => undefined,
      ),
    ]),
    started,
  };
}

/**
 * Runs the program without stack traces: the SDK captures one per promise and per resource, and ts-node
 * source-maps each, which costs a third of a run. A failing program runs again with traces, so its error
 * says where it failed.
 */
async function runFast(program: () => unknown, options: MockRunOptions): Promise<MockRun> {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    return await runOnMocks(program, options);
  } catch (e) {
    // A user mistake is reported without a trace: no need to run again for one.
    if (userErrorMessage(e) !== undefined) throw e;
    Error.stackTraceLimit = limit;
    return await runOnMocks(program, options);
  } finally {
    Error.stackTraceLimit = limit;
  }
}

/**
 * The engine at preview: a resource its state holds whose step would be `same` keeps its id and outputs (the
 * random suffix, the resolver's IP), where a provider would answer unknown. A secret output comes back unknown:
 * the state keeps only its hash.
 */
function keptAtPreview(state: PlanState): MockRunOptions["kept"] {
  const before = new Map(state.resources.map((r) => [r.urn, r]));
  return (resource) => {
    const old = before.get(resource.urn);
    if (!old || old.id === undefined || resourceChange(old, resource, state.secretKey).op !== "same")
      return undefined;
    return { id: old.id, state: restoredValue(old.outputs, "unknown") as Record<string, unknown> };
  };
}

/** Plans a provided stack by name, or the program at a path. */
export async function planProgram(target: string, options: PlanOptions = {}): Promise<PlanDocument> {
  const began = performance.now();
  const resolved = resolveTarget(target, { stack: options.stack, cwd: options.cwd });
  const identity = {
    project: resolved.project.name,
    stack: resolved.stack,
    stackConfig: resolved.config.config,
    stackTags: resolved.stackTags,
  };
  const stateFile = options.state === undefined ? undefined : stateFileOf(options.state, resolved.stack);
  if (stateFile) checkStateNotOutput(stateFile, options.outputFiles ?? []);
  const state = stateFile ? readPlanState(stateFile, identity) : undefined;
  const { spawned, started: packStarting } = startPack(options, identity);
  // A failed start is reported after the program ran; keep it from counting as unhandled meanwhile.
  packStarting.catch(() => undefined);
  await spawned;

  let run: MockRun;
  const programStarted = performance.now();
  try {
    run = await runFast(programOf(resolved.entry), {
      preview: options.preview,
      project: resolved.project.name,
      stack: resolved.stack,
      config: resolved.config.config,
      secretKeys: resolved.config.secretKeys,
      azure:
        state &&
        FakeAzure.restored(
          options.preview ?? false,
          restoredValue(state.azure, "masked") as PlanState["azure"],
        ),
      kept: state && keptAtPreview(state),
    });
  } catch (e) {
    await packStarting.then((p) => (p.owned ? p.session?.stop() : undefined)).catch(() => undefined);
    throw e;
  }
  const programMs = performance.now() - programStarted;

  const pack = await packStarting;
  const policyStarted = performance.now();
  try {
    const policyRun = pack.session ? await pack.session.check(run.graph) : undefined;
    const policyMs = performance.now() - policyStarted;
    const { redacted, ...described } = describeGraph(
      run.graph,
      { session: pack.session, run: policyRun },
      { stack: resolved.stack, stackTags: resolved.stackTags },
    );
    // The outputs as the stack registered them: secrets still in their envelopes, so the state hashes them.
    const stackOutputs = run.graph.resources.find((r) => r.parent === undefined)?.outputs ?? run.outputs;
    const changes = stateFile
      ? redacted(planChanges(stateFile, state, run.graph.resources, stackOutputs))
      : undefined;
    // The picture says what the text says of the steps, and that the engine would refuse them.
    if (changes) {
      described.topology.title += ` (${stepsText(changes)}${changes.blocked.length > 0 ? "; blocked: a protected resource would be replaced or deleted" : ""})`;
      described.diagram = mermaidDiagram(described.topology);
    }
    const document: PlanDocument = {
      project: resolved.project.name,
      stack: resolved.stack,
      program: resolved.entry,
      mode: options.preview ? "preview" : "update",
      policyPack: pack.session && { name: pack.session.info.name, version: pack.session.info.version },
      ...described,
      changes,
      timings: {
        packCompileMs: pack.compileMs,
        packStartMs: pack.owned && pack.session ? pack.session.startMs : 0,
        programMs,
        policyMs,
        totalMs: performance.now() - began,
      },
    };
    // Like `pulumi up`: only an update that succeeds changes the stack's state.
    if (stateFile && changes && !options.preview && exitCodeOf(document) === 0) {
      writePlanState(stateFile, {
        project: identity.project,
        stack: identity.stack,
        resources: run.graph.resources,
        outputs: stackOutputs,
        azure: run.azure.snapshot(),
      });
      changes.kept = true;
    }
    return document;
  } finally {
    if (pack.owned) await pack.session?.stop();
  }
}

/** Plans a provided stack (`stacks/Pulumi.<name>.yaml` of this repository's project). */
export function planStack(name: string, options: Omit<PlanOptions, "stack"> = {}): Promise<PlanDocument> {
  return planProgram(name, { cwd: path.resolve(__dirname, ".."), ...options });
}
