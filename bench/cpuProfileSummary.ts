/**
 * Where a V8 CPU profile (`.cpuprofile`) spends its time, per function: self time, and total time
 * including callees (each function counted once per sample, so recursion does not inflate it).
 */

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

export interface CpuProfile {
  nodes: ProfileNode[];
  startTime: number;
  endTime: number;
  samples: number[];
  timeDeltas: number[];
}

export interface FunctionTime {
  /** `name (file:line)`, line 1-based. */
  frame: string;
  selfMs: number;
  totalMs: number;
}

function frameOf(node: ProfileNode, root: string): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const file = url.replace(/^file:\/\//, "").replace(root, "");
  return `${functionName || "(anonymous)"} (${file}:${lineNumber + 1})`;
}

/**
 * The functions whose file matches `include`, by total time, longest first. `root` is cut from file
 * paths to shorten them.
 */
export function functionTimes(profile: CpuProfile, include: RegExp, root = ""): FunctionTime[] {
  const parentOf = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parentOf.set(c, n.id);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const times = new Map<string, FunctionTime>();
  const entry = (frame: string) => {
    let t = times.get(frame);
    if (!t) times.set(frame, (t = { frame, selfMs: 0, totalMs: 0 }));
    return t;
  };
  profile.samples.forEach((id, i) => {
    // A sample's delta is the time until the next sample: attribute it to the sampled stack.
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set<string>();
    for (let n = byId.get(id); n; n = byId.get(parentOf.get(n.id) ?? -1)) {
      if (!include.test(n.callFrame.url)) continue;
      const frame = frameOf(n, root);
      if (n.id === id) entry(frame).selfMs += ms;
      if (!seen.has(frame)) {
        seen.add(frame);
        entry(frame).totalMs += ms;
      }
    }
  });
  return [...times.values()].sort((a, b) => b.totalMs - a.totalMs);
}
