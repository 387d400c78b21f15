import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the folded importer is written by the parsers work of the foundation issue.
export const foldedFormat: FormatImporter = {
  name: 'folded',
  description: 'folded (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the folded format is not implemented yet');
  },
};
