/**
 * A promise-shaped client for a policy pack's Analyzer gRPC server, speaking the calls the engine makes.
 * Unary calls only; many may be in flight at once on the one HTTP/2 connection.
 */
import * as grpc from "@grpc/grpc-js";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerPb from "@pulumi/pulumi/proto/analyzer_pb";
import type * as pluginPb from "@pulumi/pulumi/proto/plugin_pb";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";

// The engine lifts the default 4 MB cap: an AnalyzeStack request for a big stack is larger.
const maxMessageBytes = 400 * 1024 * 1024;

type Unary<Req, Res> = (req: Req, callback: (err: grpc.ServiceError | null, res: Res) => void) => unknown;

export class AnalyzerClient {
  private readonly client: analyzerRpc.AnalyzerClient;

  constructor(address: string) {
    this.client = new analyzerRpc.AnalyzerClient(address, grpc.credentials.createInsecure(), {
      "grpc.max_receive_message_length": maxMessageBytes,
      "grpc.max_send_message_length": maxMessageBytes,
    });
  }

  /** Resolves once the channel is connected. */
  ready(timeoutMs = 10_000): Promise<void> {
    return new Promise((resolve, reject) =>
      this.client.waitForReady(Date.now() + timeoutMs, (err) => (err ? reject(err) : resolve())),
    );
  }

  private call<Req, Res>(method: Unary<Req, Res>, req: Req): Promise<Res> {
    return new Promise((resolve, reject) =>
      method.call(this.client, req, (err, res) => (err ? reject(err) : resolve(res))),
    );
  }

  /** Like the engine, treats UNIMPLEMENTED as "not supported" and returns undefined. */
  private async optional<Req, Res>(method: Unary<Req, Res>, req: Req): Promise<Res | undefined> {
    try {
      return await this.call(method, req);
    } catch (e) {
      if ((e as grpc.ServiceError).code === grpc.status.UNIMPLEMENTED) return undefined;
      throw e;
    }
  }

  handshake(
    req: analyzerPb.AnalyzerHandshakeRequest,
  ): Promise<analyzerPb.AnalyzerHandshakeResponse | undefined> {
    return this.optional(this.client.handshake, req);
  }
  configureStack(req: analyzerPb.AnalyzerStackConfigureRequest): Promise<unknown> {
    return this.optional(this.client.configureStack, req);
  }
  getAnalyzerInfo(): Promise<analyzerPb.AnalyzerInfo> {
    return this.call(this.client.getAnalyzerInfo, new Empty());
  }
  getPluginInfo(): Promise<pluginPb.PluginInfo> {
    return this.call(this.client.getPluginInfo, new Empty());
  }
  configure(req: analyzerPb.ConfigureAnalyzerRequest): Promise<Empty> {
    return this.call(this.client.configure, req);
  }
  remediate(req: analyzerPb.AnalyzeRequest): Promise<analyzerPb.RemediateResponse | undefined> {
    return this.optional(this.client.remediate, req);
  }
  analyze(req: analyzerPb.AnalyzeRequest): Promise<analyzerPb.AnalyzeResponse> {
    return this.call(this.client.analyze, req);
  }
  analyzeStack(req: analyzerPb.AnalyzeStackRequest): Promise<analyzerPb.AnalyzeResponse | undefined> {
    return this.optional(this.client.analyzeStack, req);
  }

  close(): void {
    this.client.close();
  }
}
