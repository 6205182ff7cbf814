-- Registered providers' service accounts were named `provider:<spec id>`; a colon (and capitals) are not in the
-- characters Waldur allows in a username, so Waldur's clients met usernames they would refuse. Rename them to
-- `provider.<spec id>` in those characters, skipping any whose new name is already taken.
UPDATE "users" SET "username" = 'provider.' || regexp_replace(lower(substr("username", 10)), '[^0-9a-z_.@+-]', '-', 'g'), "updated_at" = now()
WHERE "username" LIKE 'provider:%' AND "kind" = 'service'
  AND NOT EXISTS (
    SELECT 1 FROM "users" AS "other"
    WHERE lower("other"."username") = 'provider.' || regexp_replace(lower(substr("users"."username", 10)), '[^0-9a-z_.@+-]', '-', 'g')
  );
