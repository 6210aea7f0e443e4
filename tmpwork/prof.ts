import * as fs from "fs";
import { functionTimes, type CpuProfile } from "../bench/cpuProfileSummary";
const profile = JSON.parse(fs.readFileSync(process.argv[2], "utf8")) as CpuProfile;
console.log("profile ms", ((profile.endTime - profile.startTime) / 1000).toFixed(0));
const times = functionTimes(profile, /./, process.cwd());
for (const t of [...times].sort((a, b) => b.selfMs - a.selfMs).slice(0, 25))
  console.log(t.selfMs.toFixed(0).padStart(7), t.totalMs.toFixed(0).padStart(7), t.frame);
console.log("--- by total (repo)");
for (const t of functionTimes(profile, /work\/wt/, process.cwd()).slice(0, 45))
  console.log(t.selfMs.toFixed(0).padStart(7), t.totalMs.toFixed(0).padStart(7), t.frame);
