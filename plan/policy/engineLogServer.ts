/**
 * The smallest engine a policy pack needs: the CLI passes its engine address to `run-policy-pack`, and
 * anything the pack logs through the engine arrives at `pulumirpc.Engine/Log`. We keep those messages.
 */
import * as grpc from "@grpc/grpc-js";
import * as engineRpc from "@pulumi/pulumi/proto/engine_grpc_pb";
import * as enginePb from "@pulumi/pulumi/proto/engine_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

/** One `Log` call, severity named as in the CLI's output. */
export interface EngineLogMessage {
  severity: "debug" | "info" | "warning" | "error";
  message: string;
  urn?: string;
}

const severities: Record<number, EngineLogMessage["severity"]> = {
  [enginePb.LogSeverity.DEBUG]: "debug",
  [enginePb.LogSeverity.INFO]: "info",
  [enginePb.LogSeverity.WARNING]: "warning",
  [enginePb.LogSeverity.ERROR]: "error",
};

export class EngineLogServer {
  readonly messages: EngineLogMessage[] = [];

  private constructor(
    private readonly server: grpc.Server,
    /** `127.0.0.1:<port>`, the first argument of `run-policy-pack`. */
    readonly address: string,
  ) {}

  static async start(): Promise<EngineLogServer> {
    const server = new grpc.Server();
    const port = await new Promise<number>((resolve, reject) =>
      server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, p) =>
        err ? reject(err) : resolve(p),
      ),
    );
    const engine = new EngineLogServer(server, `127.0.0.1:${port}`);
    // Only Log is served; grpc-js answers UNIMPLEMENTED for the rest, as an engine without them would.
    server.addService(engineRpc.EngineService, {
      log: (call: grpc.ServerUnaryCall<enginePb.LogRequest, Empty>, callback: grpc.sendUnaryData<Empty>) => {
        const req = call.request;
        engine.messages.push({
          severity: severities[req.getSeverity()] ?? "info",
          message: req.getMessage(),
          urn: req.getUrn() || undefined,
        });
        callback(null, new Empty());
      },
    });
    return engine;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server.tryShutdown(() => resolve()));
  }
}
