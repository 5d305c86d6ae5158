package dev.camelzest.sandbox.state;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.fasterxml.jackson.annotation.JsonCreator;

/** SPV requests by slug. */
public final class SpvRequestStore extends KeyedStore<SpvRequest> {

    /** Newest first, the order partner dashboards show. */
    private static final Comparator<SpvRequest> NEWEST_FIRST =
            Comparator.comparingLong(SpvRequest::sequence).reversed();

    private final AtomicLong sequence;

    public SpvRequestStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public SpvRequestStore(Map<String, SpvRequest> requests) {
        super(requests);
        sequence = new AtomicLong(values().mapToLong(SpvRequest::sequence).max().orElse(0));
    }

    public long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** The request if it exists and belongs to {@code clientId} (others' requests are invisible). */
    public Optional<SpvRequest> findOwned(String slug, String clientId) {
        return find(slug).filter(r -> r.clientId().equals(clientId));
    }

    /** One client's requests, optionally of one status, newest first. */
    public List<SpvRequest> list(String clientId, SpvRequestStatus status) {
        return values()
                .filter(r -> r.clientId().equals(clientId))
                .filter(r -> status == null || r.status() == status)
                .sorted(NEWEST_FIRST)
                .toList();
    }
}
