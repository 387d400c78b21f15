export { applySettingFlags, settingFlags, settingsHelp } from './flags.js';
export { applySetting, CONFIG_FILE, loadConfigFile, parseConfig, validateOptions } from './load.js';
export { DEFAULT_OPTIONS, defaultOptions, type FlamediffOptions } from './options.js';
export { commandSettings, KEYS, SAMPLERS, SETTINGS, type Setting, splitCommand } from './schema.js';
export type * from './types.js';
