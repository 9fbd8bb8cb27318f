import type { Args } from './args.ts';
import type { Io } from './io.ts';

/** One CLI command. `run` returns the exit code; a UsageError it throws becomes exit code 2. */
export type Command = {
  readonly name: string;
  readonly usage: string;
  readonly summary: string;
  run(args: Args, io: Io): number | Promise<number>;
};
