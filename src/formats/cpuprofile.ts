import { UserError } from '../errors.js';
import type { FormatImporter } from './types.js';

// Placeholder: the cpuprofile importer is written by the parsers work of the foundation issue.
export const cpuprofileFormat: FormatImporter = {
  name: 'cpuprofile',
  description: 'cpuprofile (not implemented yet)',
  matchesName: () => false,
  is: () => false,
  import() {
    throw new UserError('the cpuprofile format is not implemented yet');
  },
};
