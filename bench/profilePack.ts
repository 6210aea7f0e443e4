/**
 * Where the pack's own process spends its CPU: `npx ts-node --transpile-only bench/profilePack.ts
 * [components|classic|hubSpoke] [resources]` serves the real pack with a CPU profiler preloaded
 * (cpuProfilePreload.js), runs AnalyzeStack and Analyze over an organisation stack twice, and prints the
 * functions with the most self time, then this repository's and @pulumi/policy's by total time.
 */
import * as fs from "fs";
import * as path from "path";
import { compiledPack } from "../plan/compiledPack";
import { analyzerResources } from "../plan/policy/analyzerResources";
import { PolicyPackSession } from "../plan/policy/policyPackSession";
import { functionTimes, type CpuProfile } from "./cpuProfileSummary";
import { organisationOfSize, workspaceTemplate, type Organisation } from "./organisationStack";
import { realPackDir } from "./policyBench";

(async () => {
  const organisation = (process.argv[2] ?? "components") as Organisation;
  const size = Number(process.argv[3] ?? 3000);
  const template = await workspaceTemplate(organisation === "hubSpoke" ? 2 : 3, true, organisation);
  const { graph } = organisationOfSize(template, size, 3, organisation);
  const resources = analyzerResources(graph);
  const out = `/tmp/pack-${organisation}.cpuprofile`;
  process.env.NODE_OPTIONS = `--require=${path.resolve("bench/cpuProfilePreload.js")}`;
  process.env.BENCH_CPU_PROFILE = out;
  const session = await PolicyPackSession.start({
    packDir: compiledPack(realPackDir).dir,
    dryRun: true,
    concurrency: 16,
  });
  delete process.env.NODE_OPTIONS;
  await session.checkResources(resources);
  await session.checkResources(resources);
  await session.stop();
  await new Promise((r) => setTimeout(r, 1000));
  const profile = JSON.parse(fs.readFileSync(out, "utf8")) as CpuProfile;
  const total = (profile.endTime - profile.startTime) / 1000;
  console.log("profile ms", total.toFixed(0), "resources", resources.length);
  const times = functionTimes(profile, /./, process.cwd());
  const self = [...times].sort((a, b) => b.selfMs - a.selfMs).slice(0, 30);
  for (const t of self)
    console.log(t.selfMs.toFixed(0).padStart(7), t.totalMs.toFixed(0).padStart(7), t.frame);
  // The pack runs compiled into a cache directory of this repository (plan/compiledPack.ts).
  console.log("--- by total (this repository's pack)");
  for (const t of functionTimes(profile, /offline-plan-pack\//, process.cwd()).slice(0, 40))
    console.log(t.selfMs.toFixed(0).padStart(7), t.totalMs.toFixed(0).padStart(7), t.frame);
})();
