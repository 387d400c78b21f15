import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff trends`.
export const trendsCommand: Command = {
  name: 'trends',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff trends\n',
  async run() {
    throw new UserError('flamediff trends is not implemented yet');
  },
};
