package dev.seguito.capture;

import dev.seguito.api.ApiError;
import dev.seguito.api.CpuWork;
import dev.seguito.contacts.CompanyCards;
import dev.seguito.contacts.CompanyPages;
import dev.seguito.contacts.ContactQueries;
import dev.seguito.db.PgErrors;
import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.ParsedCapture;
import dev.seguito.team.Member;
import dev.seguito.team.TeamEvents;
import io.vertx.core.Future;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlConnection;
import io.vertx.sqlclient.Tuple;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/**
 * Receives captures. Reading and hashing the body ({@link ReceivedCapture}) and parsing the page run on worker threads
 * (a 600 KB page must not stall the event loop), and so does compressing it when it did not arrive compressed, at the
 * same time as the parse. Storing the raw capture, merging people, recording messages and writing the outbox happen
 * in one transaction, whose answer is kept so that a retry with the same idempotency key gets the same answer and
 * changes nothing.
 */
public final class CaptureService {

    private static final Logger LOG = LoggerFactory.getLogger(CaptureService.class);
    private static final int ATTEMPTS = 3;

    private final CpuWork cpu;
    private final Pool pool;
    private final CaptureProcessor processor;

    public CaptureService(CpuWork cpu, Pool pool, CaptureProcessor processor) {
        this.cpu = cpu;
        this.pool = pool;
        this.processor = processor;
    }

    /** Stores a capture once: a retry with the same idempotency key answers what the first one stored. */
    Future<Answer> capture(Member member, ReceivedCapture received) {
        CaptureRequest request = received.request();
        byte[] hash = received.payloadHash();
        return previous(member, request.idempotencyKey(), hash).compose(previous -> {
            if (previous != null) {
                return Future.succeededFuture(previous);
            }
            // parsing and compressing the same page do not depend on each other: two worker threads at once
            Future<RawPages.Stored> raw = received.kept() != null ? Future.succeededFuture(received.kept())
                    : gzip(received.utf8());
            return parse(request).compose(parsed -> raw.compose(page -> store(member, request, hash, page, parsed, 1)))
                    .recover(e -> e instanceof UnexpectedParseFailure failure
                            ? keepUnparsed(member, request, hash, raw, failure)
                            : Future.failedFuture(e));
        });
    }

    /** The stored answer for a retried key; a reused key with other content is refused. */
    private Future<Answer> previous(Member member, String key, byte[] hash) {
        return pool.preparedQuery("""
                        select payload_hash, response, parse_status, parse_error from capture
                        where team_id = $1 and idempotency_key = $2""")
                .execute(Tuple.of(member.teamId(), key))
                .map(rows -> {
                    if (rows.size() == 0) {
                        return null;
                    }
                    Row row = rows.iterator().next();
                    if (!Arrays.equals(row.getBuffer("payload_hash").getBytes(), hash)) {
                        throw ApiError.conflict("This idempotencyKey was already used for a different capture");
                    }
                    if ("erased".equals(row.getString("parse_status"))) {
                        // the contact of this capture was deleted (privacy): a late retry must not bring it back
                        throw new ApiError(410, "gone", "This capture was deleted together with its contact.");
                    }
                    if ("failed".equals(row.getString("parse_status"))) {
                        throw new ApiError(422, "unparseable", row.getString("parse_error"));
                    }
                    Object response = row.getValue("response");
                    if (response == null) {
                        throw ApiError.conflict("This capture is still being processed; retry in a moment");
                    }
                    return new Answer(200, (JsonObject) response);
                });
    }

    private Future<ParsedCapture> parse(CaptureRequest request) {
        return cpu.run(() -> {
            try {
                return CaptureParsers.parse(request.source(), request.content(), request.pageUrl());
            } catch (CaptureRejectedException e) {
                throw new ApiError(422, e.code(), e.getMessage());
            } catch (RuntimeException | StackOverflowError e) {
                throw new UnexpectedParseFailure(e);
            }
        });
    }

    /** The raw page as it is kept, compressed on a worker thread. */
    private Future<RawPages.Stored> gzip(byte[] utf8) {
        return cpu.run(() -> new RawPages.Stored(RawPages.gzip(utf8), RawPages.PAGE));
    }

    private Future<Answer> store(Member member, CaptureRequest request, byte[] hash, RawPages.Stored raw,
                                 ParsedCapture parsed, int attempt) {
        UUID captureId = UUID.randomUUID();
        return pool.withTransaction(tx -> insertCapture(tx, member, request, hash, raw, captureId, "parsed", null)
                        .compose(inserted -> {
                            if (!inserted) {
                                // a concurrent request with the same key won the race: answer what it stored
                                return Future.failedFuture(new DuplicateInFlight());
                            }
                            return processor.apply(tx, member, captureId, parsed, request.capturedAt(), request.ownEmails())
                                    .compose(outcome -> answer(tx, member, captureId, parsed, outcome));
                        })
                        .compose(answer -> tx.preparedQuery("update capture set response = $2, primary_party_id = $3 where id = $1")
                                .execute(Tuple.of(captureId, answer.body(),
                                        answer.body().getJsonObject("contact") == null ? null
                                                : UUID.fromString(answer.body().getJsonObject("contact").getString("id"))))
                                .map(answer)))
                .recover(e -> {
                    if (e instanceof DuplicateInFlight) {
                        return previous(member, request.idempotencyKey(), hash);
                    }
                    if ((PgErrors.isUniqueViolation(e) || PgErrors.isRetryable(e)) && attempt < ATTEMPTS) {
                        // two colleagues created the same person at the same instant: the next attempt finds it
                        return store(member, request, hash, raw, parsed, attempt + 1);
                    }
                    return Future.failedFuture(e);
                });
    }

    private Future<Answer> answer(SqlConnection tx, Member member, UUID captureId, ParsedCapture parsed,
                                  CaptureProcessor.Outcome outcome) {
        if (outcome.company() != null) {
            return companyAnswer(tx, member, captureId, parsed, outcome);
        }
        // the cards and the notifications depend on nothing but the outcome: sent together, answered in order
        List<Future<Optional<JsonObject>>> built = new ArrayList<>();
        List<Future<?>> all = new ArrayList<>();
        for (CaptureProcessor.PersonResult person : outcome.people()) {
            Future<Optional<JsonObject>> card = ContactQueries.card(tx, member.teamId(), person.partyId());
            built.add(card);
            all.add(card);
        }
        for (UUID affected : outcome.affected()) {
            all.add(TeamEvents.publish(tx, member.teamId(), affected, "captured", member.name()));
        }
        return Future.all(all).map(v -> {
            JsonArray cards = new JsonArray();
            for (int i = 0; i < built.size(); i++) {
                String matchStatus = outcome.people().get(i).status().wire();
                built.get(i).result().ifPresent(c -> cards.add(c.put("matchStatus", matchStatus)));
            }
            JsonObject primary = null;
            String status = "matched";
            for (int i = 0; i < cards.size(); i++) {
                JsonObject card = cards.getJsonObject(i);
                if (card.getString("id").equals(String.valueOf(outcome.primary()))) {
                    primary = card;
                    status = card.getString("matchStatus");
                }
            }
            JsonObject body = new JsonObject().put("captureId", captureId.toString()).put("status", status)
                    .put("contact", primary).put("contacts", cards)
                    .put("warnings", new JsonArray(parsed.warnings()));
            return new Answer(201, body);
        });
    }

    /** A company page's answer: the company's card, and which facts the page changed or left as a member set them. */
    private Future<Answer> companyAnswer(SqlConnection tx, Member member, UUID captureId, ParsedCapture parsed,
                                         CaptureProcessor.Outcome outcome) {
        CompanyPages.Applied applied = outcome.company();
        List<Future<?>> all = new ArrayList<>();
        Future<Optional<JsonObject>> card = CompanyCards.byId(tx, member.teamId(), applied.companyId());
        all.add(card);
        for (UUID employee : outcome.affected()) {
            all.add(TeamEvents.publish(tx, member.teamId(), employee, "updated", member.name()));
        }
        return Future.all(all).map(v -> new Answer(201, new JsonObject().put("captureId", captureId.toString())
                .put("status", "company").putNull("contact").put("contacts", new JsonArray())
                .put("company", card.result().orElseThrow())
                .put("changed", new JsonArray(applied.changed())).put("keptByHand", new JsonArray(applied.keptByHand()))
                .put("warnings", new JsonArray(parsed.warnings()))));
    }

    /**
     * Runs the current parser again on a stored raw capture and merges the result, as the member who captured it.
     * Merging is idempotent (identity keys, message ids), so re-parsing never duplicates anyone or anything.
     */
    public Future<JsonObject> reparse(Member admin, UUID captureId) {
        admin.requireAdmin("Re-parsing is for team admins");
        return pool.preparedQuery("""
                        select c.source, c.page_url, c.raw, c.raw_format, c.captured_at, m.id as member_id, m.name,
                               m.email, m.role
                          from capture c join team_member m on m.id = c.member_id
                         where c.id = $1 and c.team_id = $2""")
                .execute(Tuple.of(captureId, admin.teamId()))
                .compose(rows -> {
                    if (rows.size() == 0) {
                        return Future.failedFuture(ApiError.notFound("No such capture in your team"));
                    }
                    Row r = rows.iterator().next();
                    if (r.getValue("raw") == null) {
                        return Future.failedFuture(new ApiError(410, "purged",
                                "The raw page of this capture was purged after the retention period"));
                    }
                    Member capturer = new Member(r.getUUID("member_id"), admin.teamId(), admin.teamName(),
                            r.getString("name"), r.getString("email"), r.getString("role"), null);
                    Buffer raw = r.getBuffer("raw");
                    // inflating a 400 KB page is worker-thread work, like the parsing it feeds
                    return cpu.run(() -> new CaptureRequest(CaptureSource.fromWire(r.getString("source")),
                                    r.getString("page_url"), RawPages.content(raw, r.getString("raw_format")),
                                    r.getOffsetDateTime("captured_at").toInstant(),
                                    "reparse", List.<String>of()))
                            .compose(request -> reparseAs(capturer, captureId, request));
                });
    }

    /** Parses the stored page again and merges the result as the member who captured it. */
    private Future<JsonObject> reparseAs(Member capturer, UUID captureId, CaptureRequest request) {
        return parse(request)
                .recover(e -> e instanceof UnexpectedParseFailure
                        ? Future.failedFuture(new ApiError(422, "unparseable", "The parser still cannot read this capture"))
                        : Future.failedFuture(e))
                .compose(parsed -> pool.withTransaction(tx -> processor.apply(tx, capturer, captureId, parsed,
                                request.capturedAt(), request.ownEmails())
                        .compose(outcome -> answer(tx, capturer, captureId, parsed, outcome))
                        .compose(answer -> tx.preparedQuery("""
                                        update capture set response = $2, parse_status = 'parsed', parse_error = null,
                                               reparsed_at = now() where id = $1""")
                                .execute(Tuple.of(captureId, answer.body())).map(answer.body()))));
    }

    /** Re-parses every capture of the team received since {@code since} that still has its raw page (at most 10,000). */
    public Future<JsonObject> reparseSince(Member admin, Instant since) {
        admin.requireAdmin("Re-parsing is for team admins");
        return pool.preparedQuery("""
                        select id from capture where team_id = $1 and received_at >= $2 and raw is not null
                         order by received_at limit 10000""")
                .execute(Tuple.of(admin.teamId(), OffsetDateTime.ofInstant(since, ZoneOffset.UTC)))
                .compose(rows -> {
                    List<UUID> ids = new ArrayList<>();
                    rows.forEach(r -> ids.add(r.getUUID(0)));
                    int[] counts = new int[2];
                    Future<Void> chain = Future.succeededFuture();
                    for (UUID id : ids) {
                        chain = chain.compose(v -> reparse(admin, id)
                                .map(x -> ++counts[0]).recover(e -> Future.succeededFuture(++counts[1])).mapEmpty());
                    }
                    return chain.map(v -> new JsonObject().put("reparsed", counts[0]).put("failed", counts[1]));
                });
    }

    /** A parser bug must not lose what the user sent: keep the raw capture for a re-parse and say so. */
    private Future<Answer> keepUnparsed(Member member, CaptureRequest request, byte[] hash, Future<RawPages.Stored> page,
                                        UnexpectedParseFailure failure) {
        LOG.error("Parser failed on a {} capture; raw capture kept for re-parse", request.source().wire(), failure.getCause());
        String message = "We could not read this page. It has been kept, and will be read again when the parser improves.";
        return page.compose(raw -> pool.withTransaction(tx -> insertCapture(tx, member, request, hash, raw,
                        UUID.randomUUID(), "failed", message)))
                .compose(v -> Future.failedFuture(new ApiError(422, "unparseable", message)));
    }

    private static Future<Boolean> insertCapture(SqlConnection tx, Member member, CaptureRequest request, byte[] hash,
                                                 RawPages.Stored raw, UUID captureId, String status, String error) {
        return tx.preparedQuery("""
                        insert into capture (id, team_id, member_id, source, page_url, idempotency_key, payload_hash, raw,
                                             raw_format, captured_at, parse_status, parse_error)
                        values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
                        on conflict (team_id, idempotency_key) do nothing""")
                .execute(Tuple.from(new Object[]{captureId, member.teamId(), member.id(), request.source().wire(),
                        request.pageUrl(), request.idempotencyKey(), Buffer.buffer(hash), raw.bytes(), raw.format(),
                        OffsetDateTime.ofInstant(request.capturedAt(), ZoneOffset.UTC), status, error}))
                .map(rows -> rows.rowCount() == 1);
    }

    /** The HTTP status and body to answer. */
    public record Answer(int status, JsonObject body) {
    }

    private static final class UnexpectedParseFailure extends RuntimeException {
        UnexpectedParseFailure(Throwable cause) {
            super(cause);
        }
    }

    private static final class DuplicateInFlight extends RuntimeException {
        DuplicateInFlight() {
            super(null, null, false, false);
        }
    }
}
