import type { Command } from './command.ts';
import { segment } from './commands/segment.ts';

/** Every CLI command, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [segment];
