/**
 * Starts a policy pack the way the CLI does: `node @pulumi/pulumi/cmd/run-policy-pack <engine> .` in the
 * pack's directory, with the stack's identity and config in the environment; the first line on stdout
 * is the port of the pack's Analyzer server. Everything else the pack prints is kept, as the CLI shows it.
 */
import { spawn, type ChildProcess } from "child_process";
import * as path from "path";

export interface PolicyPackProcessOptions {
  /** Directory holding `PulumiPolicy.yaml`, `package.json` and the pack's entry point. */
  packDir: string;
  engineAddress: string;
  project: string;
  stack: string;
  organization?: string;
  dryRun: boolean;
  /** Stack config keyed `<namespace>:<key>`, passed as `PULUMI_CONFIG` like the CLI does. */
  config?: Record<string, string>;
  /** Give up waiting for the port after this long (TypeScript packs are type-checked at start). */
  startTimeoutMs?: number;
}

export class PolicyPackProcess {
  /** Lines the pack wrote after its port, tagged with the stream, in arrival order. */
  readonly output: { stream: "stdout" | "stderr"; line: string }[] = [];
  private readonly exited: Promise<void>;

  private constructor(
    private readonly child: ChildProcess,
    readonly port: number,
    exited: Promise<void>,
  ) {
    this.exited = exited;
  }

  static start(options: PolicyPackProcessOptions): Promise<PolicyPackProcess> {
    const packDir = path.resolve(options.packDir);
    // Resolved from the pack, as the CLI's shim runs the SDK the pack itself depends on.
    const runner = path.dirname(require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] }));
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      PULUMI_NODEJS_PROJECT: options.project,
      PULUMI_NODEJS_STACK: options.stack,
      PULUMI_NODEJS_DRY_RUN: String(options.dryRun),
      PULUMI_CONFIG: JSON.stringify(options.config ?? {}),
    };
    if (options.organization) env.PULUMI_NODEJS_ORGANIZATION = options.organization;
    const child = spawn(process.execPath, [runner, options.engineAddress, "."], {
      cwd: packDir,
      env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));

    return new Promise((resolve, reject) => {
      const early: string[] = [];
      let proc: PolicyPackProcess | undefined;
      const fail = (why: string) => {
        clearTimeout(timer);
        child.kill("SIGKILL");
        reject(new Error(`policy pack ${packDir} did not start: ${why}\n${early.join("\n")}`));
      };
      const timer = setTimeout(
        () => fail("timed out waiting for its port"),
        options.startTimeoutMs ?? 60_000,
      );
      const lines = (stream: "stdout" | "stderr", onLine: (line: string) => void) => {
        let buffer = "";
        child[stream]!.setEncoding("utf8").on("data", (chunk: string) => {
          buffer += chunk;
          let nl: number;
          while ((nl = buffer.indexOf("\n")) >= 0) {
            onLine(buffer.slice(0, nl));
            buffer = buffer.slice(nl + 1);
          }
        });
        child[stream]!.on("end", () => buffer && onLine(buffer));
      };
      lines("stdout", (line) => {
        const port = Number(line.trim());
        if (proc) {
          proc.output.push({ stream: "stdout", line });
        } else if (Number.isInteger(port) && port > 0) {
          clearTimeout(timer);
          proc = new PolicyPackProcess(child, port, exited);
          resolve(proc);
        } else {
          early.push(line);
        }
      });
      lines("stderr", (line) => {
        if (proc) proc.output.push({ stream: "stderr", line });
        else early.push(line);
      });
      child.once("error", (err) => fail(err.message));
      child.once("exit", (code, signal) => {
        if (!proc) fail(`exited with ${signal ?? code}`);
      });
    });
  }

  /** The pack's process id. */
  get pid(): number {
    return this.child.pid!;
  }

  /** Stops the pack and waits for it to exit (SIGKILL if it ignores SIGTERM). */
  async stop(graceMs = 2_000): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    this.child.kill("SIGTERM");
    const timer = setTimeout(() => this.child.kill("SIGKILL"), graceMs);
    await this.exited;
    clearTimeout(timer);
  }
}
