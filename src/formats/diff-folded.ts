import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the diff-folded importer is written by the parsers work of the foundation issue.
export const diffFoldedFormat: FormatImporter = {
  name: 'diff-folded',
  description: 'diff-folded (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the diff-folded format is not implemented yet');
  },
};
