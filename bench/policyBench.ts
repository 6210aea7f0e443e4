/**
 * The policy pack at organisation scale: synthetic stacks of several sizes checked through the real
 * Analyzer protocol (Remediate + Analyze per resource, AnalyzeStack once) by the real pack and by a null
 * pack that only reads every resource, interleaved in one run so both see the same machine state.
 */
import * as path from "path";
import { compiledPack } from "../plan/compiledPack";
import { analyzerResources, type AnalyzerResource } from "../plan/policy/analyzerResources";
import { PolicyPackSession, type PolicyRun } from "../plan/policy/policyPackSession";
import { collectGarbage } from "./collectGarbage";
import { ownCpuMs, processCpuMs } from "./cpuTime";
import { median } from "./median";
import { organisationOfSize, workspaceTemplate, type Organisation } from "./organisationStack";

export const nullPackDir = path.join(__dirname, "nullPack");
export const realPackDir = path.resolve(__dirname, "..", "policy");

export interface PolicyBenchOptions {
  /** Target stack sizes in resources, smallest first. */
  sizes: number[];
  /** Endpoint sets per workspace. */
  setsPerWorkspace: number;
  /**
   * Measured runs per pack on the largest stack (after one warm-up run per pack on it); a smaller stack gets more,
   * up to 5 times as many, so each size is measured over about as much work and its median is as steady.
   */
  repeats: number;
  /** Analyze calls in flight at once (the session's pool). */
  concurrency: number;
  /** Which organisation program the stacks copy (default: the components'). */
  organisation?: Organisation;
  /** `pulumi preview` (default: in-stack ids unknown) or `pulumi up` (every value known). */
  form?: BenchForm;
}

/** The forms the engine sends a stack in: at preview, or at update. */
export const benchForms = ["preview", "update"] as const;
export type BenchForm = (typeof benchForms)[number];

export interface PackTiming {
  /** Median of the repeats, milliseconds. */
  analyzeMs: number;
  analyzeStackMs: number;
  totalMs: number;
  usPerResource: number;
  /** Median CPU milliseconds of the run: the pack's process plus this one (the engine's side). */
  cpuMs: number;
  cpuUsPerResource: number;
  /** Median CPU milliseconds of the pack's own process (`run-policy-pack`) over the run. */
  packCpuMs: number;
  mandatory: number;
  advisory: number;
}

export interface PolicySizeRow {
  resources: number;
  workspaces: number;
  /** Measured runs per pack at this size. */
  runs: number;
  nullPack: PackTiming;
  realPack: PackTiming;
  /** Real pack over null pack: wall time, CPU time of both processes, CPU time of the pack's process. */
  ratio: number;
  cpuRatio: number;
  packCpuRatio: number;
}

export interface PolicyBenchReport {
  organisation: Organisation;
  form: BenchForm;
  setsPerWorkspace: number;
  concurrency: number;
  repeats: number;
  rows: PolicySizeRow[];
  /** Largest over smallest size: resources, and each pack's total time. */
  growth: {
    resources: number;
    nullPack: number;
    realPack: number;
    nullPackCpu: number;
    realPackCpu: number;
    nullPackProcessCpu: number;
    realPackProcessCpu: number;
  };
  /** What the null pack said it read in its stack policy at the largest size (proof it read everything). */
  nullPackRead: string;
}

interface MeasuredRun {
  run: PolicyRun;
  cpuMs: number;
  packCpuMs: number;
}

function timingOf(measured: MeasuredRun[], resources: number): PackTiming {
  const runs = measured.map((m) => m.run);
  const total = runs.map((r) => r.timings.analyzeMs + r.timings.analyzeStackMs);
  const cpuMs = median(measured.map((m) => m.cpuMs));
  const last = runs[runs.length - 1].diagnostics;
  return {
    cpuMs,
    cpuUsPerResource: (cpuMs * 1000) / resources,
    packCpuMs: median(measured.map((m) => m.packCpuMs)),
    analyzeMs: median(runs.map((r) => r.timings.analyzeMs)),
    analyzeStackMs: median(runs.map((r) => r.timings.analyzeStackMs)),
    totalMs: median(total),
    usPerResource: (median(total) * 1000) / resources,
    mandatory: last.filter((d) => d.enforcementLevel === "mandatory").length,
    advisory: last.filter((d) => d.enforcementLevel === "advisory").length,
  };
}

export async function policyBench(options: PolicyBenchOptions): Promise<PolicyBenchReport> {
  // Preview by default: in-stack ids unknown, links only through property dependencies (the harder case).
  const organisation = options.organisation ?? "components";
  const form = options.form ?? "preview";
  const preview = form === "preview";
  const template = await workspaceTemplate(options.setsPerWorkspace, preview, organisation);
  const stacks = options.sizes.map((size) => {
    const { graph, shape } = organisationOfSize(template, size, options.setsPerWorkspace, organisation);
    return { resources: analyzerResources(graph), workspaces: shape.workspaces };
  });
  const start = (packDir: string) =>
    PolicyPackSession.start({ packDir, dryRun: preview, concurrency: options.concurrency });
  const [nullPack, realPack] = await Promise.all([start(nullPackDir), start(compiledPack(realPackDir).dir)]);
  try {
    const check = async (session: PolicyPackSession, resources: AnalyzerResource[]): Promise<MeasuredRun> => {
      collectGarbage();
      const packCpu = () => processCpuMs(session.pid) ?? Number.NaN;
      const [ownBefore, packBefore] = [ownCpuMs(), packCpu()];
      const run = await session.checkResources(resources);
      const packCpuMs = packCpu() - packBefore;
      return { run, cpuMs: ownCpuMs() - ownBefore + packCpuMs, packCpuMs };
    };
    // Warm up on the largest stack: the first runs of a process are several times slower (JIT, heap growth).
    await check(nullPack, stacks[stacks.length - 1].resources);
    await check(realPack, stacks[stacks.length - 1].resources);

    const rows: PolicySizeRow[] = [];
    let nullPackRead = "";
    const largest = stacks[stacks.length - 1].resources.length;
    for (const stack of stacks) {
      const nullRuns: MeasuredRun[] = [];
      const realRuns: MeasuredRun[] = [];
      const runs = options.repeats * Math.min(5, Math.max(1, Math.round(largest / stack.resources.length)));
      for (let i = 0; i < runs; i++) {
        // Alternate which pack goes first so neither always inherits the other's garbage.
        const order = i % 2 === 0 ? [nullPack, realPack] : [realPack, nullPack];
        for (const session of order) {
          const run = await check(session, stack.resources);
          (session === nullPack ? nullRuns : realRuns).push(run);
        }
      }
      const n = stack.resources.length;
      const row = {
        resources: n,
        workspaces: stack.workspaces,
        runs,
        nullPack: timingOf(nullRuns, n),
        realPack: timingOf(realRuns, n),
      };
      rows.push({
        ...row,
        ratio: row.realPack.totalMs / row.nullPack.totalMs,
        cpuRatio: row.realPack.cpuMs / row.nullPack.cpuMs,
        packCpuRatio: row.realPack.packCpuMs / row.nullPack.packCpuMs,
      });
      nullPackRead =
        nullRuns[nullRuns.length - 1].run.diagnostics.find((d) => d.policyName === "read-stack")?.message ??
        "";
    }
    const [first, last] = [rows[0], rows[rows.length - 1]];
    return {
      organisation,
      form,
      setsPerWorkspace: options.setsPerWorkspace,
      concurrency: options.concurrency,
      repeats: options.repeats,
      rows,
      growth: {
        resources: last.resources / first.resources,
        nullPack: last.nullPack.totalMs / first.nullPack.totalMs,
        realPack: last.realPack.totalMs / first.realPack.totalMs,
        nullPackCpu: last.nullPack.cpuMs / first.nullPack.cpuMs,
        realPackCpu: last.realPack.cpuMs / first.realPack.cpuMs,
        nullPackProcessCpu: last.nullPack.packCpuMs / first.nullPack.packCpuMs,
        realPackProcessCpu: last.realPack.packCpuMs / first.realPack.packCpuMs,
      },
      nullPackRead,
    };
  } finally {
    await Promise.all([nullPack.stop(), realPack.stop()]);
  }
}
