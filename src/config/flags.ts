// CLI flags that override flamediff.yml, generated from the one settings table (schema.ts): each
// flag has the name the action input has, accepts and rejects exactly what the file does, and its
// help line shows the default the code uses.
import { UserError } from '../errors.js';
import { applySetting } from './load.js';
import { DEFAULT_OPTIONS, type FlamediffOptions } from './options.js';
import { commandSettings, type Setting, type SettingCommand } from './schema.js';
import type { OptionSpec } from './types.js';

/** Flags a command takes for its settings (node:util parseArgs form). */
export function settingFlags(command: SettingCommand): OptionSpec {
  const spec: OptionSpec = {};
  for (const s of commandSettings(command)) {
    if (s.arg === '') {
      spec[s.name] = { type: 'boolean' };
      spec[`no-${s.name}`] = { type: 'boolean' };
    } else spec[s.name] = { type: 'string', multiple: isList(s) };
  }
  return spec;
}

/** Flags given as repeatable K=V pairs that fill a mapping setting. */
function isList(s: Setting): boolean {
  return s.key === 'env' || s.key === 'sampler-options';
}

/** Help lines of a command's setting flags, defaults read from DEFAULT_OPTIONS. */
export function settingsHelp(
  command: SettingCommand,
  title = 'Settings (override flamediff.yml; docs/configuration.md):',
): string {
  const rows = commandSettings(command).map((s) => {
    const left = s.arg === '' ? `--[no-]${s.name}` : `--${s.name} ${s.arg}`;
    const d = s.show(DEFAULT_OPTIONS);
    return [left, `${s.help}${d !== null ? ` (default ${d})` : ''}`] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return `${title}\n${rows.map(([l, r]) => `  ${l.padEnd(width)}${r}`).join('\n')}\n`;
}

/** Applies the parsed flag values of `command`'s settings to `opts`, quoting the flag in any error. */
export function applySettingFlags(
  opts: FlamediffOptions,
  values: Record<string, unknown>,
  command: SettingCommand,
): void {
  for (const s of commandSettings(command)) {
    if (s.arg === '') {
      if (values[s.name]) applySetting(opts, s.key, true, `flamediff ${command}: --${s.name}`);
      if (values[`no-${s.name}`]) applySetting(opts, s.key, false, `flamediff ${command}: --no-${s.name}`);
      continue;
    }
    const v = values[s.name];
    if (v === undefined) continue;
    applySetting(
      opts,
      s.key,
      isList(s) ? pairs(v as string[], s, command) : v,
      `flamediff ${command}: --${s.name}`,
    );
  }
}

/** `K=V` (and for sampler switches a bare `K`, meaning on) into a mapping. */
function pairs(
  items: readonly string[],
  s: Setting,
  command: SettingCommand,
): Record<string, string | boolean> {
  const out: Record<string, string | boolean> = {};
  for (const item of items) {
    const eq = item.indexOf('=');
    if (eq === 0 || (eq < 0 && s.key === 'env')) {
      throw new UserError(`flamediff ${command}: --${s.name} '${item}' is not valid (expected ${s.arg})`);
    }
    if (eq < 0) out[item] = true;
    else out[item.slice(0, eq)] = item.slice(eq + 1);
  }
  return out;
}
