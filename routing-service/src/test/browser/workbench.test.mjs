// Drives Debian's headless chromium through the department workbench, one browser for every scenario,
// against routing-service started by WorkbenchBrowserTest (embedded Kafka, MongoDB-wire server). Where the
// Java side must act (publish an appeal, check Kafka, move the clock) the script prints "STEP <name> <args>"
// and waits for one line on stdin: "ok <data>" or "fail <why>". Screenshots go to $SCREENSHOTS.
//
//   BASE_URL=http://127.0.0.1:8082 SCREENSHOTS=target/screenshots TRIAGE_ID=... CONFIDENTIAL_ID=... \
//   CONFIDENTIAL_TRACKING=... CONFIDENTIAL_TEXT=... node workbench.test.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { CHROMIUM, checks, required } from '../../../../appeal-test-support/src/browser/browser-test.mjs';
import { workbenchSessions } from './workbench-session.mjs';

const [baseUrl, screenshots, triageId, confidentialId] = required('BASE_URL', 'SCREENSHOTS', 'TRIAGE_ID', 'CONFIDENTIAL_ID');
const confidentialTracking = process.env.CONFIDENTIAL_TRACKING;
const confidentialText = process.env.CONFIDENTIAL_TEXT;
mkdirSync(screenshots, { recursive: true });

const { check, crashed, stayedInside, verdict } = checks('workbench');

const stdin = createInterface({ input: process.stdin });
const replies = stdin[Symbol.asyncIterator]();
/** Asks the Java side to act; returns its answer's data, or records a failure. */
async function step(name, ...args) {
  console.log(['STEP', name, ...args].join(' '));
  const { value } = await replies.next();
  const [verdict, ...data] = (value || 'fail no answer').split(' ');
  check(verdict === 'ok', `step ${name}: ${data.join(' ')}`);
  return data;
}

const browser = await chromium.launch(CHROMIUM);
const outside = [];
const consoleErrors = [];

const { signIn, accessibilityChecks } = workbenchSessions({ browser, baseUrl, screenshots, check, outside, consoleErrors });

try {
  // --- The education specialist: inbox, a new appeal without reload, accept, answer in Kazakh.
  const education = await signIn('education', { screenshot: true });
  const inbox = education.page;
  check(inbox.url().endsWith('/workbench/inbox'), 'education lands on its inbox');
  await accessibilityChecks(inbox, 'inbox');
  await inbox.keyboard.press('Tab');
  check(await inbox.evaluate(() => document.activeElement.className) === 'skip-link', 'the first Tab reaches the skip link');
  check(await inbox.evaluate(() => getComputedStyle(document.activeElement).outlineStyle) === 'solid', 'focus is visible');

  // A refresh with nothing new swaps nothing: the rows stay the same nodes, and the status line stays silent.
  await inbox.evaluate(() => { window.rowsBefore = document.getElementById('rows'); });
  await inbox.evaluate(() => new Promise(done => document.body.addEventListener('htmx:afterRequest', done, { once: true })));
  check(await inbox.evaluate(() => document.getElementById('rows') === window.rowsBefore),
    'a refresh without news leaves the rows (and the reader\'s place in them) alone');
  check((await inbox.textContent('[data-testid=inbox-changes]')).trim() === '', 'and announces nothing');
  check(await inbox.getAttribute('[data-testid=inbox-changes]', 'role') === 'status', 'the status line is a polite live region');

  const [appealId, trackingCode] = await step('publish-education');
  const published = Date.now();
  await inbox.waitForSelector(`tr[data-appeal="${appealId}"]`, { timeout: 20000 });
  check(/^The list was updated at \d\d\.\d\d\.\d{4} \d\d:\d\d\. Appeals in it: \d+\.$/.test((await inbox.textContent('[data-testid=inbox-changes]')).trim()),
    `a new appeal is announced once, in the status line: ${await inbox.textContent('[data-testid=inbox-changes]')}`);
  const seconds = (Date.now() - published) / 1000;
  check(seconds < 15, `the new appeal appears in the open inbox without a reload, after ${seconds.toFixed(1)} s`);
  console.log(`measure inbox-appearance-seconds ${seconds.toFixed(1)}`);
  await inbox.evaluate(() => document.activeElement.blur());
  await inbox.screenshot({ path: join(screenshots, 'workbench-inbox.png'), fullPage: true });

  await inbox.click(`tr[data-appeal="${appealId}"] a`);
  await inbox.waitForSelector('[data-testid=tracking]');
  check(await inbox.textContent('[data-testid=tracking]') === trackingCode, 'the appeal page shows its tracking code');
  check(await inbox.getAttribute('[data-testid=contact]', 'data-masked') === 'true', "a specialist sees the citizen's contact masked");
  check(!(await inbox.content()).includes('citizen@example.test'), "the specialist's page does not hold the citizen's e-mail");
  await accessibilityChecks(inbox, 'appeal page');

  // The same page opened in a second tab goes stale when the first tab accepts.
  const staleTab = await education.context.newPage();
  await staleTab.goto(inbox.url());
  await inbox.click('[data-testid=accept]');
  await inbox.waitForSelector('[data-testid=done]');
  check((await inbox.textContent('[data-testid=status]')).trim() === 'In progress', 'accepted: the status is In progress');
  await inbox.screenshot({ path: join(screenshots, 'workbench-appeal.png'), fullPage: true });

  await staleTab.click('details:has(textarea[name=reason][id=info-reason]) summary');
  await staleTab.fill('#info-reason', 'Please send a photo.');
  const [staleResponse] = await Promise.all([
    staleTab.waitForResponse((response) => response.url().endsWith('/actions')),
    staleTab.click('button[value=REQUEST_INFO]'),
  ]);
  check(staleResponse.status() === 409, `an action from a stale page answers 409 (was ${staleResponse.status()})`);
  check((await staleTab.textContent('[data-testid=problem]')).includes('changed after you opened it'), 'the stale page says nothing was saved');
  await staleTab.close();

  // A session that ends while an answer is being written: nothing is saved, and the text comes back to be copied.
  const expiring = await signIn('education');
  await expiring.page.goto(inbox.url().split('?')[0]);
  const unsent = 'Құрметті азамат! Жауап <жазылып> жатыр.';
  await expiring.page.fill('#answer', unsent);
  await expiring.context.clearCookies();
  await expiring.page.click('[data-testid=answer]');
  await expiring.page.waitForSelector('[data-testid=session-ended]');
  check(await expiring.page.inputValue('#unsaved-0') === unsent, 'a session ended while writing: what was typed comes back');
  await accessibilityChecks(expiring.page, 'session-ended page');
  await expiring.context.close();

  // Kazakh: the switch, then the answer in the citizen's language.
  await inbox.click('a[hreflang=kk]');
  await inbox.waitForLoadState('load');
  check(await inbox.getAttribute('html', 'lang') === 'kk', 'the language switch makes the page Kazakh');
  await inbox.fill('#answer', 'Құрметті азамат! Мектеп автобусы дүйсенбіден бастап кесте бойынша жүреді.');
  await inbox.click('[data-testid=answer]');
  await inbox.waitForSelector('[data-testid=done]');
  check((await inbox.textContent('[data-testid=status]')).trim() === 'Жауап берілген', 'answered: the status is ANSWERED, in Kazakh');
  const kazakhHistory = await inbox.textContent('[data-testid=history]');
  check(kazakhHistory.includes('education/education'), 'the history names who acted');
  check(kazakhHistory.includes('модельдің сенімділігі') && !kazakhHistory.includes('classifier'),
    "the routing's reason in Kazakh, not the event's English");
  await step('answered', appealId);

  // --- Another department sees nothing of it, from the list or by its URL.
  const housing = await signIn('housing-utilities');
  check(!(await housing.page.content()).includes(trackingCode), "housing-utilities' inbox does not list education's appeal");
  await housing.page.goto(baseUrl + '/workbench/inbox?status=ANSWERED');
  check(!(await housing.page.content()).includes(trackingCode), "nor among housing-utilities' answered appeals");
  for (const [id, what] of [[appealId, "education's appeal"], [confidentialId, 'the anti-corruption appeal']]) {
    const response = await housing.page.goto(`${baseUrl}/workbench/appeals/${id}`);
    check(response.status() === 404, `housing-utilities opening ${what} by URL gets 404 (was ${response.status()})`);
    check(await housing.page.isVisible('[data-testid=not-found]'), `... and the not-found page for ${what}`);
  }
  await housing.context.close();

  // --- The triage desk routes a low-confidence appeal with one click.
  const triage = await signIn('triage');
  check(triage.page.url().endsWith('/workbench/triage'), 'triage lands on the triage desk');
  await triage.page.waitForSelector(`article[data-appeal="${triageId}"]`);
  await accessibilityChecks(triage.page, 'triage desk');
  await triage.page.screenshot({ path: join(screenshots, 'workbench-triage.png'), fullPage: true });
  await triage.page.selectOption(`#other-${triageId}`, 'health');
  await triage.page.click(`article[data-appeal="${triageId}"] form:has(select) button[type=submit]`);
  await triage.page.waitForSelector('[data-testid=routed]');
  check(!(await triage.page.isVisible(`article[data-appeal="${triageId}"]`)), 'the routed appeal leaves the triage desk');
  const triageResponse = await triage.page.goto(`${baseUrl}/workbench/appeals/${appealId}`);
  check(triageResponse.status() === 404, "the triage desk cannot open education's appeal");
  const triageConfidential = await triage.page.goto(`${baseUrl}/workbench/appeals/${confidentialId}`);
  check(triageConfidential.status() === 404, 'the triage desk cannot open the anti-corruption appeal');
  check(await triage.page.isVisible('[data-testid=not-found]'), '... and gets the not-found page');
  await triage.context.close();
  const [triageTracking] = await step('routed', triageId, 'health');

  // --- A month passes: the routed appeal is overdue, the akim's office sees it; confidential ones as deadlines only.
  await step('month-passes', triageId);
  const akim = await signIn('akim');
  check(akim.page.url().endsWith('/workbench/office'), "the akim lands on the akim's office");
  const office = await akim.page.content();
  check(await akim.page.isVisible(`tr[data-appeal="${triageId}"].urgency-overdue`), 'the akim sees the overdue appeal, marked overdue');
  check(office.includes(triageTracking), 'with its tracking code');
  check(!office.includes(confidentialTracking) && !office.includes(confidentialText),
    "the akim's office sees no tracking code or text of the anti-corruption appeal");
  check(await akim.page.isVisible('tr[data-department="anti-corruption"]'), 'but counts of the anti-corruption department');
  await accessibilityChecks(akim.page, "akim's office");
  await akim.page.screenshot({ path: join(screenshots, 'workbench-office.png'), fullPage: true });
  const akimConfidential = await akim.page.goto(`${baseUrl}/workbench/appeals/${confidentialId}`);
  check(akimConfidential.status() === 404, 'the akim cannot open the anti-corruption appeal');
  await akim.context.close();
  const admin = await signIn('admin');
  const adminConfidential = await admin.page.goto(`${baseUrl}/workbench/appeals/${confidentialId}`);
  check(adminConfidential.status() === 404, 'the admin cannot open the anti-corruption appeal');
  check(await admin.page.isVisible('[data-testid=not-found]'), '... and gets the not-found page');
  await admin.context.close();

  // --- The anti-corruption officer sees it, and the view is audited.
  const officer = await signIn('anti-corruption');
  await officer.page.waitForSelector(`tr[data-appeal="${confidentialId}"]`);
  await officer.page.click(`tr[data-appeal="${confidentialId}"] a`);
  await officer.page.waitForSelector('[data-testid=text]');
  check((await officer.page.textContent('[data-testid=text]')) === confidentialText, 'the officer reads the appeal');
  check(await officer.page.getAttribute('[data-testid=contact]', 'data-masked') === 'false', "the officer sees the reporter's contact");
  await officer.page.screenshot({ path: join(screenshots, 'workbench-anti-corruption.png'), fullPage: true });
  await officer.context.close();
  await step('audited', confidentialId, 'anti-corruption');

  const educationConfidential = await education.page.goto(`${baseUrl}/workbench/appeals/${confidentialId}`);
  check(educationConfidential.status() === 404, 'education cannot open the anti-corruption appeal');
  await education.context.close();

  stayedInside(outside, consoleErrors);
} catch (error) {
  crashed(error);
} finally {
  await browser.close();
  stdin.close();
}
verdict();
