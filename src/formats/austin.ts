import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the austin importer is written by the parsers work of the foundation issue.
export const austinFormat: FormatImporter = {
  name: 'austin',
  description: 'austin (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the austin format is not implemented yet');
  },
};
