import { Link } from '../routing/link';
import { paths } from '../routing/routes';

export function NotFoundPage() {
  return (
    <>
      <h1>Page not found</h1>
      <p>
        There is no page at this address. <Link href={paths.patients()}>Go to patients</Link>.
      </p>
    </>
  );
}
