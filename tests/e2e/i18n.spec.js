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

  test('accessible names, titles, what the keys announce and the saving warning are Arabic too', async ({ page }) => {
    await h.open(page);
    await expect(page.getByRole('article', { name: 'المقال', exact: true })).toBeVisible();
    await expect(page.getByRole('region', { name: 'التعليق', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'المكتبة' })).toHaveAttribute('title', 'كل المقالات في هذا المتصفح مع تعليقاتها');
    await expect(page.getByRole('button', { name: 'تراجع' })).toHaveAttribute('title', 'تراجع (Ctrl+Z)');
    await expect(page.locator('.toolbar .label-button').first()).toHaveAttribute('title', 'تصنيف التحديد: Claim (خط متصل، المفتاح 1)');

    // The live region says in Arabic what a key reached.
    const said = page.locator('#caret-status');
    await page.locator('article').focus();
    await page.keyboard.press('n');
    await expect(said).toHaveText('لا تعليقات');
    await page.keyboard.press('ArrowRight');
    await expect(said).toHaveText('Get');
    await page.keyboard.press('ArrowLeft');
    await expect(said).toHaveText('بداية المقال');
    await page.keyboard.press('1');
    await expect(page.getByRole('region', { name: 'التعليقات' }).getByRole('heading', { level: 2 })).toHaveText('التعليقات (1)');
    await page.keyboard.press('Escape');
    await page.keyboard.press('n');
    await expect(said).toHaveText('Claim 1 من 1: Get');

    // Storage full: the warning is in Arabic; the browser's reason stays as the browser gave it.
    await page.waitForFunction(() => (localStorage.getItem('annota:v1:annotations') || '').includes('"label":"claim"'));
    await page.evaluate(() => {
      Storage.prototype.setItem = function () { throw new DOMException('full', 'QuotaExceededError'); };
    });
    await h.doubleClickWord(page, 'غزة');
    await page.keyboard.press('3');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('آخر تغييراتك غير محفوظة في هذا المتصفح');
    await expect(alert).toContainText('QuotaExceededError');
  });
});

test.describe('an Arabic interface', () => {
  test.use({ locale: 'ar-EG' });

  test('says why a file was refused in Arabic, with what it names', async ({ page }) => {
    await h.open(page);
    await page.getByLabel('استيراد', { exact: true }).setInputFiles({
      name: 'bad.json', mimeType: 'application/json', buffer: Buffer.from('{"format": "annota", "version": 1,\n  oops'),
    });
    const refusal = page.locator('.banner.error').last();
    await expect(refusal).toContainText('تعذّر الاستيراد: ليس JSON صالحًا في السطر 2');
    await expect(refusal).toContainText('لم يتغير شيء');
    await expect(refusal).not.toContainText('not valid JSON');

    await page.getByLabel('استيراد', { exact: true }).setInputFiles({
      name: 'labels.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ text: 'abc', label: [[0, 2, 'PERSON']] })),
    });
    await expect(page.locator('.banner.error').last()).toContainText('التصنيف «PERSON» ليس في مجموعة التصنيفات');

    // A file that opens tells what was placed, in Arabic too.
    await page.getByLabel('استيراد', { exact: true }).setInputFiles({
      name: 'ok.jsonl', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ text: 'نص قصير', label: [[0, 2, 'claim']] })),
    });
    await expect(page.getByRole('status')).toContainText('في موضعها تمامًا: 1');
    await expect(page.getByRole('status')).not.toContainText('placed exactly');
  });

  test('says in Arabic that stored data could not be read, and where it was kept', async ({ page }) => {
    await h.open(page);
    await h.dragSelect(page, 'سيرجي لافروف');
    await page.keyboard.press('3');
    await page.waitForFunction(() => (localStorage.getItem('annota:v1:annotations') || '').includes('"label":"actor"'));
    await page.evaluate(() => localStorage.setItem('annota:v1:annotations', '{"schema":1,"annotations":[{"id":'));
    await page.reload();
    const warning = page.locator('.banner.warning');
    await expect(warning).toContainText('تعذّرت قراءة التعليقات المخزنة: ليس JSON صالحًا');
    await expect(warning).toContainText('annota:backup:');
    await expect(warning).not.toContainText('could not be read');
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
