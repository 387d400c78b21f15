import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the pyflame importer is written by the parsers work of the foundation issue.
export const pyflameFormat: FormatImporter = {
  name: 'pyflame',
  description: 'pyflame (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the pyflame format is not implemented yet');
  },
};
