import { mkdirSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { desktop, phone } from './browser';
import { repoRoot } from './harness';

export const screenshotDir = path.join(repoRoot, 'artifacts', 'screenshots');

/**
 * Checks the page as it stands at phone and desktop widths: an axe scan (any violation fails) and
 * a full-page screenshot of each, for a person to look at.
 */
export async function checkPage(page: Page, name: string): Promise<void> {
  mkdirSync(screenshotDir, { recursive: true });
  const original = page.viewportSize() ?? desktop;
  const problems: string[] = [];
  for (const [label, size] of [
    ['phone', phone],
    ['desktop', desktop],
  ] as const) {
    await page.setViewportSize(size);
    await page.waitForTimeout(150);
    const results = await new AxeBuilder({ page }).analyze();
    for (const violation of results.violations) {
      const targets = violation.nodes.map((n) => n.target.join(' ')).slice(0, 5);
      problems.push(
        `${name} @${label}: ${violation.id} (${violation.impact}) ${violation.help} → ${targets.join(' | ')}`,
      );
    }
    await page.screenshot({ path: path.join(screenshotDir, `${name}-${label}.png`), fullPage: true });
  }
  await page.setViewportSize(original);
  expect(problems, problems.join('\n')).toEqual([]);
}
