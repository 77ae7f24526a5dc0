import { roleLabels } from '../../../domain/auth';
import { Link } from '../routing/link';
import { paths } from '../routing/routes';
import { useSession } from '../session-context';

export function AppHeader() {
  const { me, signOut } = useSession();
  return (
    <header className="app-header">
      {me.clinic.isDemo ? (
        <p className="demo-ribbon">DEMO – synthetic data. Do not enter real patient information.</p>
      ) : null}
      <div className="app-header__bar">
        <div className="app-header__clinic">
          <span className="brand">Arbor</span>
          <span className="app-header__clinic-name">{me.clinic.name}</span>
        </div>
        <div className="app-header__user">
          <span>
            <Link
              href={paths.account()}
              className="app-header__user-name"
              title="Your account: change password"
            >
              {me.user.displayName}
            </Link>{' '}
            <span className="muted">({roleLabels[me.user.role]})</span>
          </span>
          <button type="button" className="button button--secondary button--small" onClick={signOut}>
            Sign out
          </button>
        </div>
      </div>
    </header>
  );
}
