/** Argument parsing and failure reporting shared by the CLIs (CONTRACT: one-line error, non-zero exit). */
import { readFileSync } from 'node:fs';

export class UsageError extends Error {}

export interface ParsedArgs {
  options: Map<string, string>;
  positional: string[];
}

/** `--name value` options (all required to have a value) plus positional arguments. */
export function parseArgs(argv: string[], known: readonly string[], usage: string): ParsedArgs {
  const options = new Map<string, string>();
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg.startsWith('--')) {
      const name = arg.slice(2);
      if (!known.includes(name)) throw new UsageError(`unknown option ${arg}; usage: ${usage}`);
      const value = argv[++i];
      if (value === undefined) throw new UsageError(`option ${arg} needs a value; usage: ${usage}`);
      options.set(name, value);
    } else positional.push(arg);
  }
  return { options, positional };
}

export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new UsageError(code === 'ENOENT' ? `file not found: ${path}` : `cannot read ${path}: ${code ?? err}`);
  }
}

export function readJson(path: string): unknown {
  const text = readText(path);
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new UsageError(`invalid JSON in ${path}: ${(err as Error).message}`);
  }
}

/** Run a CLI body: JSON on stdout, one line on stderr and exit 1 on failure. */
export function runCli(name: string, body: () => unknown): void {
  try {
    process.stdout.write(`${JSON.stringify(body(), null, 2)}\n`);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    process.stderr.write(`${name}: ${message.split('\n')[0]}\n`);
    process.exitCode = 1;
  }
}
