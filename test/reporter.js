// Mocha's spec reporter, closed by the plain `N passed, N failed` line that CI reads.
const Mocha = require("mocha");

class CountingSpecReporter extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    runner.once(Mocha.Runner.constants.EVENT_RUN_END, () => {
      const { passes, failures, pending } = runner.stats;
      process.stdout.write(
        `\n${passes} passed, ${failures} failed` + (pending ? `, ${pending} skipped` : "") + "\n",
      );
    });
  }
}

module.exports = CountingSpecReporter;
