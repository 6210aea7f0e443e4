/** Stack tags reach the offline plan's pack as the CLI sends them: from the stack file's `pulumi:tags` config. */
import { expect } from "chai";
import * as path from "path";
import { resolveTarget } from "../../plan/planTarget";
import { resolveStackConfig, stackTagsOf } from "../../plan/stackConfig";

describe("stack tags from pulumi:tags", () => {
  it("reads the provided landing-zone-dns stack's tag declaring its private DNS", () => {
    const target = resolveTarget("landing-zone-dns", { cwd: path.resolve(__dirname, "../..") });
    expect(target.stackTags).to.deep.equal({ "azureml:private-dns": "azure-policy" });
    expect(resolveTarget("single-vnet", { cwd: path.resolve(__dirname, "../..") }).stackTags).to.deep.equal(
      {},
    );
  });

  it("takes the project's tags (a `value:` declaration) unless the stack file sets its own", () => {
    const project = { "pulumi:tags": { value: { team: "ml" } } };
    expect(stackTagsOf(resolveStackConfig("p", project, {}).config)).to.deep.equal({ team: "ml" });
    const stack = { "pulumi:tags": { team: "data", "azureml:private-dns": "custom-dns" } };
    expect(stackTagsOf(resolveStackConfig("p", project, stack).config)).to.deep.equal({
      team: "data",
      "azureml:private-dns": "custom-dns",
    });
  });

  it("refuses pulumi:tags that is not a map", () => {
    const { config } = resolveStackConfig("p", {}, { "pulumi:tags": ["a", "b"] });
    expect(() => stackTagsOf(config)).to.throw(/pulumi:tags must be a map of tag names to values/);
  });
});
