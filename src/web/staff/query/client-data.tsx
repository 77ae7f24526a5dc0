import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { PersistQueryClientProvider, type Persister } from '@tanstack/react-query-persist-client';
import { createContext, useContext, useMemo, type ReactNode } from 'react';
import {
  createOfflinePersister,
  offlinePersistOptions,
  tabStorage,
  type TabStorage,
} from './offline-mutations';
import { createQueryClient } from './query-client';

/** What the staff app keeps in the browser about the signed-in person's work: the cache and saved writes. */
export interface ClientData {
  queryClient: QueryClient;
  persister: Persister;
}

export function createClientData(storage: TabStorage | undefined = tabStorage()): ClientData {
  return { queryClient: createQueryClient(), persister: createOfflinePersister(storage) };
}

/**
 * Forgets everything: reads in flight are cancelled, the cache (queries and mutations) is emptied and the
 * saved writes are removed from sessionStorage. Called at sign-out and whenever the session ends, so no
 * patient data outlives the session in this tab.
 */
export function clearClientData({ queryClient, persister }: ClientData): void {
  void queryClient.cancelQueries();
  queryClient.clear();
  void persister.removeClient();
}

const ClientDataContext = createContext<ClientData | undefined>(undefined);

/** For the whole app (main.tsx): the QueryClient, whatever screen is showing. */
export function ClientDataProvider({ data, children }: { data: ClientData; children: ReactNode }) {
  return (
    <ClientDataContext.Provider value={data}>
      <QueryClientProvider client={data.queryClient}>{children}</QueryClientProvider>
    </ClientDataContext.Provider>
  );
}

export function useClientData(): ClientData {
  const data = useContext(ClientDataContext);
  if (!data) throw new Error('useClientData outside ClientDataProvider');
  return data;
}

/**
 * Around the signed-in app: restores the person's saved writes from sessionStorage (only theirs), keeps
 * saving writes that wait for the network, and sends the restored ones. Writes paused later are resumed by
 * the QueryClient itself when the browser comes back online.
 */
export function OfflineMutations({ userId, children }: { userId: string; children: ReactNode }) {
  const data = useClientData();
  const persistOptions = useMemo(
    () => offlinePersistOptions(data.persister, userId),
    [data.persister, userId],
  );
  return (
    <PersistQueryClientProvider
      client={data.queryClient}
      persistOptions={persistOptions}
      onSuccess={() => void data.queryClient.resumePausedMutations()}
    >
      {children}
    </PersistQueryClientProvider>
  );
}
