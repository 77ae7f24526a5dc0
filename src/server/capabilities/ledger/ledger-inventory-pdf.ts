import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { InventoryView } from '../../../contracts/ledger.js';
import { csvDocument, INVENTORY_RECORD_CONTENTS } from '../../../domain/ledger/index.js';
import { GREY, PDF_PAGE, Writer, formatUtc, toPdfSafeText } from '../../shared/pdf-text.js';

/**
 * An inventory as the registrant prints or exports it (docs/clinical-sources.md#dea-inventory): every
 * element of INVENTORY_RECORD_CONTENTS, from the stored record, so a reprint years later says the same.
 */

const KIND_TITLE: Record<InventoryView['kind'], string> = {
  initial: 'Initial inventory',
  biennial: 'Biennial inventory',
  other: 'Inventory',
};

const TIME_OF_DAY: Record<InventoryView['timeOfDay'], string> = {
  opening_of_business: 'opening of business',
  close_of_business: 'close of business',
};

const quantityText = (q: { mg: string; ml: string | null }) => `${q.mg} mg${q.ml ? ` (${q.ml} mL)` : ''}`;

/** The lines the record is made of, in reading order (the PDF draws them; the tests read them back). */
export function inventoryRecordLines(v: InventoryView): { text: string; bold?: boolean }[] {
  const out: { text: string; bold?: boolean }[] = [
    { text: `Registrant: ${v.registrant.name}`, bold: true },
    { text: `Address: ${v.registrant.address}` },
    { text: `DEA registration number: ${v.registrant.deaNumber}` },
    { text: `Taken on ${v.takenOn}, at the ${TIME_OF_DAY[v.timeOfDay]}` },
    { text: `Locations: ${v.locations.map((l) => l.name).join(', ')}` },
  ];
  if (v.zeroStock)
    out.push({ text: 'No controlled substances on hand: this inventory records zero.', bold: true });
  for (const p of v.products) {
    out.push({ text: `${p.name}`, bold: true });
    out.push({ text: `Finished form: ${p.finishedForm}; strength: ${p.strength}` });
    out.push({ text: `Sealed containers: ${p.sealedContainers}` });
    for (const o of p.opened)
      out.push({
        text: `Opened container ${o.labelNumber}: ${quantityText(o.counted)}, ${o.estimated ? 'estimated' : 'exact count'}`,
      });
    out.push({ text: `Total on hand: ${quantityText(p.total)}` });
  }
  return out;
}

export function inventorySignatureLine(v: InventoryView): string {
  return `Signed electronically by ${v.signedBy.name} at ${formatUtc(v.signedAt)}`;
}

export async function renderInventoryPdf(v: InventoryView, printedAt: string): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.setCreationDate(new Date(printedAt));
  doc.setModificationDate(new Date(printedAt));
  doc.setTitle(`${KIND_TITLE[v.kind]} - Schedule III`);
  const w = new Writer(
    doc,
    await doc.embedFont(StandardFonts.Helvetica),
    await doc.embedFont(StandardFonts.HelveticaBold),
  );
  const body = { size: 11, leading: 15 };
  const small = { size: 9, leading: 12, color: GREY };
  w.text(`${KIND_TITLE[v.kind]} of Schedule III controlled substances`, {
    font: w.bold,
    size: 13,
    leading: 17,
  });
  w.space(6);
  w.rule();
  w.space(8);
  for (const line of inventoryRecordLines(v))
    w.text(toPdfSafeText(line.text), { ...body, ...(line.bold ? { font: w.bold } : {}) });
  w.space(10);
  w.text(toPdfSafeText(inventorySignatureLine(v)), { ...body, font: w.bold });
  w.space(10);
  w.text('This record holds:', small);
  for (const item of INVENTORY_RECORD_CONTENTS) w.text(toPdfSafeText(`- ${item}`), small);
  w.text(`Rule: ${v.source}. Printed ${formatUtc(printedAt)}.`, small);
  w.text(`Page size ${PDF_PAGE.width}x${PDF_PAGE.height} pt.`, small);
  return doc.save({ useObjectStreams: false });
}

const CSV_HEADER = [
  'inventory_id',
  'kind',
  'taken_on',
  'time_of_day',
  'registrant_name',
  'registrant_address',
  'dea_number',
  'product_key',
  'product',
  'finished_form',
  'strength',
  'container_label',
  'location',
  'status',
  'counted_ug',
  'estimated',
  'expected_ug',
  'difference_ug',
  'signed_by',
  'signed_at',
] as const;

/** One row per container counted (one row without a container for a zero inventory). */
export function inventoryCsv(v: InventoryView): string {
  const head = [v.id, v.kind, v.takenOn, v.timeOfDay, v.registrant.name, v.registrant.address];
  const tail = [v.signedBy.name, v.signedAt];
  const rows = v.lines.map((l) => {
    const p = v.products.find((x) => x.productKey === l.productKey);
    const location = v.locations.find((x) => x.id === l.locationId)?.name ?? l.locationId;
    return [
      ...head,
      v.registrant.deaNumber,
      l.productKey,
      p?.name ?? '',
      p?.finishedForm ?? '',
      p?.strength ?? '',
      l.labelNumber,
      location,
      l.status,
      l.countedUg,
      l.estimated,
      l.expectedUg,
      l.differenceUg,
      ...tail,
    ];
  });
  if (rows.length === 0)
    rows.push([...head, v.registrant.deaNumber, '', '', '', '', '', '', '', 0, false, 0, 0, ...tail]);
  return csvDocument(CSV_HEADER, rows);
}
