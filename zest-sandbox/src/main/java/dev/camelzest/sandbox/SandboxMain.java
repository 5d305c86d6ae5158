package dev.camelzest.sandbox;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code java -jar zest-sandbox.jar [options]}: runs the sandbox until stopped. Without a partner
 * (none in the state file, no --public-key) it generates an Ed25519 key pair, registers it, writes the
 * private key to a file and prints where, so that a client can call the sandbox at once.
 */
public final class SandboxMain {

    private static final String USAGE = """
            Usage: java -jar zest-sandbox.jar [options]
              --port <n>                  loopback port (default 8080; 0 picks a free one)
              --audience <url>            exact JWT aud the token endpoint accepts (default: the base URL)
              --token-ttl <seconds>       access-token lifetime (default 3600)
              --max-investors-per-call <n> rows one POST /v1/investors accepts (default 1000)
              --max-concurrent-calls <n>  partner calls served at once, 429 above (default 0: no limit)
              --webhook-url <url>         where webhooks are delivered
              --webhook-secret <whsec_..> the webhook signing secret
              --webhook-time-scale <x>    multiplies the webhook retry delays (default 1)
              --state-file <path>         keep the state in this file across restarts
              --auto-approve-after <s>    demo: approve every new SPV request after s seconds
              --auto-complete-after <s>   demo: complete every funded subscription after s seconds
              --client-id <id>            client id of the partner to register (default sandbox-partner)
              --public-key <path>         register the partner with this Ed25519 public key (PEM)
              --key-file <path>           where a generated private key is written (default zest-sandbox-partner.pem)
            """;
    private static final Set<String> OPTIONS = Set.of("port", "audience", "token-ttl", "max-investors-per-call",
            "webhook-url", "webhook-secret", "webhook-time-scale", "state-file", "client-id", "public-key",
            "auto-approve-after", "auto-complete-after",
            "key-file", "max-concurrent-calls");

    private SandboxMain() {
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "dev/camelzest/sandbox/sandbox-logback.xml");
        }
        Map<String, String> options;
        try {
            options = parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        if (options.containsKey("help")) {
            System.out.print(USAGE);
            return;
        }
        try {
            run(options, System.out);
        } catch (RuntimeException | IOException e) {
            System.err.println("The sandbox could not start: " + e.getMessage());
            System.exit(1);
        }
    }

    static ZestSandbox run(Map<String, String> options, PrintStream out) throws IOException {
        ZestSandbox.Builder builder = ZestSandbox.builder()
                .port(Integer.parseInt(options.getOrDefault("port", "8080")))
                .tokenTtl(Duration.ofSeconds(Long.parseLong(options.getOrDefault("token-ttl", "3600"))))
                .maxInvestorsPerCall(Integer.parseInt(options.getOrDefault("max-investors-per-call", "1000")))
                .maxConcurrentCalls(Integer.parseInt(options.getOrDefault("max-concurrent-calls", "0")))
                .webhookTimeScale(Double.parseDouble(options.getOrDefault("webhook-time-scale", "1")));
        if (options.containsKey("audience")) {
            builder.audience(options.get("audience"));
        }
        if (options.containsKey("webhook-url")) {
            builder.webhookUrl(options.get("webhook-url"));
        }
        if (options.containsKey("webhook-secret")) {
            builder.webhookSecret(options.get("webhook-secret"));
        }
        if (options.containsKey("auto-approve-after")) {
            builder.autoApproveAfter(seconds(options.get("auto-approve-after")));
        }
        if (options.containsKey("auto-complete-after")) {
            builder.autoCompleteAfter(seconds(options.get("auto-complete-after")));
        }
        if (options.containsKey("state-file")) {
            builder.stateFile(Path.of(options.get("state-file")));
        }
        ZestSandbox sandbox = builder.build().start();
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close, "zest-sandbox-shutdown"));

        String clientId = options.getOrDefault("client-id", "sandbox-partner");
        out.println("Zest sandbox running");
        out.println("  base URL:    " + sandbox.baseUrl());
        out.println("  audience:    " + sandbox.audience());
        if (options.containsKey("public-key")) {
            String publicKeyPem = Files.readString(Path.of(options.get("public-key")), StandardCharsets.US_ASCII);
            sandbox.registerPartner(clientId, publicKeyPem);
            out.println("  client id:   " + clientId + " (public key " + options.get("public-key") + ")");
        } else if (sandbox.context().state().partners().size() == 0) {
            Path keyFile = Path.of(options.getOrDefault("key-file", "zest-sandbox-partner.pem")).toAbsolutePath();
            PartnerCredentials partner = PartnerCredentials.generate(clientId);
            OwnerOnlyFiles.writeSecret(keyFile, partner.privateKeyPem());
            sandbox.registerPartner(partner.clientId(), partner.publicKeyPem());
            out.println("  client id:   " + partner.clientId());
            out.println("  private key: " + keyFile + " (Ed25519, PKCS#8 PEM)");
        } else {
            sandbox.context().state().partners().values()
                    .forEach(p -> out.println("  client id:   " + p.clientId() + " (from the state file)"));
        }
        out.println("  admin API:   " + sandbox.baseUrl() + "/sandbox/ ; docs: " + sandbox.baseUrl() + "/docs");
        return sandbox;
    }

    static Map<String, String> parse(String[] args) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                options.put("help", "");
                continue;
            }
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("Unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            String value;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            } else if (i + 1 < args.length) {
                value = args[++i];
            } else {
                throw new IllegalArgumentException("Option --" + name + " needs a value.");
            }
            if (!OPTIONS.contains(name)) {
                throw new IllegalArgumentException("Unknown option --" + name + ".");
            }
            options.put(name, value);
        }
        return options;
    }

    private static Duration seconds(String text) {
        return Duration.ofMillis(Math.round(Double.parseDouble(text) * 1000));
    }
}
