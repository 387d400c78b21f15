import { describe, expect, it } from 'vitest';
import { CATALOG } from '../../src/commands/catalog.js';
import { COMMANDS } from '../../src/commands/index.js';

describe('the lazy command catalog', () => {
  it('lists every command of COMMANDS, in the same order, with the same summary', () => {
    expect(CATALOG.map((c) => [c.name, c.summary])).toEqual(COMMANDS.map((c) => [c.name, c.summary]));
  });

  it('loads each command module on demand, giving the command of that name', async () => {
    for (const entry of CATALOG) {
      const command = await entry.load();
      expect(command).toBe(COMMANDS.find((c) => c.name === entry.name));
    }
  });
});
