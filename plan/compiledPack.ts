/**
 * A TypeScript policy pack as JavaScript. `run-policy-pack` registers ts-node with type checking for
 * every pack, which costs several seconds per start (8 s for `policy/` on this machine); the plan serves
 * a transpiled copy instead (the pack's own tsconfig, no type check — `npm run typecheck` does that),
 * cached by content so only the first plan after an edit pays for it. The copy sits in the pack's
 * `node_modules/.cache`, so its packages resolve exactly as the pack's own do. The copy records the hash of
 * its files and is checked against it before it is served (a damaged copy is rebuilt); when the cache
 * cannot be written, the pack is served from its sources as `pulumi preview` does (type-checked, slower).
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

/** SHA-256 over a tree's files, names and contents, after `seed`. */
function treeHash(dir: string, files: readonly string[], seed = ""): string {
  const hash = createHash("sha256").update(seed);
  for (const f of files)
    hash
      .update(f)
      .update("\0")
      .update(fs.readFileSync(path.join(dir, f)))
      .update("\0");
  return hash.digest("hex");
}

/** Where a copy records the hash of its files (a dot file: not among the files it hashes). */
const manifest = ".sha256";

function isIntact(copy: string): boolean {
  try {
    return fs.readFileSync(path.join(copy, manifest), "utf8") === treeHash(copy, packFiles(copy));
  } catch {
    return false;
  }
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
  /** Why a TypeScript pack is served from its sources: its cache could not be written. */
  uncached?: string;
}

export function compiledPack(packDir: string): CompiledPack {
  const dir = path.resolve(packDir);
  if (!isTypeScriptPack(dir)) return { dir, compileMs: 0 };
  const files = packFiles(dir);
  const ts = loadTypeScript(dir);
  const out = path.join(
    dir,
    "node_modules",
    ".cache",
    "offline-plan-pack",
    treeHash(dir, files, ts.version).slice(0, 16),
  );
  if (isIntact(out)) return { dir: out, compileMs: 0 };

  const began = performance.now();
  const staging = `${out}.${process.pid}`;
  try {
    fs.rmSync(out, { recursive: true, force: true });
    transpile(ts, dir, files, staging);
    fs.writeFileSync(path.join(staging, manifest), treeHash(staging, packFiles(staging)));
  } catch (e) {
    removeQuietly(staging);
    return { dir, compileMs: 0, uncached: e instanceof Error ? e.message : String(e) };
  }
  // Concurrent plans may race to the same content: the first rename wins, the others reuse it.
  try {
    fs.renameSync(staging, out);
  } catch {
    removeQuietly(staging);
  }
  // Copies of earlier versions of the pack are dead weight once it changed.
  for (const old of fs.readdirSync(path.dirname(out))) {
    if (/^[0-9a-f]{16}$/.test(old) && old !== path.basename(out))
      removeQuietly(path.join(path.dirname(out), old));
  }
  return { dir: out, compileMs: performance.now() - began };
}

/** Removes a tree if the disk lets it: what stays is never served unverified. */
function removeQuietly(target: string): void {
  try {
    fs.rmSync(target, { recursive: true, force: true });
  } catch {
    // Left behind: a later plan removes it, or it is ignored.
  }
}

/** Writes the pack's files to `target` as JavaScript (package.json pointing at the .js entry). */
function transpile(
  ts: typeof import("typescript"),
  dir: string,
  files: readonly string[],
  target: string,
): void {
  const options = transpileOptions(ts, dir);
  for (const f of files) {
    if (f.endsWith(".d.ts")) continue;
    const source = path.join(dir, f);
    const to = path.join(target, f);
    fs.mkdirSync(path.dirname(to), { recursive: true });
    if (f.endsWith(".ts")) {
      const js = ts.transpileModule(fs.readFileSync(source, "utf8"), {
        compilerOptions: options,
        fileName: f,
      });
      fs.writeFileSync(to.replace(/\.ts$/, ".js"), js.outputText);
    } else if (f === "package.json") {
      const pkg = JSON.parse(fs.readFileSync(source, "utf8")) as { main?: string };
      pkg.main = (pkg.main ?? "index.ts").replace(/\.ts$/, ".js");
      fs.writeFileSync(to, JSON.stringify(pkg, null, 2));
    } else {
      fs.copyFileSync(source, to);
    }
  }
}
