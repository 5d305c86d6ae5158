package dev.camelzest.springboot;

import dev.camelzest.sandbox.junit.ZestSandboxExtension;
import org.springframework.test.context.DynamicPropertyRegistry;

/** The sandbox's address and the partner's credentials as the properties application.yml reads. */
final class SandboxProperties {

    static final String WEBHOOK_SECRET = "whsec_c3RhcnRlci10ZXN0LXNlY3JldC0wMTIzNDU2Nzg5";

    private SandboxProperties() {
    }

    static void register(DynamicPropertyRegistry registry, ZestSandboxExtension sandbox) {
        registry.add("sandbox.base-url", sandbox::baseUrl);
        registry.add("sandbox.audience", sandbox::audience);
        registry.add("sandbox.client-id", () -> sandbox.partner().clientId());
        registry.add("sandbox.issuer", () -> sandbox.partner().issuer());
        registry.add("sandbox.private-key", () -> sandbox.partner().privateKeyPem());
        registry.add("sandbox.webhook-secret", () -> WEBHOOK_SECRET);
    }
}
