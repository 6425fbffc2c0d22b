// The Foshan zone's product categories, as migration 0029 enters them: the codes the demo's products
// and schemes use. Another zone keeps its own at /admin/categories.
export const SEED_CATEGORIES = ['points', 'digital', 'equipment', 'guarantee', 'ip_pledge', 'credit', 'other'] as const;
export type SeedCategory = (typeof SEED_CATEGORIES)[number];
