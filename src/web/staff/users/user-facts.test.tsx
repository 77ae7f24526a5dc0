import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import type { StaffUser } from '../../../contracts/users';
import { UserFacts } from './user-facts';

const user: StaffUser = {
  id: '11111111-1111-4111-8111-111111111111',
  email: 'nurse@example.test',
  displayName: 'Nurse',
  role: 'nurse',
  status: 'active',
  mfaEnrolled: false,
  mustChangePassword: true,
  version: 1,
  createdAt: '2030-01-01T09:00:00.000Z',
};

describe('a staff account’s facts', () => {
  it('says when the password is a temporary one the person must change', () => {
    expect(renderToStaticMarkup(<UserFacts user={user} />)).toContain(
      'Temporary — must be changed at the next sign-in',
    );
    const chosen = renderToStaticMarkup(<UserFacts user={{ ...user, mustChangePassword: false }} />);
    expect(chosen).toContain('Chosen by the user');
    expect(chosen).not.toContain('Temporary');
  });
});
