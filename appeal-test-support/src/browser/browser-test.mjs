// What every browser test's node script (<module>/src/test/browser/*.test.mjs) shares, written once: how Debian's
// headless chromium is launched, the checks and their verdict, and the rule that a page loads nothing from outside
// the platform. No playwright import here: each script brings its own from its node_modules, and imports this file
// by its path in the repository.

/** Launch options for playwright-core's chromium: Debian's binary ($CHROMIUM to override), quiet and offline. */
export const CHROMIUM = {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync'],
};

/** Reads the required environment variables; exits with 2 naming them when one is missing. */
export function required(...names) {
  const missing = names.filter((name) => !process.env[name]);
  if (missing.length > 0) {
    console.error(`${names.join(', ')} are required (missing: ${missing.join(', ')})`);
    process.exit(2);
  }
  return names.map((name) => process.env[name]);
}

/**
 * The script's checks: each prints "ok" or "FAIL" and a failure is remembered; {@code verdict} ends the script
 * with "<name>: all checks passed" (what the Java test looks for) or exit code 1.
 */
export function checks(name) {
  const failures = [];
  const check = (condition, message) => {
    if (condition) {
      console.log('ok   ' + message);
    } else {
      failures.push(message);
      console.error('FAIL ' + message);
    }
  };
  return {
    check,
    equal: (actual, expected, message) =>
      check(actual === expected, `${message}: expected ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`),
    contains: (actual, expected, message) => check(typeof actual === 'string' && actual.includes(expected),
      `${message}: expected to contain ${JSON.stringify(expected)} but was ${JSON.stringify(actual)}`),
    /**
     * The two checks every script ends with: {@code outside} (the requests {@link onlyFrom} aborted) and
     * {@code consoleErrors} (what the script's console listener kept) are empty.
     */
    stayedInside: (outside, consoleErrors) => {
      check(outside.length === 0, `nothing is loaded from outside the platform (${outside.join(', ')})`);
      check(consoleErrors.length === 0, `no console errors (${consoleErrors.join(' | ')})`);
    },
    /** An exception that ended the steps early counts as a failure. */
    crashed: (error) => {
      failures.push(String((error && error.stack) || error));
      console.error(error);
    },
    verdict: () => {
      if (failures.length > 0) {
        console.error(`${name}: ${failures.length} check(s) failed`);
        process.exit(1);
      }
      console.log(`${name}: all checks passed`);
    },
  };
}

/**
 * Lets {@code page} load only from {@code bases} (URL prefixes); every other request is aborted and pushed to
 * {@code outside}, for the script to check it stayed empty.
 */
export async function onlyFrom(page, bases, outside) {
  await page.route('**/*', (route) => {
    const url = route.request().url();
    if (bases.some((base) => url.startsWith(base))) { return route.continue(); }
    outside.push(url);
    return route.abort();
  });
}
