package dev.seguito.bench.jmh;

import dev.seguito.bench.LinkedInPageGenerator;
import dev.seguito.bench.MailGenerator;
import dev.seguito.parse.CaptureParsers;
import dev.seguito.parse.CaptureRejectedException;
import dev.seguito.parse.CaptureSource;
import dev.seguito.parse.ParsedCapture;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * The capture parsers on realistic inputs, each next to its baseline in the same run: {@code Jsoup.parse} alone on
 * the same document for the LinkedIn and Gmail parsers (the part no parser can avoid), and a bare Jakarta Mail
 * {@code MimeMessage} parse for the EML parser. The ratio parser/baseline is what our own logic costs.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class ParserBenchmarks {

    private LinkedInPageGenerator.Page linkedin;
    private String gmail;
    private String eml;

    @Setup
    public void setUp() {
        linkedin = new LinkedInPageGenerator(1).page(1, 400 * 1024);
        gmail = MailGenerator.gmailThread(8);
        eml = MailGenerator.eml();
    }

    @Benchmark
    public Document linkedinBaselineJsoupParse() {
        return Jsoup.parse(linkedin.html(), linkedin.url());
    }

    @Benchmark
    public ParsedCapture linkedinProfileParser() throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.LINKEDIN_PROFILE, linkedin.html(), linkedin.url());
    }

    @Benchmark
    public Document gmailBaselineJsoupParse() {
        return Jsoup.parse(gmail);
    }

    @Benchmark
    public ParsedCapture gmailThreadParser() throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.GMAIL_THREAD, gmail, null);
    }

    @Benchmark
    public Object emlBaselineMimeMessage() throws Exception {
        MimeMessage m = new MimeMessage(Session.getInstance(new Properties()),
                new ByteArrayInputStream(eml.getBytes(StandardCharsets.UTF_8)));
        return m.getContent();
    }

    @Benchmark
    public ParsedCapture emlParser() throws CaptureRejectedException {
        return CaptureParsers.parse(CaptureSource.EML, eml, null);
    }
}
