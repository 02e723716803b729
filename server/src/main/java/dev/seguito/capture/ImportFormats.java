package dev.seguito.capture;

import dev.seguito.parse.LinkedInUrls;
import dev.seguito.parse.ParsedPerson;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Reads bulk-import files into people, one row at a time so that a bad row is reported and the rest still load. */
public final class ImportFormats {

    private static final DateTimeFormatter CONNECTED_ON = DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
    private static final int MAX_FIELD = 300;

    private ImportFormats() {
    }

    /**
     * LinkedIn's "Connections.csv" (Settings → Data privacy → Get a copy of your data): a few lines of notes, then
     * the header {@code First Name,Last Name,URL,Email Address,Company,Position,Connected On}.
     */
    public static Rows linkedinConnections(String csv) {
        List<Row> rows = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        int header = csv.indexOf("First Name");
        if (header < 0) {
            errors.add("No header line starting with \"First Name\": is this LinkedIn's Connections.csv?");
            return new Rows(rows, errors);
        }
        int headerLine = (int) csv.substring(0, header).chars().filter(c -> c == '\n').count() + 1;
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setIgnoreEmptyLines(true)
                .setTrim(true).get();
        try (CSVParser parser = CSVParser.parse(new StringReader(csv.substring(header)), format)) {
            for (CSVRecord record : parser) {
                int line = headerLine + (int) record.getRecordNumber();
                try {
                    rows.add(connection(record.toMap(), line));
                } catch (IllegalArgumentException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | RuntimeException e) {
            errors.add("The file could not be read as CSV: " + e.getMessage());
        }
        return new Rows(rows, errors);
    }

    private static Row connection(Map<String, String> r, int line) {
        String first = field(r.get("First Name"));
        String last = field(r.get("Last Name"));
        String url = LinkedInUrls.canonical(r.get("URL"));
        String email = field(r.get("Email Address"));
        if (first == null && last == null) {
            throw new IllegalArgumentException("no name");
        }
        String full = first == null ? last : last == null ? first : first + " " + last;
        Instant connectedOn = null;
        String date = field(r.get("Connected On"));
        if (date != null) {
            try {
                connectedOn = LocalDate.parse(date, CONNECTED_ON).atTime(12, 0).toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("\"Connected On\" is not a date like 24 Nov 2026: " + date);
            }
        }
        List<String> emails = email != null && email.contains("@") ? List.of(email.toLowerCase(Locale.ROOT)) : List.of();
        ParsedPerson person = new ParsedPerson(full, first, last, null, field(r.get("Position")), field(r.get("Company")),
                null, url, LinkedInUrls.slug(url), 1, null, null, emails, List.of(), null, false, Map.of());
        return new Row(line, person, connectedOn, List.of());
    }

    private static String field(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        return v.length() > MAX_FIELD ? v.substring(0, MAX_FIELD) : v;
    }

    /** One person from the file, with the line it came from and when the member connected with them. */
    /** @param tags the person's tags the file gives (a vCard's CATEGORIES), added to those the team gave them */
    public record Row(int line, ParsedPerson person, Instant connectedOn, List<String> tags) {
        public Row {
            tags = tags == null ? List.of() : List.copyOf(tags);
        }
    }

    /** The people read and the rows that could not be. */
    public record Rows(List<Row> rows, List<String> errors) {
    }
}
