import { UserError } from '../errors.js';
import { checkPalette } from './colors.js';
import { XPAD } from './svg.js';
import type { FlameOptions } from './types.js';

/** FlameOptions with defaults applied and values checked. */
export interface ResolvedOptions {
  width: number;
  minWidth: number;
  direction: 'flame' | 'icicle';
  order: 'alpha' | 'width' | 'input';
  palette: string;
  colorDiffusion: boolean;
  maxDepth?: number;
}

export function resolveOptions(o: FlameOptions): ResolvedOptions {
  const width = o.width ?? 1200;
  if (!(Number.isFinite(width) && width >= 200 && width <= 100_000)) {
    throw new UserError(`image width ${width} is not valid; expected a number of px from 200 to 100000`);
  }
  const minWidth = o.minWidth ?? 0.1;
  if (!(Number.isFinite(minWidth) && minWidth >= 0)) {
    throw new UserError(`minwidth ${minWidth} is not valid; expected a number of px >= 0`);
  }
  const palette = o.palette ?? 'auto';
  checkPalette(palette);
  return {
    width,
    minWidth,
    direction: o.direction === 'icicle' ? 'icicle' : 'flame',
    order: o.flamechart ? 'input' : o.order === 'width' ? 'width' : 'alpha',
    palette,
    colorDiffusion: o.colorDiffusion === true,
    maxDepth: o.maxDepth,
  };
}

export function innerWidth(r: ResolvedOptions): number {
  return r.width - 2 * XPAD;
}
