import type { Command } from './command.ts';
import { segment } from './commands/segment.ts';
import { validate } from './commands/validate.ts';
import { convert } from './commands/convert.ts';
import { check } from './commands/check.ts';
import { align } from './commands/align.ts';
import { tm } from './commands/tm.ts';

/** Every CLI command, in the order `--help` lists them. Add a command here and nowhere else. */
export const commands: readonly Command[] = [segment, validate, convert, check, align, tm];
