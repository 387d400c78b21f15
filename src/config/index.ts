export { applySettingFlags, SETTING_FLAG_SPEC, SETTING_FLAGS, SETTING_FLAGS_HELP } from './flags.js';
export { applySetting, CONFIG_FILE, loadConfigFile, parseConfig, validateOptions } from './load.js';
export { DEFAULT_OPTIONS, defaultOptions, type FlamediffOptions } from './options.js';
export { KEYS, SAMPLERS, splitCommand } from './schema.js';
