import type { InstrumentDefinition, InstrumentId } from '../types';
import { aldrete } from './aldrete';
import { bpiSf } from './bpi-sf';
import { cadss6 } from './cadss6';
import { cssrsScreener } from './cssrs-screener';
import { gad7 } from './gad7';
import { madrs } from './madrs';
import { moaas } from './moaas';
import { painNrs } from './pain-nrs';
import { pcl5 } from './pcl5';
import { phq9 } from './phq9';
import { qidsSr16 } from './qids-sr16';

/** Every built-in instrument, in the order the UI lists them. */
export const INSTRUMENT_DEFINITIONS: readonly InstrumentDefinition[] = [
  phq9,
  gad7,
  pcl5,
  qidsSr16,
  madrs,
  cssrsScreener,
  cadss6,
  moaas,
  bpiSf,
  painNrs,
  aldrete,
];

export { aldrete, bpiSf, cadss6, cssrsScreener, gad7, madrs, moaas, painNrs, pcl5, phq9, qidsSr16 };
export type { InstrumentId };
