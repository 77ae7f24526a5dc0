import { Fragment, useState } from 'react';
import { TableRegion } from '../assessments/table-region';
import { formatDate, todayIso } from '../format';
import { useApiQuery } from '../query/use-api-query';
import { useCan } from '../session-context';
import { LoadState } from '../ui/load-state';
import { ContainerHistory } from './container-history';
import {
  fetchContainers,
  fetchLocations,
  fetchRegistrations,
  ledgerKeys,
  type ContainerView,
  type LocationView,
} from './ledger-api';
import { containerState, groupStock, isPastExpiry, quantityText, stateLabels } from './ledger-model';
import { MovementForm } from './movement-form';

/** A warning for each registration that lapses soon or has lapsed. */
export function RegistrationWarnings() {
  const { data } = useApiQuery(ledgerKeys.registrations, fetchRegistrations);
  const warnings = (data?.items ?? []).filter((r) => r.warning);
  if (data && data.items.length === 0)
    return <p className="alert alert--warning">No DEA registration is recorded. Add one under Set-up.</p>;
  return (
    <>
      {warnings.map((r) => (
        <p key={r.id} className={`alert ${r.daysToExpiry < 0 ? 'alert--critical' : 'alert--warning'}`}>
          DEA registration {r.deaNumber} ({r.siteName}): {r.warning}
        </p>
      ))}
    </>
  );
}

function ContainerPanel({
  container,
  locations,
}: {
  container: ContainerView;
  locations: readonly LocationView[];
}) {
  const can = useCan();
  return (
    <div className="ledger-container-panel" id={`container-${container.id}`}>
      <h3>
        {container.labelNumber}: {container.product}
      </h3>
      <MovementForm container={container} locations={locations} />
      {can('ledger.reports') ? (
        <ContainerHistory container={container} canCorrect={can('ledger.record')} />
      ) : null}
    </div>
  );
}

/** Every container by location and product, with balances, states and the movements of each. */
export function StockSection() {
  const can = useCan();
  const containers = useApiQuery(ledgerKeys.containers, fetchContainers);
  const locations = useApiQuery(ledgerKeys.locations, fetchLocations);
  const [selected, setSelected] = useState<string>();
  const today = todayIso();
  const locationList = locations.data?.items ?? [];
  const groups = containers.data
    ? groupStock(containers.data.items, containers.data.byProductLocation, locationList)
    : [];
  const chosen = containers.data?.items.find((c) => c.id === selected);
  const mayRecord = can('ledger.record');
  return (
    <section aria-labelledby="ledger-stock-title">
      <h2 id="ledger-stock-title">Stock</h2>
      <RegistrationWarnings />
      <LoadState loading={containers.isPending} error={containers.error ?? locations.error} />
      {containers.data && groups.length === 0 ? (
        <p className="muted">No stock yet. A receipt adds containers once a second person confirms it.</p>
      ) : null}
      {groups.map((group) => (
        <section
          key={group.location.id}
          aria-labelledby={`loc-${group.location.id}`}
          className="ledger-location"
        >
          <h3 id={`loc-${group.location.id}`}>{group.location.name}</h3>
          {group.products.map(({ total, product, containers: items }) => (
            <Fragment key={total.productKey}>
              <p className="ledger-total">
                <strong>{product}</strong>: {quantityText(total.balance)} in {total.containers} containers (
                {total.sealed} sealed, {total.open} open, {total.outOfUse} out of use)
              </p>
              <TableRegion
                label={`${product} at ${group.location.name}`}
                caption={`Containers of ${product} at ${group.location.name}`}
                columns={['Label', 'Lot', 'Expiry', 'State', 'Balance', ...(mayRecord ? ['Actions'] : [])]}
              >
                {items.map((c) => {
                  const state = containerState(c);
                  const past = isPastExpiry(c.expiryDate, today);
                  return (
                    <tr key={c.id} className={selected === c.id ? 'ledger-row--selected' : undefined}>
                      <th scope="row">{c.labelNumber}</th>
                      <td>{c.lotNumber}</td>
                      <td>
                        {formatDate(c.expiryDate)}
                        {past && state !== 'expired' ? (
                          <strong className="ledger-flag"> past expiry</strong>
                        ) : null}
                      </td>
                      <td>
                        <span className={`ledger-state ledger-state--${state}`}>{stateLabels[state]}</span>
                      </td>
                      <td>{quantityText(c.balance)}</td>
                      {mayRecord ? (
                        <td>
                          <button
                            type="button"
                            className="button button--secondary button--small"
                            aria-expanded={selected === c.id}
                            aria-controls={selected === c.id ? `container-${c.id}` : undefined}
                            onClick={() => setSelected(selected === c.id ? undefined : c.id)}
                          >
                            {selected === c.id ? 'Close' : 'Movements'}
                            <span className="visually-hidden"> of {c.labelNumber}</span>
                          </button>
                        </td>
                      ) : null}
                    </tr>
                  );
                })}
              </TableRegion>
            </Fragment>
          ))}
        </section>
      ))}
      {chosen && mayRecord ? (
        <ContainerPanel key={chosen.id} container={chosen} locations={locationList} />
      ) : null}
    </section>
  );
}
