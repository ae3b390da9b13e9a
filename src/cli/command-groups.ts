import type { Command } from 'commander';
import type { CliIo } from './cli-io.js';

/** Where a command is registered: its name under the parent, and whether --help lists it. */
export interface CommandPlace {
  name: string;
  hidden?: boolean;
}

/**
 * Registers a command in its group (`candor run list`) and, for one release, under its old
 * top-level name (`candor runs`): hidden from --help, still working, with a one-line note on stderr.
 */
export function registerInGroup(
  program: Command,
  io: CliIo,
  place: { group: string; name: string; oldName: string },
  register: (parent: Command, io: CliIo, place: CommandPlace) => Command,
): void {
  const group = program.commands.find((command) => command.name() === place.group);
  if (!group) throw new Error(`command group "${place.group}" is not registered yet`);
  register(group, io, { name: place.name });
  register(program, io, { name: place.oldName, hidden: true }).hook('preAction', () => {
    io.stderr.write(
      `candor: \`candor ${place.oldName}\` is now \`candor ${place.group} ${place.name}\` (the old name goes away in the next release)\n`,
    );
  });
}
