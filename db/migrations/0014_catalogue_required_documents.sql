-- The documents a product requires are shown on its public page: a change to them bumps the
-- catalogue version like a change to the product row itself (0009), so every instance's caches
-- (lib/products/public-cache.ts, lib/server/page-cache.ts) drop the old list at once.
CREATE TRIGGER product_required_documents_catalogue_bump AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON product_required_documents
  FOR EACH STATEMENT EXECUTE FUNCTION catalogue_bump();
