/** What a person does on every journey: open the app, sign in through the form, wait for the page. */
import { Locator, Page } from 'playwright-core';
import { WebUser } from './web-service';

// Only inside page.evaluate (the browser's globals); the test program itself has no DOM lib.
declare const document: any;

export async function signInThroughPage(
  page: Page,
  baseUrl: string,
  user: Pick<WebUser, 'username' | 'password'>,
  path = '/app/',
): Promise<void> {
  await page.goto(`${baseUrl}${path}`);
  await page.locator('#username').fill(user.username);
  await page.locator('#password').fill(user.password);
  await page.locator('#password').press('Enter');
}

/** Waits until no Ant Design spinner is left on the page (every hook has answered). */
export async function settled(page: Page): Promise<void> {
  // A loaded 2-core CI machine has taken over ten seconds to go quiet after a page's first load.
  await page.waitForLoadState('networkidle', { timeout: 30_000 });
  await page.waitForFunction(() => document.querySelectorAll('.ant-spin-spinning').length === 0, undefined, { timeout: 30_000 });
}

/**
 * Picks an option of the Ant Design select labelled `label` (the visible dropdown's option titled `option`).
 * A single choice is checked in the select itself and picked again if it did not take: on a loaded CI machine
 * a click once landed on a list still closing from the select before, and the form went in without the value.
 */
export async function choose(
  page: Page,
  label: string,
  option: string,
  { multiple = false, within }: { multiple?: boolean; within?: Locator } = {},
): Promise<void> {
  const select = (within ?? page).getByRole('combobox', { name: label }).locator('xpath=ancestor::div[contains(@class, "ant-select ")][1]');
  // The element itself, not its label: a choice may relabel it (the language select).
  const element = await select.elementHandle();
  for (let attempt = 1; ; attempt++) {
    await element!.click();
    await page.locator(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option[title="${option}"]`).click();
    if (multiple) return;
    // A single choice closes the list; wait until it has gone (its closing animation is still in the page).
    await page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')
      .waitFor({ state: 'detached' })
      .catch(() => page.waitForTimeout(400));
    const took = await element!
      .waitForSelector(`.ant-select-selection-item[title="${option}"]`, { timeout: attempt < 3 ? 5_000 : 15_000 })
      .then(
        () => true,
        () => false,
      );
    if (took) return;
    if (attempt === 3) throw new Error(`the select "${label}" does not show "${option}" after three tries`);
  }
}

/**
 * Ant Design component styles the page computed itself (a <style> with its `:where(.css-…)` selectors):
 * none when the build's static sheet (apps/web/antd-styles.mts) holds every component the page shows.
 */
export const computedAntdStyles = (page: Page): Promise<string[]> =>
  page.evaluate(() =>
    [...document.querySelectorAll('style')]
      .map((style: { textContent: string | null }) => style.textContent ?? '')
      .filter((css: string) => css.includes(':where(.css-')),
  );
