import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Lang } from '../../src/diagnostics/types.js';
import { format } from '../../src/report/html/index.js';
import type { ReportModel } from '../../src/report/types.js';
import { CHROMIUM, hasChromium, launchChromium } from './browser.js';
import { multiModel } from './fixtures.js';

// The HTML report opened from disk in a real chromium: no request, no error,
// every rule with its chart, accessible structure, and it prints on A4.

const OUT = resolve('test-results/html');

async function writeReport(model: ReportModel, lang: Lang, name: string): Promise<string> {
  await mkdir(OUT, { recursive: true });
  const file = join(OUT, name);
  await writeFile(file, await format(model, { lang, colour: false, byInstitution: false, toFile: true }));
  return file;
}

interface Opened {
  requests: string[];
  errors: string[];
  dialogs: string[];
}

async function open(context: BrowserContext, file: string) {
  const page = await context.newPage();
  const seen: Opened = { requests: [], errors: [], dialogs: [] };
  page.on('dialog', async (d) => {
    seen.dialogs.push(d.message());
    await d.dismiss();
  });
  page.on('request', (r) => seen.requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') seen.errors.push(`${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (err) => seen.errors.push(`pageerror: ${err.message}`));
  const url = pathToFileURL(file).href;
  await page.goto(url, { waitUntil: 'load' });
  return { page, url, seen };
}

if (!hasChromium()) {
  const why = `no chromium executable at ${CHROMIUM} (install Debian's chromium, or set VET_CHECK_CHROMIUM)`;
  if (process.env.CI) {
    it('has chromium for the browser test (CI must install it)', () => {
      throw new Error(why);
    });
  } else {
    console.warn(`\n!!! HTML browser test NOT RUN: ${why}\n`);
    it.skip(`HTML report in a real browser — SKIPPED: ${why}`, () => {});
  }
} else {
  describe('HTML report in chromium', () => {
    let context: BrowserContext;
    let close: () => Promise<void>;

    beforeAll(async () => {
      ({ context, close } = await launchChromium());
    }, 30000);
    afterAll(async () => {
      await close?.();
    });

    it('loads from disk with no request and no console error, and shows every rule with its chart', async () => {
      const file = await writeReport(multiModel, 'zh', 'report.zh.html');
      const { page, url, seen } = await open(context, file);

      expect(seen.requests).toEqual([url]);
      expect(seen.errors).toEqual([]);
      expect(await page.locator('script').count()).toBe(0);

      const rules = multiModel.plans.reduce((n, p) => n + p.rules.length, 0);
      expect(await page.locator('section[data-rule]').count()).toBe(rules);
      expect(await page.locator('section[data-rule] figure svg[role="img"]').count()).toBe(rules);
      expect(await page.locator('section.plan').count()).toBe(multiModel.plans.length);

      // hostile institution names are text on the page, never markup
      await expect(page.getByText('<script>alert(1)</script>').first().isVisible()).resolves.toBe(true);

      await page.screenshot({ path: join(OUT, 'report.zh.png'), fullPage: true });
    });

    it('runs nothing a hostile name carries', async () => {
      const evil = '<img src=x onerror=alert(1)><script>alert(2)</script>" onload="alert(3)';
      const rule = { ...multiModel.plans[0]!.rules[0]!, title: { zh: evil, en: evil }, quotes: [evil] };
      const plan = {
        ...multiModel.plans[0]!,
        rules: [rule],
        plan: { ...multiModel.plans[0]!.plan, issuer: evil },
      };
      const file = await writeReport({ ...multiModel, plans: [plan] }, 'zh', 'hostile.html');
      const { page, url, seen } = await open(context, file);
      expect(seen.requests).toEqual([url]);
      expect(seen.errors).toEqual([]);
      expect(seen.dialogs).toEqual([]);
      expect(await page.locator('script, img, [onload], [onerror]').count()).toBe(0);
      expect(await page.locator('section[data-rule] h3').first().textContent()).toContain(evil);
    });

    it('is accessible: lang, heading order, table headers, chart titles', async () => {
      const file = await writeReport(multiModel, 'zh', 'report.zh.html');
      const { page } = await open(context, file);
      expect(await page.locator('html').getAttribute('lang')).toBe('zh-CN');

      const levels = await page.$$eval('h1, h2, h3, h4, h5, h6', (hs) => hs.map((h) => Number(h.tagName[1])));
      expect(levels[0]).toBe(1);
      expect(levels.filter((l) => l === 1)).toHaveLength(1);
      for (let i = 1; i < levels.length; i++) expect(levels[i]!).toBeLessThanOrEqual(levels[i - 1]! + 1);

      const tables = await page.$$eval('table', (ts) =>
        ts.map((t) => ({
          headers: t.querySelectorAll('th').length,
          unscoped: [...t.querySelectorAll('th')].filter(
            (th) => !['col', 'row'].includes(th.getAttribute('scope') ?? ''),
          ).length,
        })),
      );
      expect(tables.length).toBeGreaterThan(0);
      for (const t of tables) {
        expect(t.headers).toBeGreaterThan(0);
        expect(t.unscoped).toBe(0);
      }

      const charts = await page.$$eval('svg[role="img"]', (svgs) =>
        svgs.map((s) => {
          const ids = (s.getAttribute('aria-labelledby') ?? '').split(' ').filter(Boolean);
          return ids
            .map((id: string) => s.querySelector(`[id="${id}"]`)?.textContent ?? '')
            .join(' ')
            .trim();
        }),
      );
      expect(charts.length).toBeGreaterThan(0);
      for (const name of charts) expect(name.length).toBeGreaterThan(10);
    });

    it('speaks English with lang en', async () => {
      const file = await writeReport(multiModel, 'en', 'report.en.html');
      const { page, url, seen } = await open(context, file);
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      expect(seen.requests).toEqual([url]);
      expect(seen.errors).toEqual([]);
      await page.screenshot({ path: join(OUT, 'report.en.png'), fullPage: true });
    });

    it('prints on A4 pages', async () => {
      const file = await writeReport(multiModel, 'zh', 'report.zh.html');
      const { page } = await open(context, file);
      const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
      await writeFile(join(OUT, 'report.zh.pdf'), pdf);
      const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? [];
      // cover, summary and rules of each plan, then data quality
      expect(pages.length).toBeGreaterThanOrEqual(2 * multiModel.plans.length + 1);
      const mediaBox = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(pdf.toString('latin1'));
      expect(mediaBox).not.toBeNull();
      // A4 is 595 × 842 points
      expect(Math.round(Number(mediaBox![1]))).toBe(595);
      expect(Math.round(Number(mediaBox![2]))).toBe(842);
    });
  });
}
