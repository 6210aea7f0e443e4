/**
 * The docs' pictures: the SVG topology of every provided stack, planned offline with this repository's pack
 * (so findings are marked), written under `docs/scenarios/pictures/`. `npm run docs:diagrams` regenerates
 * them; a test of the provided stacks renders them again and fails when a committed one is stale.
 */
import * as fs from "fs";
import * as path from "path";
import { compiledPack } from "./compiledPack";
import { defaultPackDir, planStack } from "./plan";
import { PolicyPackSession } from "./policy/policyPackSession";
import { loadProject, stackNames } from "./pulumiProject";
import { topologySvg } from "./topologySvg";

const repoRoot = path.resolve(__dirname, "..");
export const picturesDir = path.join(repoRoot, "docs", "scenarios", "pictures");

export function pictureFile(stack: string): string {
  return path.join(picturesDir, `${stack}.svg`);
}

/** The provided stacks: every stack file of this repository's project. */
export function providedStacks(): string[] {
  return stackNames(loadProject(repoRoot));
}

/** The pack session the pictures are planned with (the provided stacks' test starts the same one). */
export function startDocsPack(): Promise<PolicyPackSession> {
  return PolicyPackSession.start({ packDir: compiledPack(defaultPackDir).dir, project: "azureml-isolated" });
}

async function main(): Promise<void> {
  const session = await startDocsPack();
  try {
    fs.mkdirSync(picturesDir, { recursive: true });
    for (const stack of providedStacks()) {
      const doc = await planStack(stack, { session });
      fs.writeFileSync(pictureFile(stack), await topologySvg(doc.topology));
      process.stdout.write(`${path.relative(repoRoot, pictureFile(stack))}\n`);
    }
  } finally {
    await session.stop();
  }
}

if (require.main === module) {
  main().catch((e: unknown) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    process.exit(2);
  });
}
