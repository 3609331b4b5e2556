import { readFileSync } from 'node:fs';

/** What the system says of a running process, to tell a synth's lock from a leftover. */
export interface ProcessState {
  /** When it started (clock ticks since boot, /proc/<pid>/stat field 22): a reused pid has another. */
  readonly start: string;
  /** Exited, waiting for its parent to reap it: it holds nothing any more. */
  readonly zombie: boolean;
  /** SIGKILL is pending: it will never run its own code again (it may be finishing a system call). */
  readonly killed: boolean;
  /** Its command line, for a message. */
  readonly command: string;
}

/** SIGKILL is signal 9: bit 8 of the pending-signal masks of /proc/<pid>/status. */
const SIGKILL_BIT = 1n << 8n;

/**
 * The state of `pid` from Linux's /proc (proc(5)); undefined where there is no /proc (macOS) or
 * the process is gone.
 */
export function processState(pid: number): ProcessState | undefined {
  let stat: string;
  let status: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    status = readFileSync(`/proc/${pid}/status`, 'utf8');
  } catch {
    return undefined;
  }
  // `pid (comm) state ppid ...`: comm may hold spaces and parentheses, so fields count from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  const pending = (name: string) => {
    const mask = new RegExp(`^${name}:\\s*([0-9a-f]+)$`, 'm').exec(status);
    return mask ? BigInt(`0x${mask[1]}`) : 0n;
  };
  let command = '';
  try {
    command = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean).join(' ').replace(/\s+/g, ' ');
  } catch {
    // a zombie has none
  }
  return {
    start: fields[19],
    zombie: fields[0] === 'Z' || fields[0] === 'X',
    killed: ((pending('SigPnd') | pending('ShdPnd')) & SIGKILL_BIT) !== 0n,
    command: command.length > 80 ? `${command.slice(0, 77)}...` : command,
  };
}
