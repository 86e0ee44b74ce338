// Drives Debian's headless chromium over the public transparency page and checks that it shows the
// same figures as the API, that the kk/ru/en switch works, that it is keyboard-usable, that it loads
// nothing from outside and shows no personal data. Writes a screenshot. Run by PublicPageBrowserTest.
//
//   BASE_URL=http://127.0.0.1:8084 SCREENSHOT=target/screenshots/public-page.png \
//   FORBIDDEN='name|iin' node public-page.test.mjs
import { chromium } from 'playwright-core';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const baseUrl = process.env.BASE_URL;
const screenshot = process.env.SCREENSHOT;
const forbidden = (process.env.FORBIDDEN || '').split('|').filter(Boolean);
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!baseUrl || !screenshot) {
  console.error('BASE_URL and SCREENSHOT are required');
  process.exit(2);
}

const failures = [];
function check(condition, message) {
  if (!condition) { failures.push(message); console.error('FAIL ' + message); }
}
function equal(actual, expected, message) {
  check(actual === expected, `${message}: expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`);
}

// The page's formatting rules, written again independently.
const percent = (rate) => rate === null ? null : `${Math.round(rate * 100)}%`;
const hours = (value, unit) => value === null ? null : `${value.toFixed(1)} ${unit}`;
const rating = (value) => value === null ? null : value.toFixed(2);

async function api(path) {
  const response = await fetch(baseUrl + path);
  if (!response.ok) { throw new Error(`${path} answered ${response.status}`); }
  return response.json();
}

const userDataDir = mkdtempSync(join(tmpdir(), 'analytics-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  executablePath,
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] || await context.newPage();
  const outside = [];
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(baseUrl)) { return route.continue(); }
    outside.push(url);
    return route.abort();
  });
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') { consoleErrors.push(message.text()); } });

  await page.goto(baseUrl + '/public?lang=kk');
  await page.waitForSelector('body[data-ready="true"]', { timeout: 20000 });

  const [summary, departments, directory, hotspots] = await Promise.all([
    api('/api/v1/stats/summary'), api('/api/v1/stats/departments'), api('/api/v1/public/departments'),
    api('/api/v1/stats/hotspots')]);

  // Keyboard: the first Tab reaches the skip link, then the language buttons.
  await page.keyboard.press('Tab');
  equal(await page.evaluate(() => document.activeElement.className), 'skip-link', 'first focus');
  await page.keyboard.press('Tab');
  equal(await page.evaluate(() => document.activeElement.getAttribute('data-lang')), 'kk', 'second focus');
  const focusStyle = await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle);
  equal(focusStyle, 'solid', 'visible focus outline');

  // Overview cards equal the summary.
  const card = (name) => page.locator(`.cards [data-figure="${name}"]`).textContent();
  const f = summary.figures;
  equal(await card('received'), String(f.received), 'received card');
  equal(await card('answered'), String(f.answered), 'answered card');
  equal(await card('open'), String(f.open), 'open card');
  equal(await card('overdue'), String(f.overdue), 'overdue card');
  equal(await card('slaCompliance'), percent(f.slaCompliance.rate), 'SLA compliance card');
  equal(await card('medianAnswer'), hours(f.timeToAnswer.medianHours, 'сағ'), 'median answer card (kk)');
  equal(await card('averageRating'), rating(f.satisfaction.averageRating), 'average rating card');
  equal(await card('solvedRate'), percent(f.satisfaction.solvedRate), 'solved card');

  // One row per department, with its volume, SLA compliance, median answer time and satisfaction.
  equal(await page.locator('#departments-table tbody tr').count(), departments.length, 'department rows');
  for (const d of departments) {
    const cell = (name) => page.locator(`#departments-table tr[data-department="${d.department}"] [data-figure="${name}"]`).textContent();
    equal(await cell('received'), String(d.figures.received), `${d.department} received`);
    const sla = percent(d.figures.slaCompliance.rate);
    if (sla !== null) { equal(await cell('slaCompliance'), sla, `${d.department} SLA compliance`); }
    const median = hours(d.figures.timeToAnswer.medianHours, 'сағ');
    if (median !== null) { equal(await cell('medianAnswer'), median, `${d.department} median answer`); }
    const average = rating(d.figures.satisfaction.averageRating);
    if (average !== null) { equal(await cell('averageRating'), average, `${d.department} average rating`); }
  }

  // The directory shows every public department with its public contacts, and hides internal ones.
  equal(await page.locator('#directory-table tbody tr').count(), directory.length, 'directory rows');
  for (const d of directory) {
    const row = page.locator(`#directory-table tr[data-department="${d.code}"]`);
    equal(await row.locator('th').textContent(), d.names.kk, `${d.code} name in Kazakh`);
    if (d.phone) { equal(await row.locator('a[href^="tel:"]').textContent(), d.phone, `${d.code} phone`); }
  }

  // Months and hotspots.
  check(await page.locator('#trends-table tbody tr').count() >= 1, 'at least one month in the trends');
  equal(await page.locator('#hotspots li').count(), hotspots.length, 'hotspots listed');

  // The language switch: lang attribute, headings, captions and units follow; every string is translated.
  const dictionaries = await page.evaluate(() => window.I18N);
  for (const lang of ['ru', 'en']) {
    const missing = Object.keys(dictionaries.kk).filter((key) => !dictionaries[lang][key]);
    equal(missing.length, 0, `untranslated ${lang} strings ${missing}`);
  }
  for (const [lang, heading, caption, unit] of [
    ['ru', 'Открытость по обращениям', 'Показатели отделов', 'ч'],
    ['en', 'Appeals transparency', 'Department figures', 'h'],
    ['kk', 'Өтініштер бойынша ашықтық', 'Бөлімдердің көрсеткіштері', 'сағ']]) {
    await page.click(`button[data-lang="${lang}"]`);
    equal(await page.getAttribute('html', 'lang'), lang, `html lang after choosing ${lang}`);
    equal(await page.locator('h1').textContent(), heading, `heading in ${lang}`);
    equal(await page.locator('#departments-caption').textContent(), caption, `caption in ${lang}`);
    equal(await page.getAttribute(`button[data-lang="${lang}"]`, 'aria-pressed'), 'true', `${lang} button pressed`);
    equal(await card('medianAnswer'), hours(f.timeToAnswer.medianHours, unit), `median answer card in ${lang}`);
    const untranslated = await page.evaluate((l) => Array.from(document.querySelectorAll('[data-i18n]'))
      .filter((node) => node.textContent !== window.I18N[l][node.getAttribute('data-i18n')])
      .map((node) => node.getAttribute('data-i18n')), lang);
    equal(untranslated.length, 0, `strings not shown in ${lang}: ${untranslated}`);
  }

  // Every table has a caption and column headers.
  equal(await page.locator('table:not(:has(caption))').count(), 0, 'tables without a caption');

  // Nothing from outside, no script errors, no personal data.
  equal(outside.length, 0, `requests to other hosts ${outside}`);
  equal(consoleErrors.length, 0, `console errors ${consoleErrors}`);
  const text = await page.locator('body').innerText();
  for (const value of forbidden) { check(!text.includes(value), `personal data on the page: ${value}`); }

  // The English screenshot, for people.
  await page.click('button[data-lang="en"]');
  await page.keyboard.press('Escape');
  await page.evaluate(() => document.activeElement && document.activeElement.blur());
  mkdirSync(dirname(screenshot), { recursive: true });
  await page.screenshot({ path: screenshot, fullPage: true });
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

if (failures.length > 0) {
  console.error(`${failures.length} check(s) failed`);
  process.exit(1);
}
console.log('public page: all checks passed');
