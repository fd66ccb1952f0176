import { pathToFileURL } from 'node:url';
import { backupCommand, restoreCommand } from './backup-command';
import { analyze, batch, levels, replay, simulate, validate, type Out } from './commands';
import { EXIT, InputError, ReplayError } from './errors';
import { levelSchemaCommand } from './schema-command';
import { tournament } from './tournament';

const USAGE = `Buffer Zone command line

  simulate --level <id|path> --seed <text> [--difficulty easy|normal|hard] [--seat party=difficulty|agent:<command>]...
           [--agent-timeout <seconds>] [--out record.bzrec.json] [--json]
  replay <record.bzrec.json> [--to-step N] [--level <path>] [--json]
  validate <level.json>... [--json]
  batch --level <id|path> --seeds <N> [--difficulty easy|normal|hard] [--seat party=difficulty|agent:<command>]...
        [--agent-timeout <seconds>] [--json]
  tournament --level <id|path> --seeds <N> [--seat party=agent:<command>]... [--agent-timeout <seconds>] [--json]
  levels [--json]
  analyze <record.bzrec.json> [--json | --csv] [--level <path>]
  level-schema [--out <file>]
  backup <folder | file.sqlite> [--data-dir <dir>] [--json]     (the classroom journal, while the server runs)
  restore <backup.sqlite> [--data-dir <dir>] [--json]           (with the server stopped)

An agent is any program, started once per game through a shell, that answers JSON lines on stdin/stdout
(see "Agents" in the README).

Exit codes: 0 ok, 1 a record that does not replay, 2 bad input.`;

const COMMANDS: Record<string, (args: string[], out: Out, err: Out) => void> = {
  simulate,
  replay,
  validate,
  batch,
  tournament,
  levels,
  analyze,
  'level-schema': levelSchemaCommand,
  backup: backupCommand,
  restore: restoreCommand,
};

/** Control characters that came from a file (a hostile record's statement, a key in a broken level) are shown escaped, never sent to the terminal. */
export function printable(text: string): string {
  // eslint-disable-next-line no-control-regex -- finding control characters is the point
  return text.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Runs one command; returns the exit code. User errors become one line on stderr, never a stack trace. */
export function run(
  argv: string[],
  stdout: Out = (t) => process.stdout.write(`${t}\n`),
  stderr: Out = (t) => process.stderr.write(`${t}\n`),
): number {
  const out: Out = (t) => stdout(printable(t));
  const errOut: Out = (t) => stderr(printable(t));
  const [command, ...args] = argv;
  if (!command || command === 'help' || command === '--help' || command === '-h') {
    out(USAGE);
    return command ? EXIT.ok : EXIT.input;
  }
  const handler = COMMANDS[command];
  if (!handler) {
    errOut(`unknown command "${command.slice(0, 40)}"\n\n${USAGE}`);
    return EXIT.input;
  }
  try {
    handler(args, out, errOut);
    return EXIT.ok;
  } catch (e) {
    if (e instanceof ReplayError) {
      errOut(e.message);
      return EXIT.replay;
    }
    if (e instanceof InputError) {
      errOut(e.message);
      return EXIT.input;
    }
    throw e;
  }
}

const isMain = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) process.exitCode = run(process.argv.slice(2));
