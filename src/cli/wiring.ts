import type { Command } from 'commander';
import type { RunContext } from '../commands/context.js';
import type { CommandOutput } from '../commands/output.js';

/** What each command's wiring needs from the program: today's date, the context, and where output goes. */
export interface Wiring {
  today: string;
  contextFrom(command: Command): RunContext;
  deliver(output: CommandOutput): void;
}
