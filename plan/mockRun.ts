/**
 * Runs a Pulumi program on the SDK's mock monitor against the fake Azure and records the graph the
 * engine would receive: every registration with its parent, dependencies, property dependencies and
 * options. Tests assert on this graph; the offline plan prints it and hands it to the policy pack.
 */
import * as pulumi from "@pulumi/pulumi";
import * as debuggable from "@pulumi/pulumi/runtime/debuggable";
import { MockMonitor } from "@pulumi/pulumi/runtime/mocks";
import { deserializeProperties } from "@pulumi/pulumi/runtime/rpc";
import * as settings from "@pulumi/pulumi/runtime/settings";
import { FakeAzure } from "./fakeAzure";

/** One resource registration as the engine sees it. */
export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  /** Parent URN; undefined only for the stack itself. */
  parent?: string;
  inputs: Record<string, unknown>;
  /** Outputs returned by the fake (custom resources) or registered by the component. */
  outputs: Record<string, unknown>;
  id?: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  protect: boolean;
  provider?: string;
  deleteBeforeReplace: boolean;
  ignoreChanges: string[];
  replaceOnChanges: string[];
  aliases: string[];
}

/** A warning the program logged (`pulumi.log.warn`), which the CLI shows under the preview's diagnostics. */
export interface RecordedWarning {
  message: string;
  /** The resource it was logged on, if any. */
  urn?: string;
}

/** The graph of one run, in registration order. */
export class RecordedGraph {
  readonly resources: RecordedResource[] = [];
  readonly warnings: RecordedWarning[] = [];
  /** The resources by URN, caught up with `resources` on each look-up (the plan looks up thousands). */
  private readonly index = new Map<string, RecordedResource>();
  private indexed = 0;

  byUrn(urn: string): RecordedResource | undefined {
    for (; this.indexed < this.resources.length; this.indexed++) {
      const r = this.resources[this.indexed];
      if (!this.index.has(r.urn)) this.index.set(r.urn, r);
    }
    return this.index.get(urn);
  }

  ofType(type: string): RecordedResource[] {
    return this.resources.filter((r) => r.type === type);
  }

  /** The resource with this logical name (and type, when names repeat). */
  named(name: string, type?: string): RecordedResource {
    const found = this.resources.filter((r) => r.name === name && (type === undefined || r.type === type));
    if (found.length !== 1) throw new Error(`expected one resource named ${name}, found ${found.length}`);
    return found[0];
  }

  childrenOf(urn: string): RecordedResource[] {
    return this.resources.filter((r) => r.parent === urn);
  }
}

let current: RecordedGraph | undefined;
let currentAzure: FakeAzure | undefined;
let currentKept: MockRunOptions["kept"];

interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getObject(): Struct;
  getDependenciesList(): string[];
  getPropertydependenciesMap(): {
    forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void;
  };
  getProtect(): boolean;
  getProvider(): string;
  getDeletebeforereplace(): boolean;
  getIgnorechangesList(): string[];
  getReplaceonchangesList(): string[];
  getAliasesList(): { getUrn(): string; getSpec(): unknown }[];
}

type Struct = Parameters<typeof deserializeProperties>[0];
type Callback = (err: unknown, response?: { getUrn(): string; getId(): string; getObject(): Struct }) => void;

// `leakedPromises` (which also forgets them) is internal to the SDK too.
const { leakedPromises } = debuggable as unknown as { leakedPromises(): unknown };

// `waitForRPCs` is internal to the SDK (absent from its typings) but is how the SDK itself drains a run.
const waitForRPCs = (settings as unknown as { waitForRPCs(): Promise<void> }).waitForRPCs;

const originalRegister = MockMonitor.prototype.registerResource;
const originalRegisterOutputs = MockMonitor.prototype.registerResourceOutputs;

/** The request as the graph records it, before the monitor answers. */
function requested(req: RegisterRequest, urn: string): Omit<RecordedResource, "outputs" | "id"> {
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((value, key) => (propertyDependencies[key] = value.getUrnsList()));
  return {
    urn,
    type: req.getType(),
    name: req.getName(),
    custom: req.getCustom(),
    parent: req.getParent() || undefined,
    inputs: deserializeProperties(req.getObject(), true),
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    protect: req.getProtect(),
    provider: req.getProvider() || undefined,
    deleteBeforeReplace: req.getDeletebeforereplace(),
    ignoreChanges: req.getIgnorechangesList(),
    replaceOnChanges: req.getReplaceonchangesList(),
    aliases: req.getAliasesList().map((a) => a.getUrn()),
  };
}

interface Monitor {
  mocks: pulumi.runtime.Mocks;
  newUrn(parent: string, type: string, name: string): string;
}

// Patched once per process: the mock monitor hands us the engine's full request, which its
// `newResource` hook does not show (parent, dependencies, options).
MockMonitor.prototype.registerResource = function (this: Monitor, req: RegisterRequest, callback: Callback) {
  const graph = current;
  const request = requested(req, this.newUrn(req.getParent(), req.getType(), req.getName()));
  const kept = request.custom ? currentKept?.(request) : undefined;
  const mocks = this.mocks;
  // The engine's answer for a resource it has and would not change: its id and outputs, not the provider's.
  // The monitor asks its mocks synchronously, before its first await, so the swap covers exactly this request.
  if (kept) this.mocks = { call: (args) => mocks.call(args), newResource: () => kept };
  try {
    return originalRegister.call(this, req, (err, response) => {
      if (!err && response && graph)
        graph.resources.push({
          ...request,
          urn: response.getUrn(),
          outputs: deserializeProperties(response.getObject()),
          id: response.getId() || undefined,
        });
      callback(err, response);
    });
  } finally {
    this.mocks = mocks;
  }
};

MockMonitor.prototype.registerResourceOutputs = function (
  req: { getUrn(): string; getOutputs(): Struct },
  callback: (err: unknown, res?: unknown) => void,
) {
  const resource = current?.byUrn(req.getUrn());
  if (resource) resource.outputs = deserializeProperties(req.getOutputs());
  return originalRegisterOutputs.call(this, req, callback);
};

// Without an engine the SDK prints a warning to stderr, where a plan's reader never sees it next to the
// resources: during a run it is recorded with the graph instead, for the reports.
const originalWarn = pulumi.log.warn;
pulumi.log.warn = function (message: string, resource?: pulumi.Resource, ...rest: unknown[]) {
  const graph = current;
  if (!graph) return originalWarn.call(pulumi.log, message, resource, ...(rest as []));
  const warning: RecordedWarning = { message };
  graph.warnings.push(warning);
  // The SDK's own logger reads the URN the same way; it resolves once the resource is registered.
  const urn = (resource?.urn as unknown as { promise(): Promise<string> } | undefined)?.promise();
  return (urn ?? Promise.resolve(undefined)).then((u) => {
    if (u) warning.urn = u;
  });
};

export interface MockRunOptions {
  /** Run as `pulumi preview` (in-stack ids and computed outputs unknown). Default false (`pulumi up`). */
  preview?: boolean;
  project?: string;
  stack?: string;
  /** Stack config, keyed `<namespace>:<key>`, values as the CLI passes them (strings, JSON for objects). */
  config?: Record<string, string>;
  /** Config keys the CLI marks secret (declared `secret: true` in Pulumi.yaml). */
  secretKeys?: string[];
  /**
   * The fake Azure to run against; by default a new, empty one. Passing the fake of an earlier run makes
   * this run see what that run created (a second `pulumi up`). Its `preview` decides over the option above.
   */
  azure?: FakeAzure;
  /**
   * At preview, the id and outputs the engine has for a resource its state holds and this run would not
   * change (a `same` step), as the engine answers without asking the provider; undefined for any other.
   */
  kept?: (
    resource: Omit<RecordedResource, "outputs" | "id">,
  ) => { id: string | undefined; state: Record<string, unknown> } | undefined;
}

export interface MockRun {
  graph: RecordedGraph;
  /** The fake Azure the run created its resources in (to read them back afterwards). */
  azure: FakeAzure;
  /** The stack's outputs, resolved (unknowns at preview are undefined). */
  outputs: Record<string, unknown>;
}

/** How long a run whose program threw waits for the registrations it started before giving up on them. */
const failedRunDrainMs = 500;

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * Runs `program` as a whole stack on the mock monitor. Runs are serialised: the mock monitor is
 * process-global.
 */
export async function runOnMocks(program: () => unknown, options: MockRunOptions = {}): Promise<MockRun> {
  const graph = await startRecording(options);
  const azure = currentAzure!;
  // A registration whose input fails (an Output-valued argument a component refuses when it resolves) rejects
  // a promise nothing awaits; the CLI's language host reports those, and so does the plan, instead of crashing.
  // The run's outstanding registrations then never settle: the first such rejection ends the run.
  let onUnawaited!: (reason: unknown) => void;
  const unawaited = new Promise<{ error: unknown }>(
    (resolve) => (onUnawaited = (error) => resolve({ error })),
  );
  process.on("unhandledRejection", onUnawaited);
  try {
    // The program's error is kept out of the stack resource: rejected, it would also reject promises of the
    // stack's outputs that nothing awaits, and Node ends the process on those after the error was reported.
    let failure: { error: unknown } | undefined;
    const ran = (async () => {
      const outputs =
        (await pulumi.runtime.runInPulumiStack(async () => {
          try {
            return await program();
          } catch (error) {
            failure = { error };
            return undefined;
          }
        })) ?? {};
      // A program that threw ends the run, as the CLI's language host ends it. Its registrations are waited
      // for (so none lands on the next run's monitor), but not forever: one may wait on a value the program
      // never set (a deferred output), and those never reach the monitor.
      if (failure) {
        await Promise.race([waitForRPCs(), delay(failedRunDrainMs)]);
        return {};
      }
      await waitForRPCs();
      // Rejections are found unhandled once the microtasks after them ran.
      await new Promise((resolve) => setImmediate(resolve));
      return outputs as Record<string, unknown>;
    })();
    const ended = await Promise.race([ran.then((outputs) => ({ outputs })), unawaited]);
    if (failure) {
      leakedPromises();
      throw failure.error;
    }
    if ("error" in ended) {
      // The refused run's registrations never settle; forget them, or the SDK reports them as leaks at exit.
      leakedPromises();
      throw ended.error;
    }
    return { graph, azure, outputs: ended.outputs };
  } finally {
    process.off("unhandledRejection", onUnawaited);
    current = undefined;
    currentKept = undefined;
  }
}

/**
 * Points the mock monitor at a fresh fake Azure and starts a new graph. For tests that construct
 * components directly; call {@link settle} before asserting.
 */
export async function startRecording(options: MockRunOptions = {}): Promise<RecordedGraph> {
  const azure = options.azure ?? new FakeAzure(options.preview ?? false);
  const preview = azure.preview;
  pulumi.runtime.setAllConfig(options.config ?? {}, options.secretKeys);
  currentAzure = azure;
  currentKept = preview ? options.kept : undefined;
  await pulumi.runtime.setMocks(azure, options.project ?? "project", options.stack ?? "stack", preview);
  current = new RecordedGraph();
  return current;
}

/** Waits until every registration the program started has reached the mock monitor. */
export async function settle(): Promise<void> {
  await waitForRPCs();
}
