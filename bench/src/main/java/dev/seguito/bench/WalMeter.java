package dev.seguito.bench;

import java.sql.SQLException;

/**
 * The write-ahead log PostgreSQL wrote during a run ({@code pg_stat_wal}): records, full-page images and bytes. A
 * full-page image is the whole 8 KB page, logged the first time a page changes after a checkpoint; inserts that land
 * on many different pages (random keys in large indexes) write many of them, which costs CPU as well as I/O.
 */
final class WalMeter {

    private final long records;
    private final long fullPageImages;
    private final long bytes;

    private WalMeter(long records, long fullPageImages, long bytes) {
        this.records = records;
        this.fullPageImages = fullPageImages;
        this.bytes = bytes;
    }

    static WalMeter now(BenchDatabase db) {
        try (var c = db.jdbc(); var rs = c.createStatement().executeQuery(
                "select wal_records, wal_fpi, wal_bytes from pg_stat_wal")) {
            rs.next();
            return new WalMeter(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Per unit of work since {@code start}, as a sentence for the report. */
    String perUnitSince(WalMeter start, long units, String unit) {
        return String.format("WAL per %s: %.0f records, %.1f full-page images, %.0f KB", unit,
                (records - start.records) / (double) units, (fullPageImages - start.fullPageImages) / (double) units,
                (bytes - start.bytes) / 1024.0 / units);
    }
}
