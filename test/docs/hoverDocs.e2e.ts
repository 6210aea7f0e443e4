/**
 * What an editor shows on hover comes from the published declarations: the package's `.d.ts` files, emitted
 * here by tsc from the build config into a temporary directory and read back with the checker. Every
 * exported class (the components) needs a description, and so does every property of every exported
 * `*Args` interface, inherited ones included, and every public property a component class declares (its
 * outputs).
 */
import { expect } from "chai";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as ts from "typescript";

const repoRoot = path.resolve(__dirname, "..", "..");

/** The checker over the package entry's declarations as tsc emits them. */
function emittedDeclarations(): { checker: ts.TypeChecker; entry: ts.Symbol; entryText: string } {
  const outDir = fs.mkdtempSync(path.join(os.tmpdir(), "hover-docs-"));
  const config = ts.getParsedCommandLineOfConfigFile(
    path.join(repoRoot, "tsconfig.build.json"),
    {},
    {
      ...ts.sys,
      onUnRecoverableConfigFileDiagnostic: (d) => {
        throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
      },
    },
  )!;
  const emit = ts
    .createProgram({
      rootNames: [path.join(repoRoot, "sdk", "index.ts")],
      options: { ...config.options, outDir, emitDeclarationOnly: true, declaration: true, sourceMap: false },
    })
    .emit();
  expect(emit.emitSkipped, "declaration emit").to.equal(false);
  const entryFile = path.join(outDir, "sdk", "index.d.ts");
  const program = ts.createProgram({ rootNames: [entryFile], options: { noEmit: true, skipLibCheck: true } });
  const checker = program.getTypeChecker();
  const entry = checker.getSymbolAtLocation(program.getSourceFile(entryFile)!)!;
  return { checker, entry, entryText: fs.readFileSync(entryFile, "utf8") };
}

function described(symbol: ts.Symbol, checker: ts.TypeChecker): boolean {
  return ts.displayPartsToString(symbol.getDocumentationComment(checker)).trim() !== "";
}

describe("hover docs in the published declarations", function () {
  this.timeout(120_000);
  let checker: ts.TypeChecker;
  let exported: ts.Symbol[];
  let moduleDoc: string;

  before(() => {
    const emitted = emittedDeclarations();
    checker = emitted.checker;
    // The module doc: the comment that opens the entry's declarations.
    moduleDoc = /^\/\*\*[\s\S]*?\*\//.exec(emitted.entryText)?.[0] ?? "";
    exported = checker
      .getExportsOfModule(emitted.entry)
      .map((s) => (s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s));
  });

  const classes = () => exported.filter((s) => s.flags & ts.SymbolFlags.Class);

  it("describes every exported class", () => {
    expect(classes().length).to.be.greaterThan(5);
    const bare = classes()
      .filter((s) => !described(s, checker))
      .map((s) => s.name);
    expect(bare, "classes without a description").to.deep.equal([]);
  });

  it("lists every component in the module doc", () => {
    const unlisted = classes()
      .map((s) => s.name)
      .filter((name) => !moduleDoc.includes(`{@link ${name}}`));
    expect(unlisted, "components missing from the module doc of sdk/index.ts").to.deep.equal([]);
  });

  it("describes every property of every exported args interface, inherited ones included", () => {
    const args = exported.filter((s) => s.flags & ts.SymbolFlags.Interface && /Args$/.test(s.name));
    expect(args.map((s) => s.name)).to.include.members(["SecuredWorkspaceArgs", "WorkspaceNetworkArgs"]);
    const bare = args.flatMap((s) =>
      checker
        .getPropertiesOfType(checker.getDeclaredTypeOfSymbol(s))
        .filter((p) => !described(p, checker))
        .map((p) => `${s.name}.${p.name}`),
    );
    expect(bare, "args properties without a description").to.deep.equal([]);
  });

  it("describes every public property a component class declares (its outputs)", () => {
    const bare = classes().flatMap((s) =>
      [...(s.members?.values() ?? [])]
        .filter((m) => m.flags & ts.SymbolFlags.Property)
        .filter(
          (m) =>
            !m.declarations?.some(
              (d) => ts.getCombinedModifierFlags(d) & ts.ModifierFlags.NonPublicAccessibilityModifier,
            ),
        )
        .filter((m) => !described(m, checker))
        .map((m) => `${s.name}.${m.name}`),
    );
    expect(bare, "outputs without a description").to.deep.equal([]);
  });
});
