// What the workbench's browser scripts share: a fresh browser context signed in as a demo user, and the
// accessibility checks of a page. Each script passes its own browser, checks and lists.
import { join } from 'node:path';
import { onlyFrom } from '../../../../appeal-test-support/src/browser/browser-test.mjs';

/**
 * {@code signIn(login, { screenshot })}: a fresh context (its own cookies) signed in as {@code login} with its demo
 * password; requests outside {@code baseUrl} are aborted and pushed to {@code outside}, console errors to
 * {@code consoleErrors}. {@code accessibilityChecks(page, where)}: the page's language, one main landmark, a label
 * for every field, a name for every button, no inline style or script (the CSP forbids them).
 */
export function workbenchSessions({ browser, baseUrl, screenshots, check, outside, consoleErrors }) {
  async function signIn(login, { screenshot } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    await onlyFrom(page, [baseUrl], outside);
    page.on('console', (message) => {
      // The 404s a script asks for on purpose (an appeal that is not the user's, by URL), and the 403 of an action sent
      // after its session ended (the session-ended page), are not errors of the page.
      const url = message.location().url;
      const expected404 = message.text().includes('status of 404') && url.includes('/workbench/appeals/');
      const expected403 = message.text().includes('status of 403') && url.endsWith('/actions');
      if (message.type() === 'error' && !expected404 && !expected403) { consoleErrors.push(`${login}: ${message.text()} (${message.location().url})`); }
    });
    await page.goto(baseUrl + '/workbench');
    check(page.url().endsWith('/workbench/login'), `${login}: an anonymous visit goes to the login page`);
    if (screenshot) {
      await page.screenshot({ path: join(screenshots, 'workbench-login.png'), fullPage: true });
    }
    await page.fill('#username', login);
    await page.fill('#password', login + '-demo');
    await page.click('button[type=submit]');
    await page.waitForLoadState('load');
    return { context, page };
  }

  async function accessibilityChecks(page, where) {
    const lang = await page.getAttribute('html', 'lang');
    check(['kk', 'ru', 'en'].includes(lang), `${where}: html lang is set (${lang})`);
    check(await page.locator('main#main').count() === 1, `${where}: one main landmark, the skip link's target`);
    const unlabelled = await page.evaluate(() => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
      .filter((field) => !(field.id && document.querySelector(`label[for="${field.id}"]`)) && !field.getAttribute('aria-label'))
      .map((field) => field.name || field.id));
    check(unlabelled.length === 0, `${where}: every field has a label (${unlabelled.join(', ')})`);
    const unnamed = await page.evaluate(() => [...document.querySelectorAll('button')].filter((b) => !b.textContent.trim()).length);
    check(unnamed === 0, `${where}: every button has a name`);
    const inline = await page.evaluate(() => document.querySelectorAll('[style], script:not([src]), style').length);
    check(inline === 0, `${where}: no inline styles or scripts`);
  }

  return { signIn, accessibilityChecks };
}
