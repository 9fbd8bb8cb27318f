#!/usr/bin/env node
import { parseArgs, UsageError } from './args.ts';
import { commands } from './commands.ts';
import type { Io } from './io.ts';

export { processIo } from './io.ts';

function help(): string {
  const lines = ['Usage: audarma <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push(
    '',
    'Options for every command: --debug prints the stack trace of an internal error.',
    'Exit codes: 0 success, 1 findings (check) or not valid (validate), 2 bad input, 3 internal error.',
  );
  return lines.join('\n');
}

/** One line however the message was built: a file name or a parser message can hold line breaks. */
export function oneLine(text: string): string {
  return text.replace(/\s*[\r\n]+\s*/g, ' ').trim();
}

/**
 * Runs one command and returns the exit code: 0 done, 1 findings or not valid, 2 bad input (one line on
 * stderr), 3 internal error (one line; the stack trace only with --debug).
 */
export async function main(argv: readonly string[], io: Io): Promise<number> {
  const debug = argv.includes('--debug');
  try {
    return await run(
      argv.filter((a) => a !== '--debug'),
      io,
    );
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(oneLine(error.message));
      return 2;
    }
    if (debug && error instanceof Error && error.stack) io.err(error.stack);
    else
      io.err(
        `audarma: internal error: ${oneLine(error instanceof Error ? error.message : String(error))} (run again with --debug for details)`,
      );
    return 3;
  }
}

async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) throw new UsageError(`audarma: unknown command "${name}" (try --help)`);
  try {
    const args = parseArgs(rest);
    if (args.flags.help) {
      io.out(`Usage: audarma ${command.usage}\n${command.summary}`);
      return 0;
    }
    const loaded = await command.load();
    return await loaded.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) throw new UsageError(`audarma ${name}: ${error.message}`);
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  void main(process.argv.slice(2), (await import('./io.ts')).processIo).then((code) => {
    process.exitCode = code;
  });
}
