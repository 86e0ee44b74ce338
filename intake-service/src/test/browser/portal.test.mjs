// Drives Debian's headless chromium through the citizen portal, in Kazakh, Russian and English: a validation
// error in the chosen language with the input kept, a submission with its tracking code and private link, the
// anonymous warning, then (after PortalBrowserTest, playing routing and the department, publishes their lifecycle
// events) the status page with the paused clock, a reply, the answer, a "not solved" rating and the reopening.
// One browser launch. Steps are handed to the Java test through files in HANDSHAKE: <step>.json, then <step>.go.
//
//   BASE_URL=http://127.0.0.1:8081 HANDSHAKE=/tmp/x SCREENSHOTS=docs/screenshots TRANSPARENCY=http://... node portal.test.mjs
import { chromium } from 'playwright-core';
import { existsSync, mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM, checks, onlyFrom, required } from '../../../../appeal-test-support/src/browser/browser-test.mjs';

const [baseUrl, handshake, screenshots, transparency] = required('BASE_URL', 'HANDSHAKE', 'SCREENSHOTS', 'TRANSPARENCY');
const { check, equal, contains, stayedInside, verdict } = checks('portal');

/** Hands a step's results to the Java test and waits until it has done its part. */
async function step(name, data) {
  writeFileSync(join(handshake, name + '.json'), JSON.stringify(data));
  const until = Date.now() + 90000;
  while (!existsSync(join(handshake, name + '.go'))) {
    if (Date.now() > until) { throw new Error(`no answer to step ${name}`); }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

// What each language must say; written here again, independently of the message files.
const L = {
  kk: {
    title: 'Әкімдікке өтініш', required: 'Жауап сізге жетуі үшін', warning: 'жасырын өтініш', firstMessage: 'алғашқы хабарламамызда',
    submitted: 'Өтініш жіберілді', department: 'Тұрғын үй-коммуналдық шаруашылығы бөлімі', deadline: '2027 жылғы 20 қаңтар',
    address: 'Ұзынағаш ауылы, Д. Рысбеков көшесі, 9',
    infoRequested: 'Бөлім сізден мәлімет сұрайды', paused: 'Мерзім тоқтатыла тұрды', replied: 'жауабыңыз бөлімге жіберілді',
    answered: 'Жауап берілді', rated: 'бағаңыз жіберілді', reopened: 'қайта ашылды',
    text: 'Ұзынағаш ауылында үш күннен бері су жоқ, Абай көшесі 12.',
  },
  ru: {
    title: 'Обращение в акимат', required: 'чтобы ответ дошёл до вас', warning: 'анонимное обращение не рассматривается', firstMessage: 'в первом сообщении',
    submitted: 'Обращение отправлено', department: 'Отдел жилищно-коммунального хозяйства', deadline: '20 января 2027',
    address: 'с. Узынагаш, ул. Д. Рысбекова, 9',
    infoRequested: 'Отдел просит у вас сведения', paused: 'Срок приостановлен', replied: 'ваш ответ отправлен в отдел',
    answered: 'Дан ответ', rated: 'оценка отправлена', reopened: 'Открыто снова',
    text: 'Третий день нет воды на улице Абая, 12 в Узынагаше.',
  },
  en: {
    title: 'Write to the akimat', required: 'so that the answer reaches you', warning: 'an anonymous appeal is not considered', firstMessage: 'our first message',
    submitted: 'Your appeal has been sent', department: 'Housing and Utilities Department', deadline: '20 January 2027',
    address: '9 D. Rysbekov Street, Uzynagash',
    infoRequested: 'The department asks you for information', paused: 'The deadline clock is paused',
    replied: 'your reply has been sent', answered: 'Answered', rated: 'your rating has been sent', reopened: 'Reopened',
    text: 'There has been no water on Abay street 12 in Uzynagash for three days.',
  },
};
const languages = ['kk', 'ru', 'en'];

mkdirSync(screenshots, { recursive: true });
const userDataDir = mkdtempSync(join(tmpdir(), 'portal-chromium-'));
const context = await chromium.launchPersistentContext(userDataDir, {
  ...CHROMIUM,
  viewport: { width: 414, height: 860 }, // a phone first
  locale: 'ru-RU',
});
try {
  const page = context.pages()[0] || await context.newPage();
  const outside = [];
  await onlyFrom(page, [baseUrl], outside);
  const consoleErrors = [];
  // A form with errors answers 400 (and a refusal 429), which Chromium logs as a failed load; every other
  // console error counts, a CSP violation first of all. Styles and the script must load.
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) { consoleErrors.push(message.text()); }
  });
  const badResources = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'document' && response.status() >= 400) { badResources.push(response.url()); }
  });
  const text = async (selector) => (await page.locator(selector).first().textContent() || '').trim();

  // The default language comes from the browser's Accept-Language (ru here).
  await page.goto(baseUrl + '/portal');
  equal(await page.getAttribute('html', 'lang'), 'ru', 'default language from Accept-Language');
  // Keyboard: the first Tab reaches the skip link, with a visible focus outline.
  await page.keyboard.press('Tab');
  equal(await page.evaluate(() => document.activeElement.className), 'skip', 'first focus on the skip link');
  equal(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle), 'solid', 'visible focus');

  const submitted = {};
  const anonymous = {};
  for (const lang of languages) {
    const t = L[lang];
    await page.goto(baseUrl + '/portal?lang=' + lang);
    equal(await page.getAttribute('html', 'lang'), lang, `${lang}: lang attribute`);
    equal(await text('h1'), t.title, `${lang}: form title`);
    check(await page.locator('#anonymous-warning').isHidden(), `${lang}: no anonymous warning before it is chosen`);
    if (lang === 'kk') { await page.screenshot({ path: join(screenshots, 'portal-form.png'), fullPage: true }); }

    // A named appeal without a contact: the error next to the contact field, in this language, input kept.
    await page.check('#type-COMPLAINT');
    await page.selectOption('#category', 'water-supply');
    await page.fill('#text', t.text);
    await page.selectOption('#settlement', 'Узынагаш');
    await page.fill('#fullName', 'Айгерим Сапарова');
    await page.check('#consent');
    await page.click('button[type=submit]');
    await page.waitForSelector('#contact-error');
    contains(await text('#contact-error'), t.required, `${lang}: contact error in the chosen language`);
    equal(await page.inputValue('#text'), t.text, `${lang}: text kept`);
    equal(await page.inputValue('#fullName'), 'Айгерим Сапарова', `${lang}: name kept`);
    equal(await page.inputValue('#settlement'), 'Узынагаш', `${lang}: settlement kept`);
    check(await page.isChecked('#consent'), `${lang}: consent kept`);
    equal(await page.evaluate(() => document.activeElement.id), 'contact', `${lang}: focus on the first error`);
    if (lang === 'ru') { await page.screenshot({ path: join(screenshots, 'portal-form-error.png'), fullPage: true }); }

    await page.fill('#contact', `citizen-${lang}@example.kz`);
    await page.click('button[type=submit]');
    await page.waitForSelector('#tracking-code');
    equal(await text('h1'), t.submitted, `${lang}: submitted title`);
    const code = await text('#tracking-code');
    const link = await page.getAttribute('#private-link', 'href');
    check(/^ZH-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{5}$/.test(code), `${lang}: tracking code ${code}`);
    check(link.startsWith(baseUrl + '/portal/a/'), `${lang}: private link ${link}`);
    check(await page.locator('#anonymous-warning').count() === 0, `${lang}: no anonymous warning for a named appeal`);
    contains(await text('main'), t.firstMessage, `${lang}: the link is also in the first message to a named citizen`);
    submitted[lang] = { code, link };

    // Anonymous: the APPK warning shows as soon as it is chosen, and again after sending.
    await page.goto(baseUrl + '/portal');
    await page.check('#type-REPORT');
    await page.fill('#text', t.text);
    await page.check('#anonymous');
    check(await page.locator('#anonymous-warning').isVisible(), `${lang}: warning shown when anonymous is chosen`);
    contains(await text('#anonymous-warning'), t.warning, `${lang}: warning text`);
    check(await page.locator('#identity').isHidden(), `${lang}: identity fields hidden when anonymous`);
    await page.click('button[type=submit]');
    await page.waitForSelector('#tracking-code');
    contains(await text('#anonymous-warning'), t.warning, `${lang}: warning after an anonymous submission`);
    check(!(await text('main')).includes(t.firstMessage), `${lang}: no first message promised to an anonymous citizen`);
    anonymous[lang] = await text('#tracking-code');
  }

  // The form's cookie gone while it was being written (the CSRF token lives there): nothing is sent, the form comes
  // back as typed with a fresh token, and the second try sends it.
  await page.goto(baseUrl + '/portal?lang=en');
  await page.check('#type-REPORT');
  await page.fill('#text', 'The street lamp on Abay street is broken (sent after the cookies were cleared).');
  await page.check('#anonymous');
  await context.clearCookies();
  await page.click('button[type=submit]');
  await page.waitForSelector('#refusal');
  equal(await page.inputValue('#text'), 'The street lamp on Abay street is broken (sent after the cookies were cleared).',
    'cookies cleared: the text comes back');
  check(await page.isChecked('#anonymous'), 'cookies cleared: the choices come back');
  await page.click('button[type=submit]');
  await page.waitForSelector('#tracking-code');
  check(/^ZH-/.test(await text('#tracking-code')), 'cookies cleared: the second try is sent');

  // Routing and the department (played by the Java test): routed, then information requested.
  await step('submitted', { submitted, anonymous });
  for (const lang of languages) {
    const t = L[lang];
    await page.goto(submitted[lang].link + '?lang=' + lang);
    equal(await text('#status'), t.infoRequested, `${lang}: status in plain words`);
    contains(await text('#clock'), t.paused, `${lang}: paused clock`);
    contains(await text('#pause-reason'), 'No. 12', `${lang}: what the department asks`);
    equal(await text('#department'), t.department, `${lang}: department by name`);
    equal(await text('#deadline'), t.deadline, `${lang}: deadline as a date`);
    contains(await text('#contacts'), '+7 72770 2-11-01', `${lang}: department's phone`);
    contains(await text('#contacts'), t.address, `${lang}: department's address as written for this language`);
    equal(await page.getAttribute('footer a', 'href'), `${transparency}?lang=${lang}`, `${lang}: link to the transparency page, in the page's language`);
    if (lang === 'en') {
      // The cookie gone while the reply was being written: nothing is sent, the page comes back with the text.
      await page.fill('#reply-text', 'The house is No. 12, the meter is in the yard.');
      await context.clearCookies();
      await page.click('#reply-text ~ button, form[action$="/reply"] button');
      await page.waitForSelector('#error-summary');
      equal(await page.inputValue('#reply-text'), 'The house is No. 12, the meter is in the yard.',
        'cookies cleared: the reply comes back as typed');
      check(await page.locator('#done').count() === 0, 'cookies cleared: the reply was not sent');
      await page.goto(submitted[lang].link + '?lang=' + lang); // the language's cookie went with the others
    }
    await page.fill('#reply-text', 'The house is No. 12, the meter is in the yard.');
    await page.click('#reply-text ~ button, form[action$="/reply"] button');
    await page.waitForSelector('#done');
    contains(await text('#done'), t.replied, `${lang}: reply sent`);
  }

  // The department answers.
  await step('replied', {});
  for (const lang of languages) {
    const t = L[lang];
    await page.goto(submitted[lang].link + '?lang=' + lang);
    equal(await text('#status'), t.answered, `${lang}: answered`);
    contains(await text('#answer'), 'pipe', `${lang}: the answer shows`);
    if (lang === 'kk') { await page.screenshot({ path: join(screenshots, 'portal-status.png'), fullPage: true }); }
    // A rating without "solved?": the error, and the rating chosen is kept.
    await page.check('#rating-2');
    await page.click('form[action$="/feedback"] button');
    await page.waitForSelector('#solved-error');
    check(await page.isChecked('#rating-2'), `${lang}: the rating kept after an error`);
    // That page's address is the form's: its language links lead back to the appeal's page.
    await page.click(`header a[hreflang=${lang}]`);
    await page.waitForSelector('#status');
    equal(await text('#status'), t.answered, `${lang}: a language link after an error leads back to the appeal`);
    await page.check('#solved-no');
    await page.check('#rating-2');
    await page.click('form[action$="/feedback"] button');
    await page.waitForSelector('#done');
    contains(await text('#done'), t.rated, `${lang}: rating sent`);
  }

  // "Not solved" reaches routing, which reopens the appeal.
  await step('rated', {});
  for (const lang of languages) {
    await page.goto(submitted[lang].link + '?lang=' + lang);
    const history = await text('#history');
    contains(history, L[lang].reopened, `${lang}: reopened in the history`);
    contains(history, 'No. 12', `${lang}: the department's own words in the history`);
    check(!history.includes('the citizen reports'), `${lang}: no text of routing's own in the history`);
  }

  stayedInside(outside, consoleErrors);
  check(badResources.length === 0, `resources that failed to load: ${badResources.join(', ')}`);
} finally {
  await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

verdict();
