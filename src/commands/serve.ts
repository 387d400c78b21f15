import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff serve`.
export const serveCommand: Command = {
  name: 'serve',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff serve\n',
  async run() {
    throw new UserError('flamediff serve is not implemented yet');
  },
};
