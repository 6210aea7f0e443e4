import { expect } from "chai";
import { PlanInputError, reportFailure } from "../../plan/planErrors";

describe("plan and audit: a failed command's message", () => {
  it("keeps its lines and makes each inert (a stranger's name with U+202E or ESC), exit 2, a JSON document under --json", () => {
    const out: string[] = [];
    const err: string[] = [];
    const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
    const code = reportFailure(
      new PlanInputError("stack 'dev\u202e' is wrong:\n  - name: \u001b[2Jcleared"),
      "audit",
      true,
      io,
    );
    expect(code).to.equal(2);
    expect(err.join("")).to.equal("error: stack 'dev\\u202e' is wrong:\n  - name: \\u001b[2Jcleared\n");
    expect(JSON.parse(out.join(""))).to.deep.equal({
      error: "stack 'dev\u202e' is wrong:\n  - name: \u001b[2Jcleared",
      exitCode: 2,
    });
  });
});
