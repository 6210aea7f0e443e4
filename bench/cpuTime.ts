/**
 * CPU time, which other work on a shared machine inflates far less than wall time: this process's, and a
 * child's (a policy pack's) from /proc on Linux, in clock ticks of 10 ms.
 */
import * as fs from "fs";

const ticksPerSecond = 100;

/** Milliseconds of CPU (user + system) this process has used. */
export function ownCpuMs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
}

/** Milliseconds of CPU (user + system) process `pid` has used; undefined where /proc is absent. */
export function processCpuMs(pid: number): number | undefined {
  const file = `/proc/${pid}/stat`;
  if (!fs.existsSync(file)) return undefined;
  // Fields after the parenthesised command name; utime and stime are the 14th and 15th fields overall.
  const fields = fs.readFileSync(file, "utf8").split(") ")[1].split(" ");
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / ticksPerSecond;
}
