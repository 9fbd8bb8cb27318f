import type { Args } from './args.ts';
import type { Io } from './io.ts';

/** What a command does. `run` returns the exit code; a UsageError it throws becomes exit code 2. */
export type Run = {
  run(args: Args, io: Io): number | Promise<number>;
};

/**
 * One CLI command as `--help` lists it. The code that runs it is loaded only when it is asked for, so listing
 * the commands, or running one, never loads what the others need (format readers, the checks, the aligner).
 */
export type Command = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  load(): Promise<Run>;
};
