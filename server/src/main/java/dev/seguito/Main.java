package dev.seguito;

import dev.seguito.config.SeguitoConfig;

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

    private static void help() {
        System.out.println("""
                Usage: java -jar seguito-server.jar <command>
                  serve     run the server (default). Environment: SEGUITO_HTTP_PORT (8080), SEGUITO_HOME (~/.seguito),
                            DATABASE_URL or PG* variables for an external PostgreSQL (else embedded PostgreSQL 17)
                  help      this text""");
    }
}
