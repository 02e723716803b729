package dev.seguito.parse;

import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads title, company, website, phones and a LinkedIn profile link out of signature lines. Heuristic by nature, so every value carries a
 * modest confidence; a LinkedIn capture of the same person will outrank it.
 */
public final class SignatureFields {
    /** What a signature said about its author. Any field may be null. */
    public record Fields(String title, String company, String website, List<String> phones, String linkedinUrl) {
    }

    private static final Pattern TITLE_WORDS = Pattern.compile(
            "(?i)\\b(ceo|cto|cfo|coo|cmo|cio|vp|svp|evp|founder|co-founder|cofounder|director|manager|head of|head|"
                    + "lead|engineer|president|partner|consultant|officer|sales|marketing|executive|developer|"
                    + "designer|analyst|specialist|coordinator|owner|recruiter|architect|associate|assistant|"
                    + "advisor|adviser|chairman|principal|administrator|account|representative|researcher|scientist|"
                    + "professor|attorney|counsel|accountant|controller|strategist|producer|editor|teacher|"
                    + "chief|responsabile|responsable|direttore|directrice|geschäftsführer|leiter|leiterin|directeur|gérant|chargée?|chef|gerente|ingegnere|jefe|jefa)\\b");
    private static final Pattern COMPANY_SUFFIX = Pattern.compile(
            "(?i)\\b(inc|llc|ltd|limited|gmbh|ag|s\\.?r\\.?l|s\\.?p\\.?a|s\\.?a|b\\.?v|ab|oy|as|corp|corporation|"
                    + "company|co|group|plc|pty|sarl|sas|kg|labs|technologies|solutions|consulting|partners)\\.?$");
    private static final Pattern URL = Pattern.compile(
            "(?i)\\b((?:https?://)?(?:www\\.)?[a-z0-9][a-z0-9-]{0,62}(?:\\.[a-z0-9-]{1,62})*\\.[a-z]{2,24}(?:/[^\\s<>()]*)?)");
    private static final Pattern EMAIL = Pattern.compile("[\\w.%+-]+@[\\w.-]+\\.[a-z]{2,}", Pattern.CASE_INSENSITIVE);
    private static final Pattern PHONEISH = Pattern.compile("\\+?\\d[\\d ().\\-/]{6,}\\d");
    private static final Pattern LABEL = Pattern.compile(
            "(?i)^\\s*(t|m|p|tel|phone|mobile|mob|cell|office|direct|w|web|website|e|email|mail|a|address)\\s*[.:]\\s*");
    private static final Pattern LEADING_BULLET = Pattern.compile("^[-–—_*#~\\s]+");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s,|–—-]+");
    private static final Pattern CLOSING = Pattern.compile("(?i)^(best|kind|warm|regards|thanks|thank you|cheers|sincerely).*");
    private static final Pattern TITLE_SEPARATOR = Pattern.compile("\\s*(?:\\||•|·| at | @ | - | – | — |, )\\s*");
    private static final Pattern DIGIT_RUN = Pattern.compile(".*\\d{3,}.*");
    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.,;:]+$");
    private static final Pattern BARE_DOMAIN = Pattern.compile("^[a-z0-9.-]+\\.[a-z]{2,}(/.*)?$");
    private static final Pattern FILE_NAME = Pattern.compile(".*\\.(png|jpg|gif|pdf|docx?)$");
    private static final Pattern LEADING_DIGIT = Pattern.compile("^\\d.*");
    private static final Pattern SOCIAL = Pattern.compile(
            "(?i)(linkedin\\.com|twitter\\.com|x\\.com|facebook\\.com|instagram\\.com|calendly\\.com|zoom\\.us|"
                    + "github\\.com|youtube\\.com|t\\.co|bit\\.ly|google\\.com|apple\\.com|microsoft\\.com|"
                    + "outlook\\.com|aka\\.ms|sparrowmailapp\\.com|gmail\\.com)");

    private SignatureFields() {
    }

    public static Fields read(List<String> sigLines, String senderName, EmailAddress sender) {
        String title = null;
        String company = null;
        String website = null;
        String linkedinUrl = null;
        String nameLower = senderName == null ? "" : senderName.toLowerCase(Locale.ROOT);
        StringBuilder phoneText = new StringBuilder();
        for (String raw : sigLines) {
            String line = LEADING_BULLET.matcher(raw).replaceFirst("").strip();
            if (line.isEmpty() || line.length() > 120) continue;
            String lower = line.toLowerCase(Locale.ROOT);
            if (PHONEISH.matcher(line).find()) phoneText.append(line).append('\n');
            if (website == null) website = website(line, sender);
            // a profile link in a signature is the strongest identity key an email can carry
            if (linkedinUrl == null) linkedinUrl = LinkedInUrls.canonical(line);
            if (EMAIL.matcher(line).find() || PHONEISH.matcher(line).find() && !TITLE_WORDS.matcher(line).find()) continue;
            if (lower.startsWith("http") || lower.startsWith("www.")) continue;
            if (!nameLower.isEmpty() && lower.startsWith(nameLower)) {
                line = LEADING_SEPARATOR.matcher(line.substring(nameLower.length())).replaceFirst("");
                if (line.isEmpty()) continue;
            }
            if (CLOSING.matcher(line).matches()) continue;
            if (title == null && TITLE_WORDS.matcher(line).find() && line.length() <= 90) {
                String[] parts = TITLE_SEPARATOR.split(line, 2);
                title = Texts.field(parts[0]);
                if (parts.length > 1 && company == null && !TITLE_WORDS.matcher(parts[1]).find()) {
                    company = Texts.field(parts[1]);
                } else if (parts.length > 1 && company == null && COMPANY_SUFFIX.matcher(parts[1].strip()).find()) {
                    company = Texts.field(parts[1]);
                }
                continue;
            }
            if (company == null && title != null && !LABEL.matcher(line).find() && line.length() <= 60
                    && !DIGIT_RUN.matcher(line).matches()) {
                company = Texts.field(line);
                continue;
            }
            if (company == null && COMPANY_SUFFIX.matcher(line).find() && line.length() <= 60) company = Texts.field(line);
        }
        String region = PhoneNormalizer.regionForDomain(website);
        if (region == null && sender != null) region = PhoneNormalizer.regionForDomain(sender.domain());
        if (region == null) region = PhoneNormalizer.regionForLegalForm(company);
        List<String> phones = PhoneNormalizer.findAll(phoneText.toString(), region == null ? "US" : region);
        return new Fields(title, company, website, phones, linkedinUrl);
    }

    private static String website(String line, EmailAddress sender) {
        String stripped = EMAIL.matcher(line).replaceAll(" ");
        Matcher m = URL.matcher(stripped);
        while (m.find()) {
            String u = TRAILING_PUNCTUATION.matcher(m.group(1)).replaceAll("");
            String lower = u.toLowerCase(Locale.ROOT);
            if (SOCIAL.matcher(lower).find()) continue;
            if (!lower.contains("www.") && !lower.startsWith("http") && !BARE_DOMAIN.matcher(lower).matches()) continue;
            // a bare "example.com" counts only if it looks like a domain and not like a file or a sentence end
            if (FILE_NAME.matcher(lower).matches()) continue;
            if (LEADING_DIGIT.matcher(lower).matches()) continue;
            return lower.startsWith("http") ? u : "https://" + u;
        }
        if (sender != null && line.toLowerCase(Locale.ROOT).contains(sender.domain()) && !sender.domain().isEmpty()) {
            return "https://" + sender.domain();
        }
        return null;
    }
}
