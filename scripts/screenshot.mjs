// Takes the README's screenshot of the German demo card in headless
// Chromium: node scripts/screenshot.mjs (after ./scripts/build).
import { launch, serve } from '../tests/e2e/browser.mjs';

const { server, origin } = await serve();
const browser = await launch();
try {
  const page = await browser.newPage({ viewport: { width: 760, height: 900 }, deviceScaleFactor: 1 });
  await page.goto(`${origin}/index.html`);
  const card = page.locator('#card-de article.ac-card');
  await card.waitFor();
  await card.locator('.ac-background summary').click();
  await page.waitForFunction(() => [...document.images].every((img) => img.complete));
  await card.screenshot({ path: 'docs/card.png' });
  console.log('wrote docs/card.png');
} finally {
  await browser.close();
  server.close();
}
