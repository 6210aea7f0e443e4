/** The real pack served as the CLI serves it, once for preview and once for update, with one pack config. */
import { compiledPack } from "../../plan/compiledPack";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import type { PolicyPackConfig } from "../../plan/policy/policyConfig";

export interface RealPackSessions {
  preview: PolicyPackSession;
  update: PolicyPackSession;
}

export async function startRealPack(policyConfig?: PolicyPackConfig): Promise<RealPackSessions> {
  const packDir = compiledPack("policy").dir;
  const [preview, update] = await Promise.all([
    PolicyPackSession.start({ packDir, dryRun: true, policyConfig }),
    PolicyPackSession.start({ packDir, dryRun: false, policyConfig }),
  ]);
  return { preview, update };
}

/** Stops every session given (those a failed start left undefined are skipped). */
export async function stopRealPack(...all: (RealPackSessions | undefined)[]): Promise<void> {
  await Promise.all(all.flatMap((s) => (s ? [s.preview.stop(), s.update.stop()] : [])));
}
