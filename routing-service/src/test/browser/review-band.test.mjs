// Drives Debian's headless chromium through the anti-corruption inbox's review band, against routing-service
// started by ReviewBandBrowserTest (embedded Kafka, MongoDB-wire server), which stored two anti-corruption
// appeals: one in the corruption detector's review band (BAND_*), one a report found with certainty (REPORT_ID).
// The triage desk and education cannot open the band appeal; the officer sees it marked, with the model's
// suggestions, in the inbox and on its page, in en and kk, and forwards it to education with the keyboard;
// education then handles it without any sign that it was a suspected report. Screenshots go to $SCREENSHOTS.
//
//   BASE_URL=http://127.0.0.1:8082 SCREENSHOTS=target/screenshots BAND_ID=... BAND_TRACKING=... REPORT_ID=... \
//   node review-band.test.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, checks, required } from '../../../../appeal-test-support/src/browser/browser-test.mjs';
import { workbenchSessions } from './workbench-session.mjs';

const [baseUrl, screenshots, bandId, bandTracking, reportId] =
  required('BASE_URL', 'SCREENSHOTS', 'BAND_ID', 'BAND_TRACKING', 'REPORT_ID');
mkdirSync(screenshots, { recursive: true });

const { check, contains, crashed, stayedInside, verdict } = checks('review band');
const browser = await chromium.launch(CHROMIUM);
const outside = [];
const consoleErrors = [];

const { signIn, accessibilityChecks } = workbenchSessions({ browser, baseUrl, screenshots, check, outside, consoleErrors });

/** Tabs through the page until the focused element matches {@code selector}; false when it never does. */
async function tabTo(page, selector, limit = 80) {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate((s) => document.activeElement && document.activeElement.matches(s), selector)) {
      return true;
    }
  }
  return false;
}

try {
  // --- Nobody but the officer can open it: the triage desk and education get the page of a missing appeal.
  for (const login of ['triage', 'education']) {
    const { context, page } = await signIn(login);
    const response = await page.goto(`${baseUrl}/workbench/appeals/${bandId}`);
    check(response.status() === 404, `${login} opening the band appeal by URL gets 404 (was ${response.status()})`);
    check(await page.isVisible('[data-testid=not-found]'), `... and ${login} sees the not-found page`);
    const body = await page.content();
    check(!body.includes(bandTracking) && !body.includes('0.19') && !body.includes('0,19'), `... with neither its tracking code nor its score`);
    await context.close();
  }

  // --- The officer's inbox: the band appeal is marked in words, with the suggestions; the certain report is not.
  const officer = await signIn('anti-corruption');
  const page = officer.page;
  await page.waitForSelector(`tr[data-appeal="${bandId}"]`);
  const mark = page.locator(`tr[data-appeal="${bandId}"] [data-testid=review]`);
  contains(await mark.textContent(), 'Review: possibly not a report', 'the band appeal is marked in words');
  contains(await mark.textContent(), 'score 0.19', 'with the detector\'s score');
  contains(await page.textContent(`tr[data-appeal="${bandId}"] button[data-forward=education]`), '62% likely',
    'with the suggested department\'s probability');
  check(await page.locator(`tr[data-appeal="${reportId}"] [data-testid=review]`).count() === 0,
    'the report found with certainty carries no mark');
  await accessibilityChecks(page, 'officer inbox');
  // The rows are polled every 5 s: a keyboard user on a row's forward button keeps the focus across the refresh.
  // A poll whose rows are unchanged swaps nothing (204); so that this one swaps, it claims to have seen other rows.
  const rowForward = `#forward-${bandId}-education`;
  check(await tabTo(page, rowForward), 'the inbox row\'s forward to education is reachable by Tab');
  const rowsUrl = '**/workbench/inbox/rows**';
  await page.route(rowsUrl, (route) => route.continue({ url: route.request().url().replace(/seen=[0-9a-f]+/, 'seen=other') }));
  const swapped = await page.waitForResponse((response) => response.url().includes('/workbench/inbox/rows'), { timeout: 15000 });
  await page.unroute(rowsUrl);
  check(swapped.status() === 200, `the refresh brought rows to swap (status ${swapped.status()})`);
  await page.waitForTimeout(500);
  check(await page.evaluate((id) => document.activeElement && document.activeElement.id === id, rowForward.slice(1)),
    'and keeps the focus when the rows refresh');
  await page.evaluate(() => document.activeElement.blur());
  await page.screenshot({ path: join(screenshots, 'workbench-review-band-inbox.png'), fullPage: true });
  // The officer's filter: only the appeals to review.
  await page.check('#review');
  await Promise.all([page.waitForURL(/review=true/), page.click('form.filters button[type=submit]')]);
  check(await page.locator(`tr[data-appeal="${bandId}"]`).count() === 1
    && await page.locator(`tr[data-appeal="${reportId}"]`).count() === 0, 'the review filter lists the band appeal only');
  await accessibilityChecks(page, 'officer inbox, review filter');

  // --- Its page: the mark, the score and one forward per suggestion; in Kazakh too.
  await page.click(`tr[data-appeal="${bandId}"] a`);
  await page.waitForSelector('[data-testid=review]');
  check(await page.isVisible('section[data-testid=review] h2#review-title'), 'the mark is a section with a heading');
  contains(await page.textContent('[data-testid=review]'), 'Possibly not a corruption report', 'the page says what the mark means');
  const forwards = await page.$$eval('[data-testid=review] button[data-forward]', (buttons) => buttons.map((b) => b.dataset.forward));
  check(JSON.stringify(forwards) === JSON.stringify(['education', 'housing-utilities', 'health']),
    `one forward per suggestion, likeliest first (${forwards.join(', ')})`);
  await accessibilityChecks(page, 'band appeal page');
  await page.click('a[hreflang=kk]');
  await page.waitForLoadState('load');
  contains(await page.textContent('[data-testid=review]'), 'Бұл сыбайлас жемқорлық туралы хабар болмауы мүмкін', 'the mark in Kazakh');
  await page.click('a[hreflang=en]');
  await page.waitForLoadState('load');
  await page.screenshot({ path: join(screenshots, 'workbench-review-band-appeal.png'), fullPage: true });

  // --- Forward it to education with the keyboard alone: Tab to the button, Enter.
  check(await tabTo(page, '[data-testid=review] button[data-forward=education]'), 'the forward to education is reachable by Tab');
  await Promise.all([page.waitForURL(/\/workbench\/inbox\?forwarded=education/), page.keyboard.press('Enter')]);
  contains(await page.textContent('[data-testid=forwarded]'), 'Forwarded to', 'the inbox says where the appeal went');
  check(await page.locator(`tr[data-appeal="${bandId}"]`).count() === 0, 'and the appeal has left the officer\'s inbox');
  await page.screenshot({ path: join(screenshots, 'workbench-review-band-forwarded.png'), fullPage: true });
  await officer.context.close();

  // --- Education receives it, and nothing tells them it was a suspected report.
  const education = await signIn('education');
  await education.page.waitForSelector(`tr[data-appeal="${bandId}"]`, { timeout: 15000 });
  check(await education.page.locator(`tr[data-appeal="${bandId}"] [data-testid=review]`).count() === 0,
    'education\'s inbox shows no mark');
  await education.page.click(`tr[data-appeal="${bandId}"] a`);
  await education.page.waitForSelector('[data-testid=history]');
  // All of the page but the forward form's list of departments, which names every department, anti-corruption too.
  const seen = (await education.page.evaluate(() => {
    const main = document.querySelector('main').cloneNode(true);
    main.querySelectorAll('select').forEach((select) => select.remove());
    return main.textContent;
  })).toLowerCase();
  for (const hidden of ['corruption', 'коррупц', 'жемқор', '0.19', 'review', 'confidential', 'anti-corruption/']) {
    check(!seen.includes(hidden), `education's page of the forwarded appeal does not say "${hidden}"`);
  }
  await education.page.screenshot({ path: join(screenshots, 'workbench-review-band-received.png'), fullPage: true });
  check(await education.page.isVisible('[data-testid=accept]'), 'education can accept it');
  await education.context.close();

  stayedInside(outside, consoleErrors);
} catch (error) {
  crashed(error);
} finally {
  await browser.close();
}
verdict();
