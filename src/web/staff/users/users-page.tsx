import { apiGet } from '../api-client';
import type { StaffUser } from '../api-types';
import { LoadState } from '../ui/load-state';
import { useLoad } from '../ui/use-load';
import { CreateUserForm } from './create-user-form';
import { UserCard } from './user-card';

export function UsersPage() {
  const { data, error, loading, reload } = useLoad(
    (signal) => apiGet<{ items: StaffUser[] }>('/api/users', { signal }),
    'users',
  );
  return (
    <>
      <h1>Users &amp; access</h1>
      <LoadState loading={loading && !data} error={error} />
      {data ? (
        <>
          <section aria-labelledby="users-list-title">
            <h2 id="users-list-title">Staff accounts ({data.items.length})</h2>
            <ul className="user-list">
              {data.items.map((user) => (
                <UserCard key={`${user.id}:${user.version}`} user={user} onChanged={reload} />
              ))}
            </ul>
          </section>
          <CreateUserForm onCreated={reload} />
        </>
      ) : null}
    </>
  );
}
