/** Parsed command line: positional arguments and --flags (a flag without a value is "true"). */
export type Args = {
  readonly positional: readonly string[];
  readonly flags: Readonly<Record<string, string>>;
};

/** Flags that take no value; every other --flag takes the next argument (or --flag=value). */
const BOOLEAN_FLAGS = new Set(['json', 'help', 'presegmented', 'latin', 'force']);

export function parseArgs(argv: readonly string[]): Args {
  const positional: string[] = [];
  const flags: Record<string, string> = {};
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] ?? '';
    if (arg === '-h') {
      flags.help = 'true';
    } else if (arg.startsWith('--')) {
      const eq = arg.indexOf('=');
      const name = eq > 0 ? arg.slice(2, eq) : arg.slice(2);
      if (eq > 0) flags[name] = arg.slice(eq + 1);
      else if (BOOLEAN_FLAGS.has(name)) flags[name] = 'true';
      else {
        const value = argv[i + 1];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
        flags[name] = value;
        i += 1;
      }
    } else positional.push(arg);
  }
  return { positional, flags };
}

/** Bad input from the user: printed as one line on stderr, exit code 2. */
export class UsageError extends Error {}
