import type { InstrumentDefinition, InstrumentId } from '../types.js';
import { aldrete } from './aldrete.js';
import { bpiSf } from './bpi-sf.js';
import { cadss6 } from './cadss6.js';
import { cssrsScreener } from './cssrs-screener.js';
import { gad7 } from './gad7.js';
import { madrs } from './madrs.js';
import { painNrs } from './pain-nrs.js';
import { pcl5 } from './pcl5.js';
import { phq9 } from './phq9.js';
import { qidsSr16 } from './qids-sr16.js';

/** Every built-in instrument, in the order the UI lists them. */
export const INSTRUMENT_DEFINITIONS: readonly InstrumentDefinition[] = [
  phq9,
  gad7,
  pcl5,
  qidsSr16,
  madrs,
  cssrsScreener,
  cadss6,
  bpiSf,
  painNrs,
  aldrete,
];

export { aldrete, bpiSf, cadss6, cssrsScreener, gad7, madrs, painNrs, pcl5, phq9, qidsSr16 };
export type { InstrumentId };
