-- current_employment (V7) and current_employer_facts (V19) each chose a person's current employer. Every caller now
-- reads current_employer_facts, which is inlined the same way when used in FROM, so the rule lives in one place.
drop function current_employment(uuid);
