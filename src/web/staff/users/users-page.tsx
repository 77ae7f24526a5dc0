import { apiGet } from '../api-client';
import type { StaffUserList } from '../../../contracts/users';
import { queryKeys } from '../query/query-keys';
import { useApiQuery, useInvalidate } from '../query/use-api-query';
import { LoadState } from '../ui/load-state';
import { CreateUserForm } from './create-user-form';
import { UserCard } from './user-card';

export function UsersPage() {
  const { data, error, isPending } = useApiQuery(queryKeys.users.list(), (signal) =>
    apiGet<StaffUserList>('/api/users', { signal }),
  );
  const reload = useInvalidate(queryKeys.users.all);
  return (
    <>
      <h1>Users &amp; access</h1>
      <LoadState loading={isPending} error={error} />
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
