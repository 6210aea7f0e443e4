/**
 * A TypeScript policy pack as JavaScript. `run-policy-pack` registers ts-node with type checking for
 * every pack, which costs several seconds per start (8 s for `policy/` on this machine); the plan serves
 * a transpiled copy instead (the pack's own tsconfig, no type check — `npm run typecheck` does that),
 * cached by content so only the first plan after an edit pays for it. The copy sits in the pack's
 * `node_modules/.cache`, so its packages resolve exactly as the pack's own do.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import { loadTypeScript, transpileOptions } from "./typeScript";

/** The pack's files (relative paths), without dependencies or build output. */
function packFiles(dir: string, rel = ""): string[] {
  return fs
    .readdirSync(path.join(dir, rel), { withFileTypes: true })
    .filter((e) => e.name !== "node_modules" && e.name !== "bin" && !e.name.startsWith("."))
    .flatMap((e) => (e.isDirectory() ? packFiles(dir, path.join(rel, e.name)) : [path.join(rel, e.name)]))
    .sort();
}

function isTypeScriptPack(dir: string): boolean {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, "package.json"), "utf8")) as { main?: string };
  const main = pkg.main ?? "index.js";
  return (
    main.endsWith(".ts") ||
    (!fs.existsSync(path.join(dir, main)) && fs.existsSync(path.join(dir, "index.ts")))
  );
}

export interface CompiledPack {
  /** The directory to serve: the pack itself when it is JavaScript, else the transpiled copy. */
  dir: string;
  /** Milliseconds spent transpiling now (0 when served as is or from the cache). */
  compileMs: number;
}

export function compiledPack(packDir: string): CompiledPack {
  const dir = path.resolve(packDir);
  if (!isTypeScriptPack(dir)) return { dir, compileMs: 0 };
  const files = packFiles(dir);
  const ts = loadTypeScript(dir);
  const hash = createHash("sha256").update(ts.version);
  for (const f of files)
    hash
      .update(f)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, f)))
      .update("\0");
  const out = path.join(dir, "node_modules", ".cache", "offline-plan-pack", hash.digest("hex").slice(0, 16));
  if (fs.existsSync(out)) return { dir: out, compileMs: 0 };

  const began = performance.now();
  const options = transpileOptions(ts, dir);
  const staging = `${out}.${process.pid}`;
  for (const f of files) {
    if (f.endsWith(".d.ts")) continue;
    const source = path.join(dir, f);
    const target = path.join(staging, f);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    if (f.endsWith(".ts")) {
      const js = ts.transpileModule(fs.readFileSync(source, "utf8"), {
        compilerOptions: options,
        fileName: f,
      });
      fs.writeFileSync(target.replace(/\.ts$/, ".js"), js.outputText);
    } else if (f === "package.json") {
      const pkg = JSON.parse(fs.readFileSync(source, "utf8")) as { main?: string };
      pkg.main = (pkg.main ?? "index.ts").replace(/\.ts$/, ".js");
      fs.writeFileSync(target, JSON.stringify(pkg, null, 2));
    } else {
      fs.copyFileSync(source, target);
    }
  }
  // Concurrent plans may race to the same content: the first rename wins, the others reuse it.
  try {
    fs.renameSync(staging, out);
  } catch {
    fs.rmSync(staging, { recursive: true, force: true });
  }
  // Copies of earlier versions of the pack are dead weight once it changed.
  for (const old of fs.readdirSync(path.dirname(out))) {
    if (/^[0-9a-f]{16}$/.test(old) && old !== path.basename(out)) {
      fs.rmSync(path.join(path.dirname(out), old), { recursive: true, force: true });
    }
  }
  return { dir: out, compileMs: performance.now() - began };
}
