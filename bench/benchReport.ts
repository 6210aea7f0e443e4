/** The benchmark figures as the text `npm run bench` prints: one table per part, with the targets' verdicts. */
import type { ComponentBenchReport } from "./componentBench";
import type { CriticalPathReport } from "./criticalPathBench";
import type { PolicyBenchReport } from "./policyBench";
import {
  componentRatioTarget,
  constantLength,
  growthVerdict,
  packCpuRatioTarget,
  policyRatioTarget,
  ratioVerdict,
  relativeGrowthVerdict,
  type Verdict,
} from "./targets";
import { textTable } from "./textTable";

const fixed = (n: number, digits = 0) => n.toFixed(digits);
const mark = (v: Verdict) => `${v.met ? "met" : "MISSED"}, ${v.text}`;

export function policyText(r: PolicyBenchReport): string {
  const rows = r.rows.flatMap((row) =>
    (["nullPack", "realPack"] as const).map((pack) => {
      const t = row[pack];
      return [
        row.resources,
        row.workspaces,
        pack === "nullPack" ? "null" : "real",
        fixed(t.analyzeMs),
        fixed(t.analyzeStackMs),
        fixed(t.totalMs),
        fixed(t.usPerResource),
        fixed(t.cpuMs),
        fixed(t.cpuUsPerResource),
        fixed(t.packCpuMs),
        `${t.mandatory}/${t.advisory}`,
      ];
    }),
  );
  const last = r.rows[r.rows.length - 1];
  return [
    `Policy pack, ${r.organisation} organisation stack, ${r.form} form, ${r.setsPerWorkspace} endpoint sets per workspace, ${r.concurrency} Analyze calls in flight, median of ${r.rows.map((row) => `${row.runs} at ${row.resources}`).join(", ")}`,
    textTable(
      [
        "resources",
        "workspaces",
        "pack",
        "Analyze ms",
        "AnalyzeStack ms",
        "total ms",
        "µs/resource",
        "CPU ms",
        "CPU µs/resource",
        "pack process CPU ms",
        "mandatory/advisory",
      ],
      rows,
    ),
    ...r.rows.map(
      (row) =>
        `ratio real/null at ${row.resources}: wall ${mark(ratioVerdict(row.ratio, policyRatioTarget))}; CPU ${mark(ratioVerdict(row.cpuRatio, policyRatioTarget))}; pack process CPU ${mark(ratioVerdict(row.packCpuRatio, packCpuRatioTarget))}`,
    ),
    `growth of the pack process CPU ${r.rows[0].resources} -> ${last.resources}: ${mark(relativeGrowthVerdict(r.growth.realPackProcessCpu, r.growth.nullPackProcessCpu))}`,
    `growth ${r.rows[0].resources} -> ${last.resources}: real pack wall ${mark(growthVerdict(r.growth.realPack, r.growth.resources))}; CPU ${mark(growthVerdict(r.growth.realPackCpu, r.growth.resources))}`,
    `growth of the null pack: wall x${r.growth.nullPack.toFixed(1)}, CPU x${r.growth.nullPackCpu.toFixed(1)}`,
    `null pack's own count: ${r.nullPackRead.split("\n").pop()}`,
  ].join("\n");
}

export function componentText(r: ComponentBenchReport): string {
  const last = r.rows[r.rows.length - 1];
  return [
    `Components on the mock monitor: WorkspaceNetwork vs the same resources flat, median of ${r.repeats}`,
    textTable(
      [
        "sets",
        "custom resources",
        "registrations comp/flat",
        "component ms",
        "flat ms",
        "ratio",
        "component CPU ms",
        "flat CPU ms",
        "CPU ratio",
      ],
      r.rows.map((row) => [
        row.sets,
        row.customResources,
        `${row.registrations.component}/${row.registrations.flat}`,
        fixed(row.componentMs),
        fixed(row.flatMs),
        fixed(row.ratio, 2),
        fixed(row.componentCpuMs),
        fixed(row.flatCpuMs),
        fixed(row.cpuRatio, 2),
      ]),
    ),
    ...r.rows.map(
      (row) =>
        `ratio component/flat at ${row.sets} sets: wall ${mark(ratioVerdict(row.ratio, componentRatioTarget))}; CPU ${mark(ratioVerdict(row.cpuRatio, componentRatioTarget))}`,
    ),
    `growth ${r.rows[0].sets} -> ${last.sets} sets: component wall ${mark(growthVerdict(r.growth.component, r.growth.sets))}; CPU ${mark(growthVerdict(r.growth.componentCpu, r.growth.sets))}`,
    `growth of the flat program: wall x${r.growth.flat.toFixed(1)}, CPU x${r.growth.flatCpu.toFixed(1)}`,
  ].join("\n");
}

export function criticalPathText(r: CriticalPathReport): string {
  const chain = (c: { chain: { name: string }[] }) => c.chain.map((l) => l.name).join(" -> ");
  return [
    "Deployment critical path (longest chain of resources waiting on each other)",
    textTable(
      ["stack", "steps", "length", "chain"],
      r.stacks.map((s) => [s.stack, s.steps, s.chain.length, s.error ? `error: ${s.error}` : chain(s)]),
    ),
    textTable(
      ["endpoint sets", "steps", "length", "chain"],
      r.bySets.map((s) => [s.sets, s.steps, s.chain.length, chain(s)]),
    ),
    `with the number of endpoint sets: ${mark(constantLength(r.bySets.map((s) => s.chain.length)))}`,
  ].join("\n");
}
