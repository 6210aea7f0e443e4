/**
 * The components' cost on the mock monitor: `WorkspaceNetwork` with N endpoint sets against the same
 * resources declared flat with raw azure-native, interleaved in one run; the two graphs are checked to
 * hold the same custom resources (types, names, inputs) before any figure is reported.
 */
import { runOnMocks } from "../plan/mockRun";
import { collectGarbage } from "./collectGarbage";
import { ownCpuMs } from "./cpuTime";
import { componentProgram, flatProgram } from "./endpointSetPrograms";
import { median } from "./median";
import { compareResources } from "./sameResources";

export interface ComponentBenchOptions {
  /** Endpoint set counts, smallest first. */
  sets: number[];
  /** Measured runs per program and size. */
  repeats: number;
  /** Run each program once on the smallest size before measuring (JIT, module loading). */
  warmUp: boolean;
}

export interface ComponentRow {
  sets: number;
  /** Custom resources of each program (equal, or the bench throws). */
  customResources: number;
  /** Registrations including the stack and, for the component program, the components. */
  registrations: { component: number; flat: number };
  /** Median milliseconds of a whole mock-monitor run. */
  componentMs: number;
  flatMs: number;
  /** Median CPU milliseconds of a run (this process: the program, the SDK and the mock monitor). */
  componentCpuMs: number;
  flatCpuMs: number;
  ratio: number;
  cpuRatio: number;
}

export interface ComponentBenchReport {
  repeats: number;
  rows: ComponentRow[];
  /** Largest over smallest size: sets, and each program's time. */
  growth: { sets: number; component: number; flat: number; componentCpu: number; flatCpu: number };
}

async function timedRun(program: () => void) {
  collectGarbage();
  const [began, cpu] = [performance.now(), ownCpuMs()];
  const { graph } = await runOnMocks(program);
  return { graph, ms: performance.now() - began, cpuMs: ownCpuMs() - cpu };
}

export async function componentBench(options: ComponentBenchOptions): Promise<ComponentBenchReport> {
  if (options.warmUp) {
    await timedRun(componentProgram(options.sets[0]));
    await timedRun(flatProgram(options.sets[0]));
  }
  const rows: ComponentRow[] = [];
  for (const sets of options.sets) {
    const componentMs: number[] = [];
    const flatMs: number[] = [];
    const componentCpuMs: number[] = [];
    const flatCpuMs: number[] = [];
    let registrations = { component: 0, flat: 0 };
    let customResources = 0;
    for (let i = 0; i < options.repeats; i++) {
      // Alternate which program goes first.
      const [first, second] = i % 2 === 0 ? [componentProgram, flatProgram] : [flatProgram, componentProgram];
      const a = await timedRun(first(sets));
      const b = await timedRun(second(sets));
      const [component, flat] = first === componentProgram ? [a, b] : [b, a];
      componentMs.push(component.ms);
      flatMs.push(flat.ms);
      componentCpuMs.push(component.cpuMs);
      flatCpuMs.push(flat.cpuMs);
      const same = compareResources(component.graph, flat.graph);
      if (!same.same) {
        throw new Error(
          `the flat program of ${sets} sets differs from the component's:\n${same.differences.join("\n")}`,
        );
      }
      customResources = same.counts[0];
      registrations = { component: component.graph.resources.length, flat: flat.graph.resources.length };
    }
    const row = {
      sets,
      customResources,
      registrations,
      componentMs: median(componentMs),
      flatMs: median(flatMs),
      componentCpuMs: median(componentCpuMs),
      flatCpuMs: median(flatCpuMs),
    };
    rows.push({ ...row, ratio: row.componentMs / row.flatMs, cpuRatio: row.componentCpuMs / row.flatCpuMs });
  }
  const [first, last] = [rows[0], rows[rows.length - 1]];
  return {
    repeats: options.repeats,
    rows,
    growth: {
      sets: last.sets / first.sets,
      component: last.componentMs / first.componentMs,
      flat: last.flatMs / first.flatMs,
      componentCpu: last.componentCpuMs / first.componentCpuMs,
      flatCpu: last.flatCpuMs / first.flatCpuMs,
    },
  };
}
