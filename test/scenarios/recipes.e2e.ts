/** The recipes of docs/recipes planned from a clone: each clean stack plans clean, each broken twin is refused or blocked. */
import * as path from "path";
import { compiledPack } from "../../plan/compiledPack";
import type { PlanDocument } from "../../plan/plan";
import { runCli } from "../../plan/planCommand";
import { PolicyPackSession } from "../../plan/policy/policyPackSession";
import { expectBroken, expectClean, recipes } from "./recipes";

const recipesDir = path.resolve(__dirname, "..", "..", "docs", "recipes");

describe("docs/recipes, planned from a clone", function () {
  this.timeout(120_000);
  let session: PolicyPackSession;
  before(async () => {
    session = await PolicyPackSession.start({ packDir: compiledPack("policy").dir, dryRun: true });
  });
  after(async () => {
    await session?.stop();
  });

  const plan = async (dir: string, stack: string) => {
    const out = { stdout: "", stderr: "" };
    const code = await runCli([path.join(recipesDir, dir), "--stack", stack, "--json"], {
      stdout: (t) => (out.stdout += t),
      stderr: (t) => (out.stderr += t),
      session,
    });
    return { code, ...out };
  };

  for (const recipe of recipes) {
    it(`${recipe.dir}: the dev stack plans clean`, async () => {
      const run = await plan(recipe.dir, "dev");
      expectClean(recipe, JSON.parse(run.stdout) as PlanDocument);
    });
    it(`${recipe.dir}: its broken twin is refused at preview or blocked by the pack`, async () => {
      expectBroken(recipe, await plan(recipe.dir, "broken"));
    });
  }
});
