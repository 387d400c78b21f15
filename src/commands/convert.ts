import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff convert`.
export const convertCommand: Command = {
  name: 'convert',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff convert\n',
  async run() {
    throw new UserError('flamediff convert is not implemented yet');
  },
};
