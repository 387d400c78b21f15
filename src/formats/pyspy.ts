import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the py-spy importer is written by the parsers work of the foundation issue.
export const pyspyFormat: FormatImporter = {
  name: 'py-spy',
  description: 'py-spy (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the py-spy format is not implemented yet');
  },
};
