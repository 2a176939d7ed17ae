/**
 * LinkProxy: a TCP proxy for one link (clients or a peer → one broker), on 127.0.0.1 only, whose
 * behaviour the nemesis changes at run time. "up" is client → server, "down" is server → client.
 *
 *   const link = await LinkProxy.start(brokerPort);   // link.port is what clients dial
 *   link.delay({ upMs: 50 });  link.oneWay('up');  link.partition();  link.drop('reset');  link.heal();
 *   link.setTarget(newBrokerPort);                     // after a restart on another port
 *   await link.close();
 *
 * Faults:
 * - partition() / oneWay(dir): the blocked direction stalls (its source is paused, bytes wait in
 *   the kernel buffers) and resumes on heal, as TCP retransmits once a real link heals. New
 *   connections are accepted and stall the same way.
 * - drop('blackhole'): bytes in both directions are read and discarded, new connections are
 *   accepted and get nothing; at heal, each connection that lost bytes is reset (as it would
 *   time out), since TCP never delivers a stream with a hole in it. drop('reset'): every open
 *   connection is reset (RST) and new ones are reset at accept.
 * - delay({ upMs, downMs }): each chunk is forwarded that long after it arrived, order kept.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';

export type Direction = 'up' | 'down';
export type DropMode = 'blackhole' | 'reset';

interface DirectionState { stalled: boolean; discard: boolean; delayMs: number }

interface Pipe { lostBytes: boolean; from: Socket; to: Socket; dir: Direction; held: Buffer[]; delayed: { dueMs: number; chunk: Buffer }[]; timer: NodeJS.Timeout | null }

const HOST = '127.0.0.1';

export class LinkProxy {
  private readonly state: Record<Direction, DirectionState> = {
    up: { stalled: false, discard: false, delayMs: 0 },
    down: { stalled: false, discard: false, delayMs: 0 },
  };
  private resetting = false;
  private readonly pipes = new Set<Pipe>();
  private readonly sockets = new Set<Socket>();
  /** Connections accepted so far (for tests and the run summary). */
  accepted = 0;

  private constructor(private readonly server: Server, readonly port: number, private targetPort: number) {}

  static async start(targetPort: number): Promise<LinkProxy> {
    const server = createServer();
    await new Promise<void>((res, rej) => {
      server.once('error', rej);
      server.listen(0, HOST, () => res());
    });
    const port = (server.address() as { port: number }).port;
    const proxy = new LinkProxy(server, port, targetPort);
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  get address(): string { return `${HOST}:${this.port}`; }

  /** What the link does now, for the history. */
  describe(): string {
    if (this.resetting) return 'reset';
    const d = (s: DirectionState) => (s.discard ? 'drop' : s.stalled ? 'stall' : s.delayMs > 0 ? `delay ${s.delayMs}ms` : 'pass');
    return `up=${d(this.state.up)} down=${d(this.state.down)}`;
  }

  setTarget(port: number): void { this.targetPort = port; }

  heal(): void {
    this.resetting = false;
    for (const dir of ['up', 'down'] as const) this.state[dir] = { stalled: false, discard: false, delayMs: 0 };
    for (const pipe of this.pipes) {
      if (pipe.lostBytes) {
        pipe.from.resetAndDestroy();
        pipe.to.resetAndDestroy();
      } else {
        this.flow(pipe);
      }
    }
  }

  partition(): void {
    this.heal();
    this.state.up.stalled = true;
    this.state.down.stalled = true;
  }

  /** Bytes flow only in `dir`; the other direction stalls. */
  oneWay(dir: Direction): void {
    this.heal();
    this.state[dir === 'up' ? 'down' : 'up'].stalled = true;
  }

  delay(ms: { upMs?: number; downMs?: number }): void {
    this.heal();
    this.state.up.delayMs = ms.upMs ?? 0;
    this.state.down.delayMs = ms.downMs ?? 0;
  }

  drop(mode: DropMode): void {
    this.heal();
    if (mode === 'reset') {
      this.resetting = true;
      for (const s of this.sockets) s.resetAndDestroy();
      return;
    }
    this.state.up.discard = true;
    this.state.down.discard = true;
  }

  async close(): Promise<void> {
    for (const s of this.sockets) s.destroy();
    await new Promise<void>((res) => this.server.close(() => res()));
  }

  private accept(client: Socket): void {
    this.accepted++;
    if (this.resetting) {
      client.resetAndDestroy();
      return;
    }
    const server = connect(this.targetPort, HOST);
    for (const s of [client, server]) {
      this.sockets.add(s);
      s.setNoDelay(true);
      s.on('error', () => undefined);
      s.once('close', () => {
        this.sockets.delete(s);
        // One side gone ends the link, as a broken TCP path would.
        client.destroy();
        server.destroy();
      });
    }
    for (const pipe of [this.pipe(client, server, 'up'), this.pipe(server, client, 'down')]) this.flow(pipe);
  }

  private pipe(from: Socket, to: Socket, dir: Direction): Pipe {
    const pipe: Pipe = { lostBytes: false, from, to, dir, held: [], delayed: [], timer: null };
    this.pipes.add(pipe);
    from.once('close', () => {
      this.pipes.delete(pipe);
      if (pipe.timer !== null) clearTimeout(pipe.timer);
    });
    from.on('data', (chunk: Buffer) => this.forward(pipe, chunk));
    return pipe;
  }

  /** Pauses or resumes a pipe's source to match its direction's state. */
  private flow(pipe: Pipe): void {
    if (this.state[pipe.dir].stalled) return void pipe.from.pause();
    for (const held of pipe.held.splice(0)) pipe.to.write(held);
    pipe.from.resume();
  }

  private forward(pipe: Pipe, chunk: Buffer): void {
    const s = this.state[pipe.dir];
    if (s.discard) return void (pipe.lostBytes = true);
    if (s.stalled) {
      // Arrived before the pause took hold: hold it for the heal, in order.
      pipe.held.push(chunk);
      pipe.from.pause();
      return;
    }
    if (s.delayMs <= 0 && pipe.delayed.length === 0) return void pipe.to.write(chunk);
    // Queued behind earlier chunks: a delay lowered mid-stream must not reorder the stream.
    pipe.delayed.push({ dueMs: Date.now() + s.delayMs, chunk });
    if (pipe.timer === null) this.drainLater(pipe);
  }

  private drainLater(pipe: Pipe): void {
    const head = pipe.delayed[0];
    if (head === undefined) return void (pipe.timer = null);
    pipe.timer = setTimeout(() => {
      const now = Date.now();
      while (pipe.delayed.length > 0 && pipe.delayed[0]!.dueMs <= now) pipe.to.write(pipe.delayed.shift()!.chunk);
      this.drainLater(pipe);
    }, Math.max(0, head.dueMs - Date.now()));
  }
}
