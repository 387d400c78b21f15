import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff collapse`.
export const collapseCommand: Command = {
  name: 'collapse',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff collapse\n',
  async run() {
    throw new UserError('flamediff collapse is not implemented yet');
  },
};
