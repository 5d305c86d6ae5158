package dev.camelzest.sandbox.state;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A materialised SPV (the vehicle of an approved SPV request). Its {@code vehicleSlug} is the
 * {@code spv_slug} of the subscription and upload paths; it belongs to the partner that requested it.
 */
public record Spv(String vehicleSlug, String opportunitySlug, String spSlug, String spcSlug,
                  String spvRequestSlug, String clientId, String tenantSlug, List<ShareClass> shareClasses,
                  Instant createdAt) {

    public Optional<ShareClass> shareClass(String slug) {
        return shareClasses.stream().filter(c -> c.slug().equals(slug)).findFirst();
    }
}
