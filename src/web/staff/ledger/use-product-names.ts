import { useApiQuery } from '../query/use-api-query';
import { fetchProducts, ledgerKeys } from './ledger-api';

/** A product's name from the catalogue by its key (the key itself until the catalogue has loaded). */
export function useProductNames(): (key: string) => string {
  const { data } = useApiQuery(ledgerKeys.products, fetchProducts);
  const names = new Map((data?.items ?? []).map((p) => [p.key, p.name]));
  return (key) => names.get(key) ?? key;
}
