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
import { CHROMIUM, checks, onlyFrom, required } from '../../../../appeal-test-support/src/browser/browser-test.mjs';

const [baseUrl, screenshot] = required('BASE_URL', 'SCREENSHOT');
const forbidden = (process.env.FORBIDDEN || '').split('|').filter(Boolean);
const expectedDepartments = (process.env.DEPARTMENTS || '').split(',').filter(Boolean);
const { check, equal, stayedInside, verdict } = checks('public page');

// The page's formatting rules, written again independently.
const percent = (rate) => rate === null ? null : `${Math.round(rate * 100)}%`;
// Decimals as each language writes them: a comma in Kazakh and Russian, a point in English.
const decimal = (value, digits, lang) => {
  const [whole, fraction] = value.toFixed(digits).split('.');
  return `${whole}${lang === 'en' ? '.' : ','}${fraction}`;
};
const hours = (value, unit, lang) => value === null ? null : `${decimal(value, 1, lang)} ${unit}`;
const rating = (value, lang) => value === null ? null : decimal(value, 2, lang);

async function api(path) {
  const response = await fetch(baseUrl + path);
  if (!response.ok) { throw new Error(`${path} answered ${response.status}`); }
  return response.json();
}

const userDataDir = mkdtempSync(join(tmpdir(), 'analytics-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  ...CHROMIUM,
  viewport: { width: 1280, height: 900 },
});
try {
  const page = context.pages()[0] || await context.newPage();
  const outside = [];
  await onlyFrom(page, [baseUrl], outside);
  const seriesFrom = [];
  page.on('request', (request) => {
    const url = new URL(request.url());
    if (url.pathname === '/api/v1/stats/timeseries') { seriesFrom.push(url.searchParams.get('from')); }
  });
  const consoleErrors = [];
  page.on('console', (message) => { if (message.type() === 'error') { consoleErrors.push(message.text()); } });

  const pageResponse = await page.goto(baseUrl + '/public?lang=kk');
  // The page runs under the platform's CSP (scripts and styles from files only): a violation would be a
  // console error below, and the policy itself must be sent.
  const pageHeaders = pageResponse.headers();
  check((pageHeaders['content-security-policy'] || '').includes("default-src 'self'"), 'CSP default-src self');
  check((pageHeaders['content-security-policy'] || '').includes("frame-ancestors 'none'"), 'CSP frame-ancestors none');
  equal(pageHeaders['x-content-type-options'], 'nosniff', 'X-Content-Type-Options');
  equal(pageHeaders['referrer-policy'], 'no-referrer', 'Referrer-Policy');
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
  equal(await card('medianAnswer'), hours(f.timeToAnswer.medianHours, 'сағ', 'kk'), 'median answer card (kk)');
  equal(await card('averageRating'), rating(f.satisfaction.averageRating, 'kk'), 'average rating card');
  equal(await card('solvedRate'), percent(f.satisfaction.solvedRate), 'solved card');

  // One row per department, with its volume, SLA compliance, median answer time and satisfaction.
  equal(await page.locator('#departments-table tbody tr').count(), departments.length, 'department rows');
  for (const d of departments) {
    const cell = (name) => page.locator(`#departments-table tr[data-department="${d.department}"] [data-figure="${name}"]`).textContent();
    equal(await cell('received'), String(d.figures.received), `${d.department} received`);
    const sla = percent(d.figures.slaCompliance.rate);
    if (sla !== null) { equal(await cell('slaCompliance'), sla, `${d.department} SLA compliance`); }
    const median = hours(d.figures.timeToAnswer.medianHours, 'сағ', 'kk');
    if (median !== null) { equal(await cell('medianAnswer'), median, `${d.department} median answer`); }
    const average = rating(d.figures.satisfaction.averageRating, 'kk');
    if (average !== null) { equal(await cell('averageRating'), average, `${d.department} average rating`); }
  }

  // The directory shows every department (internal ones too: their contacts are public) with its contacts.
  equal(await page.locator('#directory-table tbody tr').count(), directory.length, 'directory rows');
  for (const code of expectedDepartments) {
    check(directory.some((d) => d.code === code), `${code} in GET /api/v1/public/departments`);
    equal(await page.locator(`#directory-table tr[data-department="${code}"]`).count(), 1, `${code} in the directory table`);
  }
  for (const d of directory) {
    const row = page.locator(`#directory-table tr[data-department="${d.code}"]`);
    if (d.phone) { equal(await row.locator('a[href^="tel:"]').textContent(), d.phone, `${d.code} phone`); }
  }
  // Departments by name, never by code, in every language: in the contacts and in the figures.
  // TestEvents.department's addresses, written here again.
  const addressIn = { kk: 'Ұзынағаш, Райымбек көшесі, 30', ru: 'Узынагаш, ул. Райымбека, 30', en: '30 Rayymbek Street, Uzynagash' };
  async function checkDepartmentNames(lang) {
    for (const d of directory) {
      equal(await page.locator(`#directory-table tr[data-department="${d.code}"] th`).textContent(), d.names[lang],
        `${d.code} contact name in ${lang}`);
      // The address as written for this language, where the directory gives one (the tests' departments all do).
      equal(await page.locator(`#directory-table tr[data-department="${d.code}"] td:last-child`).textContent(),
        addressIn[lang], `${d.code} address in ${lang}`);
      const figures = page.locator(`#departments-table tr[data-department="${d.code}"] th`);
      if (await figures.count() > 0) {
        equal(await figures.textContent(), d.names[lang], `${d.code} figures name in ${lang}`);
      }
    }
  }
  await checkDepartmentNames('kk');

  // Dates as dd.MM.yyyy HH:mm in Almaty, whatever the browser knows of the language ("2026 M12 3" is wrong).
  const dateTime = /\d{2}\.\d{2}\.\d{4} \d{2}:\d{2}/;
  const almaty = (iso) => {
    const d = new Date(new Date(iso).getTime() + 5 * 3600 * 1000); // Asia/Almaty is UTC+5 all year
    const two = (n) => String(n).padStart(2, '0');
    return `${two(d.getUTCDate())}.${two(d.getUTCMonth() + 1)}.${d.getUTCFullYear()} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  };
  const statusText = await page.locator('#status').textContent();
  check(statusText.includes(almaty(summary.generatedAt)), `status date in Kazakh: ${statusText}`);
  for (const h of hotspots) {
    const since = await page.locator(`#hotspots li[data-incident="${h.incidentId}"] .since`).textContent();
    check(since.includes(almaty(h.detectedAt)), `hotspot date in Kazakh: ${since}`);
  }
  check(!/M\d{1,2}\b/.test(await page.locator('main').innerText()), 'no "M12" month on the page');
  const kazakhMonths = ['қаңтар', 'ақпан', 'наурыз', 'сәуір', 'мамыр', 'маусым', 'шілде', 'тамыз', 'қыркүйек', 'қазан', 'қараша', 'желтоқсан'];
  const firstMonth = await page.locator('#trends-table tbody tr th').first().textContent();
  check(kazakhMonths.some((m) => firstMonth.includes(m)), `month in Kazakh: ${firstMonth}`);

  // Categories by name in the page's language (the seeded surge is of heating).
  const heating = { kk: 'Жылу беру', ru: 'Отопление', en: 'Heating' };
  async function checkCategories(lang) {
    const lines = await page.locator('#hotspots li strong').allTextContents();
    check(lines.some((line) => line.startsWith(heating[lang] + ' — ')), `heating named in ${lang}: ${lines}`);
    check(!lines.some((line) => line.includes('heating')), `category code shown in ${lang}: ${lines}`);
  }
  await checkCategories('kk');

  // Places by the directory's names in the page's language; a free-text place never shows (FORBIDDEN below).
  const settlements = await api('/api/v1/public/settlements');
  const otherPlace = { kk: 'басқа елді мекен', ru: 'другой населённый пункт', en: 'another place' };
  async function checkPlaces(lang) {
    for (const h of hotspots.filter((spot) => spot.settlement)) {
      const line = await page.locator(`#hotspots li[data-incident="${h.incidentId}"] strong`).textContent();
      const known = settlements.find((s) => s.code === h.settlement);
      check(line.includes(known ? known.names[lang] : otherPlace[lang]), `place of ${h.incidentId} in ${lang}: ${line}`);
    }
  }
  await checkPlaces('kk');

  // Months and hotspots. The trends ask for the last 12 months (from the first of the month a year before the
  // summary's time), never for all time: a series of all time reads every stored appeal.
  const generated = new Date(summary.generatedAt);
  const yearBefore = `${generated.getUTCFullYear() - 1}-${String(generated.getUTCMonth() + 1).padStart(2, '0')}-01`;
  equal(seriesFrom.join(','), `${yearBefore},${yearBefore}`, 'the trends\' series start a year back');
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
    equal(await card('medianAnswer'), hours(f.timeToAnswer.medianHours, unit, lang), `median answer card in ${lang}`);
    const untranslated = await page.evaluate((l) => Array.from(document.querySelectorAll('[data-i18n]'))
      .filter((node) => node.textContent !== window.I18N[l][node.getAttribute('data-i18n')])
      .map((node) => node.getAttribute('data-i18n')), lang);
    equal(untranslated.length, 0, `strings not shown in ${lang}: ${untranslated}`);
    await checkDepartmentNames(lang);
    await checkCategories(lang);
    await checkPlaces(lang);
    check(dateTime.test(await page.locator('#status').textContent()), `status date in ${lang}`);
  }

  // Every table has a caption and column headers.
  equal(await page.locator('table:not(:has(caption))').count(), 0, 'tables without a caption');

  // Nothing from outside, no script errors, no personal data.
  stayedInside(outside, consoleErrors);
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

verdict();
