/**
 * Runs of one program on the mocks, one per arguments and mode, shared by the tests of a suite that only read
 * them (a test that edits a run's graph runs its own). Call it inside a `describe`: the runs are dropped after.
 */
import { runOnMocks, type MockRun } from "../../plan/mockRun";

export function sharedRuns<A>(
  program: (args: A) => () => unknown,
): (args: A, preview?: boolean) => Promise<MockRun> {
  const runs = new Map<string, Promise<MockRun>>();
  after(() => runs.clear());
  return (args, preview = false) => {
    const key = JSON.stringify([args, preview]);
    let run = runs.get(key);
    if (!run) runs.set(key, (run = runOnMocks(program(args), { preview })));
    return run;
  };
}
