-- A correction by hand remembers the value it replaced, so that a stale copy of the person's LinkedIn profile (a
-- colleague's old tab, a page cached before the person updated it) does not put that value back. A page that shows
-- something new still wins: the person changed their profile. Only rows with source 'manual' fill it in.
alter table field_provenance add column replaced_value text;
