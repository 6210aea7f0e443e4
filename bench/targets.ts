/**
 * The targets, checked against measured figures: a cost ratio against a baseline, and growth no
 * worse than linear (time may grow at most 1.1 times as fast as the size: ×11 for ×10 resources).
 */

/** Most time the real pack may take relative to the null pack. */
export const policyRatioTarget = 1.5;
/** Most CPU the real pack's own process may burn relative to the null pack's (issue 25). */
export const packCpuRatioTarget = 1.3;
/** Most time the component program may take relative to the flat program. */
export const componentRatioTarget = 1.3;
/** Allowed growth of time over growth of size. */
export const linearSlack = 1.1;

export interface Verdict {
  met: boolean;
  text: string;
}

export function ratioVerdict(ratio: number, target: number): Verdict {
  return { met: ratio <= target, text: `${ratio.toFixed(2)}x (target <= ${target}x)` };
}

export function growthVerdict(timeGrowth: number, sizeGrowth: number): Verdict {
  const limit = sizeGrowth * linearSlack;
  return {
    met: timeGrowth <= limit,
    text: `x${timeGrowth.toFixed(1)} for x${sizeGrowth.toFixed(1)} size (target <= x${limit.toFixed(1)})`,
  };
}

/** Growth no worse than a baseline's growth over the same sizes, plus the linear slack (10 %). */
export function relativeGrowthVerdict(growth: number, baselineGrowth: number): Verdict {
  const limit = baselineGrowth * linearSlack;
  return {
    met: growth <= limit,
    text: `x${growth.toFixed(1)} against the null pack's x${baselineGrowth.toFixed(1)} (target <= x${limit.toFixed(1)})`,
  };
}

/** Whether every critical path has the same length (they must not grow with the number of sets). */
export function constantLength(lengths: readonly number[]): Verdict {
  const met = lengths.length > 0 && lengths.every((l) => l === lengths[0]);
  return { met, text: `lengths ${lengths.join(", ")}${met ? " (constant)" : " (grows)"}` };
}
