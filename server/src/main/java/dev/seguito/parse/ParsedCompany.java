package dev.seguito.parse;

/**
 * A company as its LinkedIn page presents it: what the fit score needs of an employer (industry, size band) and the
 * keys to find it again (its page's slug, its name). Any field but the name may be null.
 *
 * @param sizeBand LinkedIn's band in its canonical form ({@code "51-200"}, {@code "10001+"}), whatever the page's
 *                 language wrote ("51–200 dipendenti", "1.001-5.000 Beschäftigte")
 */
public record ParsedCompany(String name, String linkedinSlug, String industry, String sizeBand) {
}
