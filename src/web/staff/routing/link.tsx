import type { AnchorHTMLAttributes } from 'react';
import { Link as RouterLink } from 'wouter';
import { appBase } from './routes';

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string };

/**
 * The href in wouter's terms: paths under the app become relative to the router's base, anything else is
 * marked absolute with `~`. Either way the rendered href is exactly the one given.
 */
export function routerHref(href: string): string {
  return href.startsWith(`${appBase}/`) ? href.slice(appBase.length) : `~${href}`;
}

/**
 * A real <a href> (so open-in-new-tab and keyboard work) that navigates in place on a plain click;
 * a click with a modifier key or another button is left to the browser.
 */
export function Link({ href, ...rest }: LinkProps) {
  return <RouterLink href={routerHref(href)} {...rest} />;
}
