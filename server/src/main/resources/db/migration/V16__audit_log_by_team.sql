-- Team admins read their team's audit log newest first, a page at a time (GET /api/v1/team/audit): one index range.
create index audit_log_team_idx on audit_log (team_id, id desc);
