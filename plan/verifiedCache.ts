/**
 * A content cache on disk that is neither trusted nor required. Each entry carries the SHA-256 of its
 * content, checked on every read: a truncated, torn or edited entry is a miss, not code to run. (It guards
 * against corruption, not against someone who can write `node_modules`: they can change the packages
 * themselves.) When the directory cannot be created or written (a read-only checkout, another user's
 * `node_modules`), the cache stops writing and the caller computes every entry afresh, as with no cache.
 */
import { createHash } from "crypto";
import * as nodeFs from "fs";
import * as path from "path";

/** The file operations the cache uses, injectable so tests can refuse writes the way a read-only disk does. */
export type CacheFs = Pick<
  typeof nodeFs,
  "mkdirSync" | "readFileSync" | "writeFileSync" | "renameSync" | "rmSync" | "existsSync"
>;

export function sha256(content: string | Buffer): string {
  return createHash("sha256").update(content).digest("hex");
}

const header = "// sha256 ";

export interface TextCache {
  /** The verified content of an entry, or undefined for a miss (absent, unreadable or not matching its hash). */
  get(key: string): string | undefined;
  /** Stores an entry when the disk allows; never throws for a disk that does not. */
  put(key: string, content: string): void;
  /** Why nothing is written, once the disk refused. */
  readonly disabled?: string;
}

/** A cache of text entries in `dir`, one file each (`<key>.js`), with the content's hash on its first line. */
export function textCache(dir: string, fs: CacheFs = nodeFs): TextCache {
  let disabled: string | undefined;
  const refuse = (e: unknown) => {
    disabled = e instanceof Error ? e.message : String(e);
  };
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (e) {
    refuse(e);
  }
  const fileOf = (key: string) => path.join(dir, `${key}.js`);
  return {
    get disabled() {
      return disabled;
    },
    get(key) {
      let text: string;
      try {
        text = fs.readFileSync(fileOf(key), "utf8");
      } catch {
        return undefined;
      }
      const newline = text.indexOf("\n");
      if (!text.startsWith(header) || newline < 0) return undefined;
      const content = text.slice(newline + 1);
      return text.slice(header.length, newline) === sha256(content) ? content : undefined;
    },
    put(key, content) {
      if (disabled !== undefined) return;
      // Written aside then renamed, so a concurrent reader never sees half a file.
      const partial = `${fileOf(key)}.${process.pid}`;
      try {
        fs.writeFileSync(partial, `${header}${sha256(content)}\n${content}`);
        fs.renameSync(partial, fileOf(key));
      } catch (e) {
        refuse(e);
        try {
          fs.rmSync(partial, { force: true });
        } catch {
          // Nothing was written, or it cannot be removed either: the entry is a miss for every reader.
        }
      }
    },
  };
}
