/**
 * The offline audit of an existing Azure estate: an Azure Resource Graph export (and its companion files)
 * read into the discovered form the pack reads in an audit policy group, checked by the same pack over the
 * Analyzer protocol as the plan checks a program, and described by the plan's own tables, findings and
 * picture — in the estate's words, titled by its subscriptions.
 */
import { RecordedGraph } from "../mockRun";
import { compiledPack } from "../compiledPack";
import { describeGraph } from "../graphDescription";
import { defaultPackDir, type PlanDocument } from "../plan";
import type { PolicyPackConfig } from "../policy/policyConfig";
import { PolicyPackSession } from "../policy/policyPackSession";
import { readExport } from "./argExport";
import { discoveredResource, estateNames } from "./discoveredResource";
import { estateNotes } from "./estateNotes";
import { estateWordsDeep } from "./estateWording";

export interface AuditOptions {
  /** Policy pack directory; default this package's pack. */
  policyPack?: string;
  /** The `--policy-pack-config` JSON: the platform's description and what a stack's tags would declare. */
  policyPackConfig?: PolicyPackConfig;
  /** A pack already started (tests); it is left running. */
  session?: PolicyPackSession;
}

export interface EstateSummary {
  /** The subscriptions the export's resources are in, sorted. */
  subscriptions: string[];
  files: string[];
  /** Rows read as resources (a repeated id once). */
  resources: number;
  /** Private DNS record sets (`dnsresources`), counted, not modelled. */
  dnsRecords: number;
  /** Rows of types the audit does not read, by type. */
  skipped: Record<string, number>;
  /** What the export lacks that the verdicts depend on. */
  notes: string[];
}

export interface AuditDocument extends PlanDocument {
  estate: EstateSummary;
}

/** "subscription X" or "subscriptions X, Y". */
export function subscriptionsLabel(subscriptions: readonly string[]): string {
  if (subscriptions.length === 0) return "no subscription (empty export)";
  return `subscription${subscriptions.length > 1 ? "s" : ""} ${subscriptions.join(", ")}`;
}

/**
 * The export's files read into the estate's graph and what the audit says of the export; the rows themselves
 * are left behind (only their discovered form is kept while the pack checks them).
 */
export function readEstate(files: readonly string[]): {
  graph: RecordedGraph;
  summary: Omit<EstateSummary, "files">;
} {
  const exported = readExport(files);
  const rows = [...exported.rows.values()];
  const bySubscription = new Map(
    rows.map((r) => [r.parsed.subscriptionId.toLowerCase(), r.parsed.subscriptionId]),
  );
  const subscriptions = [...bySubscription.values()].sort();
  const graph = new RecordedGraph();
  const names = estateNames(rows);
  rows.forEach((row, i) => graph.resources.push(discoveredResource(row, names[i])));
  return {
    graph,
    summary: {
      subscriptions,
      resources: exported.rows.size,
      dnsRecords: exported.dnsRecords,
      skipped: Object.fromEntries([...exported.skipped].sort(([a], [b]) => a.localeCompare(b))),
      notes: estateNotes(exported),
    },
  };
}

export async function auditEstate(
  files: readonly string[],
  options: AuditOptions = {},
): Promise<AuditDocument> {
  const began = performance.now();
  const identity = {
    project: "azure-resource-graph",
    stack: "estate",
    stackTags: {} as Record<string, string>,
  };
  let onSpawn!: () => void;
  const spawned = new Promise<void>((resolve) => (onSpawn = resolve));
  const pack = options.session ? undefined : compiledPack(options.policyPack ?? defaultPackDir);
  const starting = options.session
    ? Promise.resolve(options.session)
    : PolicyPackSession.start({
        packDir: pack!.dir,
        ...identity,
        stackConfig: {},
        dryRun: true,
        policyConfig: options.policyPackConfig,
        onSpawn,
      });
  starting.catch(() => undefined);
  // Reading blocks the event loop: let the pack's process start first so the two overlap.
  if (!options.session)
    await Promise.race([
      spawned,
      starting.then(
        () => undefined,
        () => undefined,
      ),
    ]);

  const readStarted = performance.now();
  let read: { graph: RecordedGraph; summary: Omit<EstateSummary, "files"> };
  try {
    read = readEstate(files);
  } catch (e) {
    if (!options.session) await starting.then((s) => s.stop()).catch(() => undefined);
    throw e;
  }
  const { graph, summary } = read;
  const readMs = performance.now() - readStarted;

  const session = await starting;
  try {
    const policyStarted = performance.now();
    // Nothing is deployed: a violation stands as Azure has it, with nothing to remediate it (CheckOptions).
    const run = await session.check(graph, { remediate: false });
    const policyMs = performance.now() - policyStarted;
    const { redacted, ...described } = describeGraph(
      graph,
      { session, run },
      { ...identity, title: `Network and private DNS of ${subscriptionsLabel(summary.subscriptions)}` },
    );
    const document: AuditDocument = {
      project: identity.project,
      stack: identity.stack,
      program: files.join(", "),
      mode: "update",
      policyPack: { name: session.info.name, version: session.info.version },
      ...described,
      estate: redacted({ ...summary, files: [...files] }),
      timings: {
        packCompileMs: pack?.compileMs ?? 0,
        packStartMs: options.session ? 0 : session.startMs,
        programMs: readMs,
        policyMs,
        totalMs: performance.now() - began,
      },
    };
    return estateWordsDeep(document);
  } finally {
    if (!options.session) await session.stop();
  }
}
