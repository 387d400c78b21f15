import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the speedscope importer is written by the parsers work of the foundation issue.
export const speedscopeFormat: FormatImporter = {
  name: 'speedscope',
  description: 'speedscope (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the speedscope format is not implemented yet');
  },
};
