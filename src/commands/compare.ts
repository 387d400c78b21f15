import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff compare`.
export const compareCommand: Command = {
  name: 'compare',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff compare\n',
  async run() {
    throw new UserError('flamediff compare is not implemented yet');
  },
};
