// What every script of scripts/ does the same way: --help, and errors as one line, not a stack trace.
// Exit codes shared by the scripts: 0 success, 1 the work failed (a check, a refused input, a tool
// it runs), 2 bad command line or missing input (e.g. no ../shared).

/** Prints `usage` and exits 0 when the command line asks for help. */
export function helpRequested(usage, argv = process.argv.slice(2)) {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(usage.trim());
    process.exit(0);
  }
}

/** Stops with `<tool>: <message>` on stderr and exit code `code`. */
export function fail(tool, message, code = 2) {
  console.error(`${tool}: ${message}`);
  process.exit(code);
}

/**
 * From here on, anything thrown ends the script with one line (`<tool>: <message>`) and exit
 * code 1; NODE_DEBUG_STACK=1 shows the stack for a bug hunt.
 */
export function oneLineErrors(tool) {
  process.on('uncaughtException', (error) => {
    console.error(`${tool}: ${error?.message ?? error}`);
    if (process.env.NODE_DEBUG_STACK) console.error(error?.stack);
    process.exit(1);
  });
}
