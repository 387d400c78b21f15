import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff demo`.
export const demoCommand: Command = {
  name: 'demo',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff demo\n',
  async run() {
    throw new UserError('flamediff demo is not implemented yet');
  },
};
