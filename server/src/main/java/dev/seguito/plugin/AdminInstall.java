package dev.seguito.plugin;

import dev.seguito.SeguitoServer;
import dev.seguito.config.SeguitoConfig;
import dev.seguito.sync.Connectors;
import dev.seguito.sync.CrmConnector;
import dev.seguito.team.TeamService;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code seguito install}: what a CRM admin runs once (and may run again safely). Checks the descriptor and the CRM
 * connection, creates what the CRM needs, creates the team and its admin, and prints pairing codes for the members.
 */
public final class AdminInstall {

    private static final Pattern MEMBER = Pattern.compile("^\\s*(.+?)\\s*<\\s*([^>\\s]+@[^>\\s]+)\\s*>\\s*$");

    private AdminInstall() {
    }

    /** Parsed command line. */
    public record Options(String team, String adminName, String adminEmail, List<String[]> members) {

        public static Options parse(String[] args) {
            String team = null;
            String adminName = null;
            String adminEmail = null;
            List<String[]> members = new ArrayList<>();
            for (int i = 1; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "--team" -> team = value;
                    case "--admin-name" -> adminName = value;
                    case "--admin-email" -> adminEmail = value;
                    case "--member" -> {
                        Matcher m = MEMBER.matcher(value == null ? "" : value);
                        if (!m.matches()) {
                            throw new IllegalArgumentException("--member takes \"Name <email>\", got: " + value);
                        }
                        members.add(new String[]{m.group(1), m.group(2)});
                    }
                    default -> throw new IllegalArgumentException("Unknown option " + args[i]);
                }
                i++;
            }
            if (team == null || adminEmail == null || !adminEmail.contains("@")) {
                throw new IllegalArgumentException("install needs --team NAME and --admin-email EMAIL (and optionally "
                        + "--admin-name NAME, --member \"Name <email>\" …)");
            }
            return new Options(team, adminName == null ? adminEmail : adminName, adminEmail, members);
        }
    }

    public static void run(SeguitoConfig config, Options options, PrintStream out) {
        PluginDescriptor descriptor = PluginDescriptors.locate(System.getenv());
        out.println("1. Plugin descriptor " + descriptor.id() + " " + descriptor.version() + ": valid ("
                + descriptor.calls().size() + " CRM services called, " + descriptor.entities().size() + " entities).");
        try (SeguitoServer server = SeguitoServer.start(config.withHttpPort(0), false)) {
            out.println("2. Database: reachable, schema current.");
            CrmConnector connector = Connectors.fromConfig(server.vertx(), config);
            connector.checkConnection().await();
            out.println("3. CRM connector \"" + connector.name() + "\": connection checked.");
            connector.install().await();
            out.println("4. CRM set-up: data sources " + descriptor.dataSources().stream().map(PluginDescriptor.Seed::id).toList()
                    + " and communication event types present" + ("embedded".equals(connector.name())
                    ? " (embedded store: nothing to create)." : "."));
            TeamService teams = server.services().teams();
            TeamService.NewMember admin = teams.ensureTeam(options.team(), options.adminName(), options.adminEmail()).await();
            out.println("5. Team \"" + options.team() + "\" ready. Pairing codes (single use, valid "
                    + config.pairingCodeTtl().toHours() + " h) — enter them in the extension's options:");
            out.println("     " + admin.pairingCode() + "  " + admin.member().name() + " <" + admin.member().email() + "> (admin)");
            for (String[] member : options.members()) {
                TeamService.NewMember m = teams.ensureMember(admin.member().teamId(), member[0], member[1], "member").await();
                out.println("     " + m.pairingCode() + "  " + m.member().name() + " <" + m.member().email() + ">");
            }
        }
    }
}
