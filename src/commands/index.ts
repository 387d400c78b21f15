import { artifactCommand } from './artifact.js';
import { checkCommand } from './check.js';
import { collapseCommand } from './collapse.js';
import type { Command } from './command.js';
import { compareCommand } from './compare.js';
import { convertCommand } from './convert.js';
import { demoCommand } from './demo.js';
import { recordCommand } from './record.js';
import { renderCommand } from './render.js';
import { serveCommand } from './serve.js';
import { trendsCommand } from './trends.js';

/** Every CLI command, in the order `flamediff --help` lists them. */
export const COMMANDS: readonly Command[] = [
  demoCommand,
  checkCommand,
  recordCommand,
  compareCommand,
  renderCommand,
  collapseCommand,
  convertCommand,
  trendsCommand,
  artifactCommand,
  serveCommand,
];
