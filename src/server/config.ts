import { DEFAULT_LIMITS, type Limits } from './limits';

/** Options of `createClassroomServer`; everything but the port has a default that suits one classroom. */
export interface ClassroomOptions {
  /** 0 picks a free port. Default 8080. */
  port?: number;
  /** Default 0.0.0.0, so the class's devices can reach it. */
  host?: string;
  /** Where the journal lives. Default `DATA_DIR` or ./data. */
  dataDir?: string;
  /** The built game (`dist/`), served for every GET that is not the API; null serves no files. */
  staticDir?: string | null;
  /** Base of join links, e.g. "http://192.168.1.20:8080". Default: the LAN address when opened on localhost. */
  publicUrl?: string;
  /** Seconds a dropped team keeps its seat before the computer plays it (a session may set its own). Default 60. */
  graceSeconds?: number;
  /** Pause before a computer party moves, so people can follow. Default 1500 ms. */
  computerDelayMs?: number;
  /** Real milliseconds per timer second (tests shorten it; the room clock's resolution is 50 ms). Default 1000. */
  tickMs?: number;
  /** Tables of sessions created within this many hours reopen at startup; older ones when someone joins. Default 24. */
  restoreWindowHours?: number;
  /** Minutes a finished table with nobody connected stays in memory. Default 10. */
  idleDisposeMinutes?: number;
  /** Seconds between checkpoints of the journal's write-ahead log into its file. Default 60. */
  checkpointSeconds?: number;
  limits?: Partial<Limits>;
  /** Log nothing but errors. */
  quiet?: boolean;
}

export interface ResolvedOptions {
  port: number;
  host: string;
  dataDir: string;
  staticDir: string | null;
  publicUrl: string | null;
  graceSeconds: number;
  computerDelayMs: number;
  tickMs: number;
  restoreWindowHours: number;
  idleDisposeMinutes: number;
  checkpointSeconds: number;
  limits: Limits;
  quiet: boolean;
}

export function resolveOptions(o: ClassroomOptions = {}): ResolvedOptions {
  return {
    port: o.port ?? 8080,
    host: o.host ?? '0.0.0.0',
    dataDir: o.dataDir ?? process.env.DATA_DIR ?? './data',
    staticDir: o.staticDir ?? null,
    publicUrl: o.publicUrl?.replace(/\/+$/, '') ?? null,
    graceSeconds: o.graceSeconds ?? 60,
    computerDelayMs: o.computerDelayMs ?? 1500,
    tickMs: o.tickMs ?? 1000,
    restoreWindowHours: o.restoreWindowHours ?? 24,
    idleDisposeMinutes: o.idleDisposeMinutes ?? 10,
    checkpointSeconds: o.checkpointSeconds ?? 60,
    limits: { ...DEFAULT_LIMITS, ...o.limits },
    quiet: o.quiet ?? false,
  };
}
