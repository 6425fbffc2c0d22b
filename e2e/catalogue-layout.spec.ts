import { expect, test } from '@playwright/test';

test('the catalogue’s cards in one row are equally wide, whatever their text', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto('/products');
  const cards = page.getByTestId('product-card');
  await expect(cards.nth(2)).toBeVisible();
  const boxes = await cards.evaluateAll((els) =>
    els.map((e) => e.getBoundingClientRect()).map((r) => ({ top: Math.round(r.top), width: Math.round(r.width) })),
  );
  expect(boxes.length).toBeGreaterThanOrEqual(3);
  const widths = new Set(boxes.map((b) => b.width));
  expect([...widths], 'every card has the column’s width').toHaveLength(1);
  // three columns at this width
  expect(boxes[0].top).toBe(boxes[2].top);
});
