import { Link } from '../routing/link';
import type { Route } from '../routing/routes';
import { useCan } from '../session-context';
import { navItems } from './nav-items';

export function AppNav({ route }: { route: Route }) {
  const can = useCan();
  return (
    <nav className="app-nav" aria-label="Main">
      <ul>
        {navItems
          .filter((item) => can(item.requires))
          .map((item) => (
            <li key={item.href}>
              <Link href={item.href} aria-current={item.matches(route) ? 'page' : undefined}>
                {item.label}
              </Link>
            </li>
          ))}
      </ul>
    </nav>
  );
}
