-- A LinkedIn company page, captured by a member, gives its company's industry and size band (docs/policies.md,
-- "Fit score"). The page's slug finds the company again, even when its employees write its name another way.
alter table party_group add column linkedin_slug text;
create unique index party_group_linkedin_uq on party_group (team_id, linkedin_slug) where linkedin_slug is not null;

-- What a member set by hand stays: a company page fills only the facts nobody typed. Until now every value came
-- from a member (nothing read them from a page), so the values there are marked as set by hand.
alter table party_group add column industry_by_hand boolean not null default false;
alter table party_group add column size_band_by_hand boolean not null default false;
update party_group set industry_by_hand = industry is not null, size_band_by_hand = size_band is not null
 where industry is not null or size_band is not null;
