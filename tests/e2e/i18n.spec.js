// The interface in English and Arabic: chosen from the browser's language, switchable, remembered,
// with the whole layout mirrored in Arabic; annotating works the same in both.
const { test, expect } = require('@playwright/test');
const h = require('./helpers');

h.failOnPageErrors(test, expect);

test.describe('an Arabic browser', () => {
  test.use({ locale: 'ar-EG' });

  test('gets the Arabic interface, mirrored, and annotating works as in English', async ({ page }) => {
    await h.open(page);
    await expect(page.locator('html')).toHaveAttribute('lang', 'ar');
    await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
    await expect(page.getByRole('button', { name: 'المكتبة' })).toBeVisible();
    await expect(page.getByRole('button', { name: 'تقرير الجلسة' })).toBeVisible();
    const panel = page.getByRole('region', { name: 'التعليقات' });
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('التعليقات (0)');
    // Mirrored: the side panel is left of the article, the toolbar starts on the right.
    const article = await page.locator('article').boundingBox();
    const side = await panel.boundingBox();
    expect(side.x + side.width).toBeLessThanOrEqual(article.x + 1);

    await h.dragSelect(page, 'سيرجي لافروف');
    await page.keyboard.press('3');
    await expect(panel.getByRole('heading', { level: 2 })).toHaveText('التعليقات (1)');
    await expect(page.getByRole('region', { name: 'الفاعلون' }).getByRole('heading')).toHaveText('الفاعلون (1)');
    await expect(page.getByRole('region', { name: 'التحقق' }).getByRole('button', { name: 'الفاعل نفسه مثل…' })).toBeVisible();

    // Switch to English; the choice outlives a reload.
    await page.getByRole('button', { name: 'English' }).click();
    await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
    await h.expectCount(page, 1);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await h.expectCount(page, 1);
    const article2 = await page.locator('article').boundingBox();
    const side2 = await h.panel(page).boundingBox();
    expect(side2.x).toBeGreaterThanOrEqual(article2.x + article2.width - 1);
  });
});

test('an English browser gets English and can switch to Arabic', async ({ page }) => {
  await h.open(page);
  await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
  await page.getByRole('button', { name: 'العربية' }).click();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByRole('button', { name: 'المكتبة' }).click();
  await expect(page.getByRole('dialog', { name: /^المكتبة/ })).toBeVisible();
  await expect(page.getByRole('dialog').getByRole('button', { name: 'تنزيل المكتبة' })).toBeVisible();
});
