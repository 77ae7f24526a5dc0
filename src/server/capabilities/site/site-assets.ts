import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { SiteSettings } from '../../../domain/clinic/index.js';
import { sourcePath } from '../../shared/project-paths.js';

const assetDir = sourcePath('web', 'site', 'assets');

export interface SiteAsset {
  body: string;
  type: string;
  version: string;
}

const types: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

const hash = (text: string) => createHash('sha256').update(text).digest('hex').slice(0, 12);

/**
 * Static files of the site, read once. The stylesheet gets the clinic's colours prepended, so its
 * version (the `?v=` query) changes whenever the colours do and caches can keep it for a year.
 */
export class SiteAssets {
  private readonly files = new Map<string, SiteAsset>();
  private readonly baseCss: string;

  constructor() {
    for (const name of ['self-check.js', 'consultation.js', 'icon.svg']) {
      const body = readFileSync(path.join(assetDir, name), 'utf8');
      this.files.set(name, { body, type: types[path.extname(name)]!, version: hash(body) });
    }
    this.baseCss = readFileSync(path.join(assetDir, 'site.css'), 'utf8');
  }

  private css(site: SiteSettings): SiteAsset {
    // The schema allows only #rrggbb here, so nothing else can reach the stylesheet.
    const body = `:root{--primary:${site.primaryColour};--accent:${site.accentColour}}\n${this.baseCss}`;
    return { body, type: types['.css']!, version: hash(body) };
  }

  get(name: string, site: SiteSettings): SiteAsset | undefined {
    return name === 'site.css' ? this.css(site) : this.files.get(name);
  }

  url(name: string, site: SiteSettings): string {
    const asset = this.get(name, site);
    return `/site/assets/${name}?v=${asset?.version ?? '0'}`;
  }
}
