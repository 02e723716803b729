package dev.seguito;

import dev.seguito.config.SeguitoConfig;
import dev.seguito.plugin.AdminInstall;
import dev.seguito.plugin.PluginDescriptorException;

import java.util.concurrent.CountDownLatch;

/**
 * Command line: {@code serve} runs the server (embedded PostgreSQL unless DATABASE_URL is set);
 * {@code help} lists the commands.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) throws InterruptedException {
        String command = args.length == 0 ? "serve" : args[0];
        switch (command) {
            case "serve" -> serve();
            case "install" -> install(args);
            case "help", "--help", "-h" -> help();
            default -> {
                System.err.println("Unknown command: " + command);
                help();
                System.exit(2);
            }
        }
    }

    private static void serve() throws InterruptedException {
        SeguitoConfig config = SeguitoConfig.load(System.getenv());
        SeguitoServer server = SeguitoServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "seguito-shutdown"));
        stopped.await();
    }

    private static void install(String[] args) {
        try {
            AdminInstall.run(SeguitoConfig.load(System.getenv()), AdminInstall.Options.parse(args), System.out);
        } catch (IllegalArgumentException | PluginDescriptorException e) {
            System.err.println(e.getMessage());
            System.exit(2);
        } catch (RuntimeException e) {
            System.err.println("Install failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static void help() {
        System.out.println("""
                Usage: java -jar seguito-server.jar <command>
                  serve     run the server (default). Environment: SEGUITO_HTTP_PORT (8080), SEGUITO_HOME (~/.seguito),
                            DATABASE_URL or PG* variables for an external PostgreSQL (else embedded PostgreSQL 17),
                            SEGUITO_TLS_CERT and SEGUITO_TLS_KEY (PEM files) to answer HTTPS (HTTP/2 and HTTP/1.1),
                            SEGUITO_TRUSTED_PROXIES (addresses of reverse proxies whose X-Forwarded-For is read)
                  install   --team NAME --admin-email EMAIL [--admin-name NAME] [--member "Name <email>"]...
                            check the plugin descriptor and CRM connection, set up the CRM, create the team and its
                            admin, print pairing codes. Safe to run again. Stop `serve` first when using the
                            embedded database (one process owns its data folder).
                  help      this text""");
    }
}
