#!/usr/bin/env node
import { parseArgs, UsageError } from './args.ts';
import { commands } from './commands.ts';
import { processIo, type Io } from './io.ts';

function help(): string {
  const lines = ['Usage: audarma <command> [options]', '', 'Commands:'];
  for (const c of commands) lines.push(`  ${c.usage}`, `      ${c.summary}`);
  lines.push('', 'Exit codes: 0 success, 1 findings (check), 2 bad input.');
  return lines.join('\n');
}

export async function main(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.out(help());
    return name ? 0 : 2;
  }
  const command = commands.find((c) => c.name === name);
  if (!command) {
    io.err(`audarma: unknown command "${name}" (try --help)`);
    return 2;
  }
  try {
    const args = parseArgs(rest);
    if (args.flags.help) {
      io.out(`Usage: audarma ${command.usage}\n${command.summary}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`audarma ${name}: ${error.message}`);
      return 2;
    }
    throw error;
  }
}

const invokedDirectly = process.argv[1] !== undefined && /main\.ts$/.test(process.argv[1]);
if (invokedDirectly) {
  main(process.argv.slice(2), processIo).then(
    (code) => {
      process.exitCode = code;
    },
    (error: unknown) => {
      process.stderr.write(
        `audarma: internal error: ${error instanceof Error ? error.stack : String(error)}\n`,
      );
      process.exitCode = 3;
    },
  );
}
