import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff check`.
export const checkCommand: Command = {
  name: 'check',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff check\n',
  async run() {
    throw new UserError('flamediff check is not implemented yet');
  },
};
