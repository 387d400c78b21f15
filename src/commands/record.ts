import { UserError } from '../errors.js';
import type { Command } from './command.js';

// Placeholder: replaced by the issue that owns `flamediff record`.
export const recordCommand: Command = {
  name: 'record',
  summary: '(not implemented yet)',
  help: 'Usage: flamediff record\n',
  async run() {
    throw new UserError('flamediff record is not implemented yet');
  },
};
