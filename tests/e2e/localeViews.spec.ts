import { expect, test, type Page } from '@playwright/test';
import { openApp } from './app.ts';

// Every view in Russian and Kazakh, screenshotted, and measured: Russian and Kazakh words run longer than English
// ones, and a label cut off or a button broken over two lines is what a reviewer notices first.

const TABS = ['review', 'glossary', 'align', 'dashboard', 'transfer'] as const;

/**
 * Boxes whose text does not fit: a control, tab, header cell, label or badge whose content is wider than the box
 * (unless it is cut with an ellipsis and the full text is its title), a button or tab whose text breaks onto a
 * second line, and a select too narrow for the option it shows.
 */
function overflowingBoxes(): string[] {
  const problems: string[] = [];
  const describe = (element: Element, text: string) =>
    `${element.tagName.toLowerCase()}${element.id ? `#${element.id}` : ''} “${text.slice(0, 50)}”`;
  const visible = (element: HTMLElement) => {
    if (element.closest('[hidden]')) return false;
    const box = element.getBoundingClientRect();
    return box.width > 0 && box.height > 0 && getComputedStyle(element).visibility !== 'hidden';
  };
  const selector =
    'button, [role="tab"], th, [role="columnheader"], label, summary, legend, h1, h2, h3, dt, .badge, .state-badge, .issue-badge, td';
  for (const element of document.querySelectorAll<HTMLElement>(selector)) {
    // Text kept for screen readers only is clipped to a pixel on purpose.
    if (!visible(element) || element.getBoundingClientRect().width <= 2) continue;
    const text = element.innerText.trim();
    if (text === '') continue;
    const style = getComputedStyle(element);
    const scrolls = ['auto', 'scroll'].includes(style.overflowX);
    if (!scrolls && element.scrollWidth > element.clientWidth + 1) {
      const titled = style.textOverflow === 'ellipsis' && (element.title || '').trim() !== '';
      if (!titled)
        problems.push(
          `${describe(element, text)} overflows (${element.scrollWidth} > ${element.clientWidth})`,
        );
    }
    // A short label (a command, a tab) should sit on one line; a button quoting text of the document may wrap.
    if (element.matches('button, [role="tab"]') && text.length <= 36) {
      // Lines are told apart by their middles: a smaller shortcut hint on the same line sits a few pixels lower.
      const middles: number[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if ((node.textContent ?? '').trim() === '') continue;
        const range = document.createRange();
        range.selectNodeContents(node);
        for (const rect of range.getClientRects())
          if (rect.width > 0) middles.push(rect.top + rect.height / 2);
      }
      middles.sort((a, b) => a - b);
      const lineHeight = parseFloat(style.fontSize) * 0.8;
      const lines = middles.filter(
        (middle, i) => i === 0 || middle - (middles[i - 1] ?? middle) > lineHeight,
      );
      if (lines.length > 1) problems.push(`${describe(element, text)} wraps onto ${lines.length} lines`);
    }
  }
  // A table (or a grid of rows) wider than the box it scrolls in hides its last columns until the reader scrolls
  // sideways.
  for (const table of document.querySelectorAll<HTMLElement>('table, [role="grid"]')) {
    if (!visible(table)) continue;
    let box = table.parentElement;
    while (box && !['auto', 'scroll', 'hidden'].includes(getComputedStyle(box).overflowX))
      box = box.parentElement;
    if (box && table.getBoundingClientRect().right > box.getBoundingClientRect().right + 1) {
      const name = table.getAttribute('aria-label') ?? table.className;
      problems.push(`table “${name}” is cut off (${Math.round(table.scrollWidth)} > ${box.clientWidth})`);
    }
  }
  const canvas = document.createElement('canvas').getContext('2d');
  for (const select of document.querySelectorAll<HTMLSelectElement>('select')) {
    if (!visible(select) || !canvas) continue;
    const shown = select.selectedOptions[0]?.text ?? '';
    const style = getComputedStyle(select);
    canvas.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
    const needed =
      canvas.measureText(shown).width + parseFloat(style.paddingLeft) + parseFloat(style.paddingRight) + 16;
    if (needed > select.clientWidth + 1 && (select.title || '').trim() === '')
      problems.push(
        `${describe(select, shown)} is too narrow (${Math.round(needed)} > ${select.clientWidth})`,
      );
  }
  return problems;
}

async function showEveryView(page: Page, language: 'ru' | 'kk', shots: string[], width: number) {
  await page.locator('.language-switcher select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  const problems: string[] = [];
  for (const tab of TABS) {
    await page.locator(`#tab-${tab}`).click();
    const panel = page.locator(`[role="tabpanel"][aria-labelledby="tab-${tab}"]`);
    await expect(panel).toBeVisible();
    if (tab === 'glossary') await panel.locator('tr.glossary-row').first().click();
    // Lazy views and the worker's answers settle before the measurement.
    await page.waitForLoadState('networkidle');
    await page.waitForTimeout(300);
    const path = test.info().outputPath(`${language}-${tab}-${width}.png`);
    await page.screenshot({ path, fullPage: true });
    shots.push(path);
    for (const problem of await page.evaluate(overflowingBoxes))
      problems.push(`${width} px ${language} ${tab}: ${problem}`);
  }
  return problems;
}

// The wide desktop the app is designed on, and the narrow laptops many reviewers work on.
for (const width of [1440, 1280, 1024]) {
  test(`every view in Russian and Kazakh fits its boxes at ${width} px`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize({ width, height: 900 });
    await openApp(page);
    // A second document with a long name, so the document selector is on show.
    await page.locator('#tab-transfer').click();
    await page.getByLabel(/File to import/).setInputFiles({
      name: 'Постановление акимата о деятельности местной полицейской службы.ru.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('Местная полицейская служба\n\nОна работает в каждом районе.\n'),
    });
    const preview = page.getByRole('region', { name: /^Preview of / });
    await preview.getByRole('textbox', { name: 'Name of the new document' }).click();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByText(/^Added “/)).toBeVisible();
    await page.reload();
    await expect(page.locator('.document-switcher select')).toBeVisible();
    // Some history and an MQM error recorded from a QA issue, so the side panels have dates and notes to show.
    const first = page.locator('[data-unit="0"]').getByRole('gridcell', { name: 'English 1' });
    await first.click();
    await page.keyboard.press('Control+Enter');
    await expect(page.getByRole('textbox', { name: 'English' })).toBeFocused();
    await page.keyboard.press('Escape');
    await page
      .getByRole('region', { name: 'Issues' })
      .getByRole('button', { name: 'Record as MQM error' })
      .first()
      .click();
    const note = page.locator('.annotation-panel .annotation-note');
    await expect(note).toHaveCount(1);
    const english = await note.innerText();
    await page.keyboard.press('h');
    await expect(page.getByRole('region', { name: 'History' })).toBeVisible();
    const shots: string[] = [];
    const problems = await showEveryView(page, 'ru', shots, width);
    // The MQM note copied from the QA issue speaks the reader's language, as the history's dates do.
    await page.locator('#tab-review').click();
    const russian = await note.innerText();
    expect(russian).not.toBe(english);
    problems.push(...(await showEveryView(page, 'kk', shots, width)));
    await page.locator('#tab-review').click();
    const kazakh = await note.innerText();
    expect([english, russian]).not.toContain(kazakh);
    await expect(page.locator('.history-panel time').first()).toHaveText(
      /^\d{4} ж\. \d{1,2} (қаңтар|ақпан|наурыз|сәуір|мамыр|маусым|шілде|тамыз|қыркүйек|қазан|қараша|желтоқсан), \d\d:\d\d$/,
    );
    await test.info().attach('screenshots', { body: shots.join('\n'), contentType: 'text/plain' });
    expect(problems).toEqual([]);
  });
}
