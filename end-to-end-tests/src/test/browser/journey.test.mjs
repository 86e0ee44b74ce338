// The whole loop on the whole local stack, as a new user follows it from the README, in one chromium: a citizen
// writes to the akimat in the portal (intake, in Russian), education's specialist signs in to the workbench
// (routing), finds the appeal in the inbox, accepts and answers it; the citizen reads the answer on the private
// link and rates it "solved"; the rating shows on the transparency page (analytics) the portal links to.
// Nothing is simulated: routing classifies the text, Kafka carries every event. Run by
// CitizenAndDepartmentBrowserEndToEndTest, which then checks the dev mailbox with what this prints on lines
// starting with "journey ". Screenshots of every step go to $SCREENSHOTS/journey-*.png.
//
//   INTAKE_URL=http://127.0.0.1:8081 ROUTING_URL=http://127.0.0.1:8082 ANALYTICS_URL=http://127.0.0.1:8084 \
//   SCREENSHOTS=target/screenshots CITIZEN_EMAIL=someone@example.kz node journey.test.mjs
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM, checks, onlyFrom, required } from '../../../../appeal-test-support/src/browser/browser-test.mjs';

const [intakeUrl, routingUrl, analyticsUrl, screenshots, citizenEmail] =
  required('INTAKE_URL', 'ROUTING_URL', 'ANALYTICS_URL', 'SCREENSHOTS', 'CITIZEN_EMAIL');
mkdirSync(screenshots, { recursive: true });

// A clear school appeal (routing must send it to education, not to the triage desk), and education's answer.
const APPEAL = 'В школе Узынагаша с начала учебного года нет учителя химии: у 9 класса вместо уроков самоподготовка. '
  + 'Прошу отдел образования найти учителя.';
const ANSWER = 'Здравствуйте! Учитель химии принят в школу Узынагаша, уроки в 9 классе идут по расписанию с понедельника.';
const CITIZEN = 'Айгерим Сапарова';
const COMMENT = 'Спасибо, сын уже ходит на химию.';

const { check, crashed, stayedInside, verdict } = checks('journey');
const seconds = (since) => ((Date.now() - since) / 1000).toFixed(1);

/**
 * Reloads until {@code ready} holds (another service has to catch up through Kafka), at most {@code timeoutMs}; every
 * 2 s, as a patient person would (the portal limits private-link lookups per address: 30, then one every 2 s).
 */
async function reloadUntil(page, ready, timeoutMs, what) {
  const until = Date.now() + timeoutMs;
  for (;;) {
    if (await ready()) { return; }
    if (Date.now() > until) { throw new Error(`${what}: not within ${timeoutMs / 1000} s`); }
    await page.waitForTimeout(2000);
    await page.reload();
  }
}

const browser = await chromium.launch(CHROMIUM);
const outside = [];
const consoleErrors = [];
const ours = [intakeUrl, routingUrl, analyticsUrl];

/** A fresh browser context (its own cookies), in Russian, that may load nothing but the platform's pages. */
async function person(who, viewport) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  await onlyFrom(page, ours, outside);
  page.on('console', (message) => {
    if (message.type() === 'error') { consoleErrors.push(`${who}: ${message.text()} (${message.location().url})`); }
  });
  return { context, page };
}

try {
  // --- The citizen, on a phone: a blank form in Russian (from the browser's language), then the tracking code.
  const citizen = await person('citizen', { width: 414, height: 860 });
  const portal = citizen.page;
  await portal.goto(intakeUrl + '/portal');
  check(await portal.getAttribute('html', 'lang') === 'ru', 'the portal opens in Russian, the browser\'s language');
  await portal.check('#type-COMPLAINT');
  await portal.selectOption('#category', 'schools');
  await portal.fill('#text', APPEAL);
  await portal.selectOption('#settlement', 'Узынагаш');
  await portal.fill('#fullName', CITIZEN);
  await portal.fill('#contact', citizenEmail);
  await portal.check('#preferred-EMAIL');
  await portal.check('#consent');
  await portal.screenshot({ path: join(screenshots, 'journey-1-portal-form.png'), fullPage: true });
  const submittedAt = Date.now();
  await portal.click('button[type=submit]');
  await portal.waitForSelector('#tracking-code');
  const trackingCode = (await portal.textContent('#tracking-code')).trim();
  const privateLink = await portal.getAttribute('#private-link', 'href');
  check(/^ZH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$/.test(trackingCode), `the citizen gets a tracking code (${trackingCode})`);
  check(privateLink.startsWith(intakeUrl + '/portal/a/'), 'and a private link to the appeal');
  console.log(`journey tracking-code=${trackingCode}`);
  console.log(`journey private-link=${privateLink}`);
  console.log(`journey answer=${ANSWER}`);
  await portal.screenshot({ path: join(screenshots, 'journey-2-portal-submitted.png'), fullPage: true });

  // --- Education's specialist: the workbench's login, the inbox, where the appeal appears without a reload.
  const staff = await person('education', { width: 1280, height: 900 });
  const workbench = staff.page;
  await workbench.goto(routingUrl + '/workbench');
  check(workbench.url().endsWith('/workbench/login'), 'the workbench asks staff to sign in');
  await workbench.fill('#username', 'education');
  await workbench.fill('#password', 'education-demo');
  await workbench.click('button[type=submit]');
  await workbench.waitForURL('**/workbench/inbox');
  check(true, "education / education-demo (the README's demo login) opens the inbox");
  const row = `tr:has(a:text-is("${trackingCode}"))`;
  await workbench.waitForSelector(row, { timeout: 90000 });
  console.log(`measure portal-to-inbox-seconds ${seconds(submittedAt)}`);
  await workbench.screenshot({ path: join(screenshots, 'journey-3-workbench-inbox.png'), fullPage: true });

  await workbench.click(`${row} a`);
  await workbench.waitForSelector('[data-testid=tracking]');
  check((await workbench.textContent('[data-testid=tracking]')) === trackingCode, 'the appeal page shows the tracking code');
  check((await workbench.textContent('[data-testid=text]')) === APPEAL, "and the citizen's text, as written");
  check((await workbench.textContent('[data-testid=status]')).trim() === 'Новое', 'a new appeal');
  check(!(await workbench.content()).includes(citizenEmail), "a specialist's page does not hold the citizen's e-mail");
  await Promise.all([workbench.waitForURL(/done=ACCEPT/), workbench.click('[data-testid=accept]')]);
  check((await workbench.textContent('[data-testid=status]')).trim() === 'В работе', 'accepted: in progress');
  await workbench.fill('#answer', ANSWER);
  await Promise.all([workbench.waitForURL(/done=ANSWER/), workbench.click('[data-testid=answer]')]);
  check((await workbench.textContent('[data-testid=status]')).trim() === 'Отвечено', 'answered');
  check((await workbench.textContent('[data-testid=history]')).includes('education/education'), 'the history names who acted');
  await workbench.screenshot({ path: join(screenshots, 'journey-4-workbench-answered.png'), fullPage: true });
  const appealPage = workbench.url().split('?')[0];
  await staff.context.close();

  // --- The citizen opens the private link: the answer, then the rating.
  await portal.goto(privateLink);
  await reloadUntil(portal, async () => (await portal.textContent('#status')).trim() === 'Дан ответ', 60000,
    'the answer on the private link');
  check(true, `the private link shows the appeal answered, ${seconds(submittedAt)} s after it was sent`);
  check((await portal.textContent('#answer')).trim() === ANSWER, "with education's answer");
  check((await portal.textContent('#department')).trim() === 'Отдел образования', 'from the education department, by name');
  await portal.screenshot({ path: join(screenshots, 'journey-5-portal-answer.png'), fullPage: true });
  await portal.check('#solved-yes');
  await portal.check('#rating-5');
  await portal.fill('#rate-comment', COMMENT);
  await portal.click('form[action$="/feedback"] button');
  await portal.waitForSelector('#done');
  check((await portal.textContent('#done')).includes('оценка отправлена'), 'the rating is sent');
  await portal.screenshot({ path: join(screenshots, 'journey-6-portal-rated.png'), fullPage: true });

  // --- The portal links to the transparency page, where the rating counts in education's figures.
  const transparency = await portal.getAttribute('footer a', 'href');
  check(transparency === analyticsUrl + '/?lang=ru', `the portal links to this stack's transparency page, in Russian (${transparency})`);
  await portal.setViewportSize({ width: 1280, height: 900 });
  await portal.goto(transparency);
  const rating = '#departments-table tr[data-department="education"] td[data-figure="averageRating"]';
  await reloadUntil(portal, async () => {
    await portal.waitForSelector('body[data-ready=true]');
    const cell = portal.locator(rating);
    return (await cell.count()) === 1 && (await cell.getAttribute('data-value')) === '5';
  }, 60000, "the rating in education's figures");
  check(true, "the transparency page shows education's average rating, 5");
  await portal.click('button[data-lang=ru]');
  check((await portal.textContent('#departments-table tr[data-department="education"] th')).trim() === 'Отдел образования',
    'education by its name');
  await portal.screenshot({ path: join(screenshots, 'journey-7-transparency.png'), fullPage: true });
  await citizen.context.close();

  // --- Back in the workbench, education reads the citizen's rating and comment on the appeal's page.
  const again = await person('education, later', { width: 1280, height: 900 });
  await again.page.goto(appealPage);
  await again.page.fill('#username', 'education');
  await again.page.fill('#password', 'education-demo');
  await again.page.click('button[type=submit]');
  await again.page.waitForURL('**/workbench/**');
  await again.page.goto(appealPage);
  await reloadUntil(again.page, async () => (await again.page.locator('[data-testid=feedback]').count()) === 1, 60000,
    "the citizen's rating in the workbench");
  const feedback = await again.page.textContent('[data-testid=feedback]');
  check(feedback.includes('5 из 5') && feedback.includes('проблема решена'), `the workbench shows the rating: ${feedback.trim()}`);
  check(feedback.includes(COMMENT), "and the citizen's comment, word for word");
  await again.context.close();

  // --- The settlements are named in the page's language, from the directory routing publishes.
  const visitor = await person('visitor', { width: 414, height: 860 });
  for (const [lang, name] of [['kk', 'Ұзынағаш'], ['ru', 'Узынагаш'], ['en', 'Uzynagash']]) {
    await visitor.page.goto(`${intakeUrl}/portal?lang=${lang}`);
    const label = (await visitor.page.textContent('#settlement option[value="Узынагаш"]')).trim();
    check(label === name, `${lang}: the portal names Uzynagash "${name}" (was "${label}")`);
  }
  await visitor.context.close();

  stayedInside(outside, consoleErrors);
} catch (error) {
  crashed(error);
} finally {
  await browser.close();
}
verdict();
