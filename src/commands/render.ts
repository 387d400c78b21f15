import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff render`.
export const renderCommand: Command = {
  name: 'render',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff render\n',
  async run() {
    throw new UserError('flamediff render is not implemented yet');
  },
};
