/**
 * What the browser tests share: Debian's chromium, where screenshots go, and signing in to n8n's editor as a
 * user does (its sign-in form), at the size the screenshots are taken.
 */
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT } from '../e2e/harness/repo';

export const CHROMIUM = process.env.TASKBRIDGE_CHROMIUM ?? '/usr/bin/chromium';
export const SCREENSHOTS = path.join(REPO_ROOT, 'docs/screenshots');

export async function launchBrowser(): Promise<Browser> {
	return chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
}

/** A page of n8n's editor at `base`, signed in through the form with the owner's email and password. */
export async function signedInPage(
	browser: Browser,
	base: string,
	owner: { email: string; password: string },
	viewport = { width: 1400, height: 900 },
	signInUrl = `${base}/signin`,
): Promise<Page> {
	const page = await browser.newPage({ viewport });
	await page.goto(signInUrl);
	await page.fill('input[name="emailOrLdapLoginId"]', owner.email);
	await page.fill('input[name="password"]', owner.password);
	await page.click('[data-test-id="form-submit-button"]');
	await page.waitForURL((url) => !url.pathname.startsWith('/signin'));
	return page;
}
