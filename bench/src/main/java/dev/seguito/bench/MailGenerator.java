package dev.seguito.bench;

/**
 * Writes a Gmail conversation view and an RFC 822 message in the shapes the parsers read (the Gmail class names
 * {@code adn}, {@code gD}, {@code g2}, {@code g3}, {@code a3s}), for the parser microbenchmarks.
 */
public final class MailGenerator {

    private MailGenerator() {
    }

    public static String gmailThread(int messages) {
        StringBuilder html = new StringBuilder("<html><head><title>Proposal for Q3 - marco@seguito.test - Gmail</title></head><body>")
                .append("<div role=\"main\"><h2 class=\"hP\">Proposal for Q3</h2>");
        for (int i = 0; i < messages; i++) {
            boolean fromGiulia = i % 2 == 0;
            html.append("<div class=\"adn ads\" data-message-id=\"#msg-f:").append(1000 + i).append("\">")
                    .append("<h3 class=\"iw\"><span class=\"gD\" email=\"").append(fromGiulia ? "giulia.romano@fabbrica.example" : "marco@seguito.test")
                    .append("\" name=\"").append(fromGiulia ? "Giulia Romano" : "Marco Rossi").append("\">x</span></h3>")
                    .append("<span class=\"g2\" email=\"").append(fromGiulia ? "marco@seguito.test" : "giulia.romano@fabbrica.example")
                    .append("\" name=\"x\">x</span><span class=\"g3\" title=\"Tue, 3 Nov 2026, 10:").append(10 + i).append("\">Nov 3</span>")
                    .append("<div class=\"a3s aiL\"><div dir=\"ltr\">Thanks for the call today. Here is the proposal we discussed, ")
                    .append("with the volumes for the first quarter and the delivery schedule.<br><br>")
                    .append("<div class=\"gmail_signature\">--<br>").append(fromGiulia ? "Giulia Romano<br>Head of Procurement<br>Fabbrica Nord<br>+39 02 1234 5678"
                            : "Marco Rossi<br>Sales<br>Seguito").append("</div></div>")
                    .append("<div class=\"gmail_quote\"><blockquote>On Mon someone wrote: earlier text ").append("lorem ipsum ".repeat(40))
                    .append("</blockquote></div></div></div>");
        }
        return html.append("</div></body></html>").toString();
    }

    public static String eml() {
        return "From: Giulia Romano <giulia.romano@fabbrica.example>\r\n"
                + "To: Marco Rossi <marco@seguito.test>\r\n"
                + "Cc: Anna Bianchi <anna@fabbrica.example>\r\n"
                + "Subject: Re: Proposal for Q3\r\n"
                + "Date: Tue, 03 Nov 2026 10:15:00 +0100\r\n"
                + "Message-ID: <abc123@fabbrica.example>\r\n"
                + "In-Reply-To: <prev1@seguito.test>\r\n"
                + "MIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=UTF-8\r\n\r\n"
                + "Hi Marco,\r\n\r\nthanks for the call. The volumes look right; let's meet next week.\r\n\r\n"
                + "--\r\nGiulia Romano\r\nHead of Procurement | Fabbrica Nord\r\nT +39 02 1234 5678\r\nwww.fabbrica.example\r\n\r\n"
                + "On Mon, 2 Nov 2026 at 09:00, Marco Rossi <marco@seguito.test> wrote:\r\n> Dear Giulia,\r\n> here is the proposal.\r\n";
    }
}
