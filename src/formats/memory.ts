import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the memory importer is written by the parsers work of the foundation issue.
export const memoryFormat: FormatImporter = {
  name: 'memory',
  description: 'memory (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the memory format is not implemented yet');
  },
};
