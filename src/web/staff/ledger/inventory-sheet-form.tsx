import { useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate } from '../format';
import { useSession } from '../session-context';
import { ErrorBanner } from '../ui/error-banner';
import { ActionFeedback } from './action-feedback';
import {
  emptyLine,
  inventorySubmission,
  inventoryUnit,
  kindLabels,
  timeOfDayLabels,
  type InventoryDraft,
  type InventoryLineDraft,
} from './inventory-model';
import { takeInventory, type InventorySheetView, type InventoryTakenView } from './ledger-api';
import { rowError, stateLabels, type ContainerState } from './ledger-model';
import { SignatureFields } from './signature-fields';
import { useLedgerAction } from './use-action';

type Line = InventorySheetView['lines'][number];

/** A sealed container: there (its full content) or missing; two radio buttons, reached by arrow keys. */
function SealedInput({ line, value, onChange, error }: RowInputProps) {
  const name = `inventory-present-${line.containerId}`;
  return (
    <fieldset className="ledger-choices" aria-describedby={error ? `${name}-error` : undefined}>
      <legend className="visually-hidden">Is sealed container {line.labelNumber} there?</legend>
      {(['yes', 'no'] as const).map((answer) => (
        <label key={answer}>
          <input
            type="radio"
            name={name}
            checked={value.present === answer}
            onChange={() => onChange({ ...value, present: answer })}
            aria-invalid={error ? true : undefined}
          />{' '}
          {answer === 'yes' ? 'Present, sealed' : 'Missing'}
        </label>
      ))}
      {error ? (
        <p className="field__error" id={`${name}-error`}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}

interface RowInputProps {
  line: Line;
  value: InventoryLineDraft;
  onChange: (value: InventoryLineDraft) => void;
  error: string | undefined;
}

/** An opened container: its content, and "estimated" where the rule allows an estimate. */
function OpenedInput({ line, value, onChange, error }: RowInputProps) {
  const inputId = `inventory-qty-${line.containerId}`;
  const unit = inventoryUnit(line) === 'mL' ? 'mL' : 'units';
  return (
    <div>
      <label htmlFor={inputId} className="visually-hidden">
        Content of {line.labelNumber} ({unit})
      </label>
      <span className="ledger-count-input">
        <input
          id={inputId}
          inputMode="decimal"
          value={value.quantity}
          onChange={(ev) => onChange({ ...value, quantity: ev.target.value })}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${inputId}-error` : undefined}
        />{' '}
        {unit}
      </span>
      {line.rule === 'estimate_allowed' ? (
        <label className="ledger-choices">
          <input
            type="checkbox"
            checked={value.estimated}
            onChange={(ev) => onChange({ ...value, estimated: ev.target.checked })}
          />{' '}
          Estimated
        </label>
      ) : null}
      {error ? (
        <p className="field__error" id={`${inputId}-error`}>
          {error}
        </p>
      ) : null}
    </div>
  );
}

function lineError(
  errors: Record<string, string>,
  missing: readonly string[],
  line: Line,
  index: number,
): string | undefined {
  if (missing.includes(line.containerId))
    return line.status === 'sealed' ? 'Say whether it is there' : 'Enter what it holds';
  return (
    rowError(errors, 'lines', index, 'present') ??
    rowError(errors, 'lines', index, 'counted') ??
    rowError(errors, 'lines', index, 'estimated') ??
    rowError(errors, 'lines', index, 'containerId')
  );
}

function SheetRows({
  sheet,
  draft,
  setLine,
  errors,
  missing,
}: {
  sheet: InventorySheetView;
  draft: InventoryDraft;
  setLine: (containerId: string, value: InventoryLineDraft) => void;
  errors: Record<string, string>;
  missing: readonly string[];
}) {
  return (
    <TableRegion
      label="Inventory sheet"
      caption="Containers on hand to count"
      columns={['Label', 'Count', 'Product', 'Lot', 'Expiry', 'State', 'Rule']}
    >
      {sheet.lines.map((line, i) => {
        const props: RowInputProps = {
          line,
          value: draft.lines[line.containerId] ?? emptyLine,
          onChange: (value) => setLine(line.containerId, value),
          error: lineError(errors, missing, line, i),
        };
        return (
          <tr key={line.containerId}>
            <th scope="row">{line.labelNumber}</th>
            <td>{line.status === 'sealed' ? <SealedInput {...props} /> : <OpenedInput {...props} />}</td>
            <td>
              {line.product} ({line.strength})
            </td>
            <td>{line.lotNumber}</td>
            <td>{formatDate(line.expiryDate)}</td>
            <td>{stateLabels[line.status as ContainerState] ?? line.status}</td>
            <td>{line.ruleReason}</td>
          </tr>
        );
      })}
    </TableRegion>
  );
}

/**
 * The blind sheet of an inventory: one row per container on hand, no expected quantities; then the
 * taker's signature. The answer compares each container with the ledger.
 */
export function InventorySheetForm({
  sheet,
  draft,
  setDraft,
  onTaken,
}: {
  sheet: InventorySheetView;
  draft: InventoryDraft;
  setDraft: (update: (d: InventoryDraft) => InventoryDraft) => void;
  onTaken: (taken: InventoryTakenView) => void;
}) {
  const { me } = useSession();
  const [missing, setMissing] = useState<string[]>([]);
  const action = useLedgerAction<InventoryTakenView>();
  const e = action.errors;
  const setLine = (containerId: string, value: InventoryLineDraft) =>
    setDraft((d) => ({ ...d, lines: { ...d.lines, [containerId]: value } }));
  return (
    <form
      className="ledger-form"
      aria-labelledby="ledger-inventory-sheet-title"
      onSubmit={(ev) => {
        ev.preventDefault();
        const submission = inventorySubmission(sheet, draft);
        setMissing(submission.ok ? [] : submission.missing);
        if (!submission.ok) return;
        void action
          .run(() => takeInventory(submission.body), 'Inventory signed and recorded.')
          .then((taken) => taken && onTaken(taken));
      }}
    >
      <h3 id="ledger-inventory-sheet-title">
        {kindLabels[draft.kind]} inventory, {draft.takenOn}, {timeOfDayLabels[draft.timeOfDay].toLowerCase()}
      </h3>
      <p>
        Registrant: {sheet.registrant.name}, {sheet.registrant.address} (DEA {sheet.registrant.deaNumber})
      </p>
      {missing.length > 0 ? <ErrorBanner>Answer every container before signing.</ErrorBanner> : null}
      {e.lines ? <p className="field__error">{e.lines}</p> : null}
      {sheet.lines.length > 0 ? (
        <SheetRows sheet={sheet} draft={draft} setLine={setLine} errors={e} missing={missing} />
      ) : (
        <label className="ledger-choices">
          <input
            type="checkbox"
            checked={draft.zeroStock}
            onChange={(ev) => setDraft((d) => ({ ...d, zeroStock: ev.target.checked }))}
            aria-invalid={e.zeroStock ? true : undefined}
          />{' '}
          There are no controlled substances at these locations: record zero
        </label>
      )}
      {e.zeroStock ? <p className="field__error">{e.zeroStock}</p> : null}
      <SignatureFields
        value={draft.signature}
        onChange={(signature) => setDraft((d) => ({ ...d, signature }))}
        errors={e}
        signer={me.user.displayName}
      />
      <button type="submit" className="button" disabled={action.busy}>
        {action.busy ? 'Signing…' : 'Sign and record the inventory'}
      </button>
      <ActionFeedback action={action} />
    </form>
  );
}
