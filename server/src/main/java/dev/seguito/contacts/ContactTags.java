package dev.seguito.contacts;

import dev.seguito.team.Member;
import dev.seguito.touch.FitScorer;
import dev.seguito.api.ApiError;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A person's tags, as the team writes them. Tags are compared by {@link FitScorer#key}, so retyping "Warm intro"
 * as "warm-intro" changes nothing; the spelling given last is the one shown.
 */
public final class ContactTags {

    /** At most this many tags per contact, of at most this many characters: labels, not notes. */
    public static final int MAX_TAGS = 30;
    public static final int MAX_LENGTH = 50;

    private ContactTags() {
    }

    /** A tag as it is kept and shown: trimmed, runs of white space made one space. */
    public static String spelling(String tag) {
        return tag.strip().replaceAll("\\s+", " ");
    }

    /** Replaces the contact's tags with these (null: leaves them); answers whether anything changed. */
    static Future<Boolean> replace(SqlConnection tx, Member member, UUID partyId, List<String> tags) {
        if (tags == null) {
            return Future.succeededFuture(false);
        }
        String[] keys = tags.stream().map(FitScorer::key).toArray(String[]::new);
        return tx.preparedQuery("""
                        with gone as (
                            delete from party_tag where party_id = $2 and tag_key <> all ($4::text[]) returning 1),
                        given as (
                            insert into party_tag (team_id, party_id, tag, tag_key, added_by)
                            select $1, $2, tag, tag_key, $5 from unnest($3::text[], $4::text[]) as t(tag, tag_key)
                            on conflict (party_id, tag_key) do update set tag = excluded.tag
                             where party_tag.tag is distinct from excluded.tag
                            returning 1)
                        select (select count(*) from gone) + (select count(*) from given) as changed""")
                .execute(Tuple.from(new Object[]{member.teamId(), partyId, tags.toArray(new String[0]), keys, member.id()}))
                .map(rows -> rows.iterator().next().getLong("changed") > 0);
    }

    /** Adds these tags to the contact's, never in place of them, as a file or a typed entry does. */
    public static Future<Void> add(SqlConnection tx, Member member, UUID partyId, List<String> tags) {
        if (tags.isEmpty()) {
            return Future.succeededFuture();
        }
        return tx.preparedQuery("""
                        insert into party_tag (team_id, party_id, tag, tag_key, added_by)
                        select $1, $2, tag, tag_key, $3 from unnest($4::text[], $5::text[]) as t(tag, tag_key)
                        on conflict do nothing""")
                .execute(Tuple.from(new Object[]{member.teamId(), partyId, member.id(), tags.toArray(new String[0]),
                        tags.stream().map(FitScorer::key).toArray(String[]::new)}))
                .mapEmpty();
    }

    /** The tags given, trimmed, in their given order, each once by {@link FitScorer#key}; null when not given. */
    public static List<String> given(JsonObject body) {
        if (!body.containsKey("tags")) {
            return null;
        }
        if (!(body.getValue("tags") instanceof JsonArray array)) {
            throw ApiError.badRequest("\"tags\" must be an array of strings ([] removes them all)");
        }
        Map<String, String> byKey = new LinkedHashMap<>();
        for (Object o : array) {
            if (!(o instanceof String s)) {
                throw ApiError.badRequest("\"tags\" must be an array of strings");
            }
            String tag = spelling(s);
            String key = FitScorer.key(tag);
            if (key.isEmpty()) {
                throw ApiError.badRequest("A tag needs a letter or a digit: \"" + s + "\"");
            }
            if (tag.length() > MAX_LENGTH) {
                throw ApiError.badRequest("A tag is at most " + MAX_LENGTH + " characters: \"" + tag + "\"");
            }
            byKey.putIfAbsent(key, tag);
        }
        if (byKey.size() > MAX_TAGS) {
            throw ApiError.badRequest("A contact has at most " + MAX_TAGS + " tags; " + byKey.size() + " given");
        }
        return List.copyOf(byKey.values());
    }
}
