import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the pstats importer is written by the parsers work of the foundation issue.
export const pstatsFormat: FormatImporter = {
  name: 'pstats',
  description: 'pstats (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the pstats format is not implemented yet');
  },
};
