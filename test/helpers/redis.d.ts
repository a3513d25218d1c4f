import { type ChildProcess } from "node:child_process";
/** The redis-server on PATH, or undefined. */
export declare function findRedisServer(): string | undefined;
/** Why Redis tests cannot run here, or undefined when they can. */
export declare const REDIS_MISSING: string | undefined;
/** Whether tests that need Redis skip: only when it is missing outside CI. */
export declare const SKIP_REDIS: boolean;
/** A running redis-server. */
export interface RunningRedis {
  port: number;
  url: string;
  process: ChildProcess;
  exited: Promise<unknown>;
  stop(signal?: NodeJS.Signals): Promise<void>;
}
/** Starts redis-server on `port` (a free one by default). */
export declare function startRedis(port?: number): Promise<RunningRedis>;
