import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the pprof importer is written by the parsers work of the foundation issue.
export const pprofFormat: FormatImporter = {
  name: 'pprof',
  description: 'pprof (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the pprof format is not implemented yet');
  },
};
