import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the cpython importer is written by the parsers work of the foundation issue.
export const cpythonFormat: FormatImporter = {
  name: 'cpython',
  description: 'cpython (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the cpython format is not implemented yet');
  },
};
