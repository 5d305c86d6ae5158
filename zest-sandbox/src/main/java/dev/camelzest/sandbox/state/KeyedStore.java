package dev.camelzest.sandbox.state;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A thread-safe map of immutable entities by key, the building block of {@link SandboxState}. Updates
 * of one entity are atomic ({@link #update}); there is no lock across entities. Serialises to JSON as
 * a plain object of key to entity; subclasses add a delegating {@code @JsonCreator} constructor taking
 * that map.
 *
 * @param <V> the entity type, an immutable record
 */
public abstract class KeyedStore<V> {

    private final ConcurrentHashMap<String, V> entries = new ConcurrentHashMap<>();
    private volatile Runnable changeListener = () -> { };

    protected KeyedStore(Map<String, V> initial) {
        if (initial != null) {
            entries.putAll(initial);
        }
    }

    public Optional<V> find(String key) {
        return key == null ? Optional.empty() : Optional.ofNullable(entries.get(key));
    }

    /** Adds an entity unless the key is taken; true when added. */
    public boolean insert(String key, V value) {
        boolean added = entries.putIfAbsent(key, value) == null;
        if (added) {
            changed();
        }
        return added;
    }

    public void put(String key, V value) {
        entries.put(key, value);
        changed();
    }

    /**
     * Replaces the entity under {@code key} with {@code change(current)} atomically. Exceptions thrown by
     * {@code change} (e.g. an ApiException for a forbidden transition) leave the entity untouched.
     *
     * @return the new entity, or empty when there is none under {@code key}
     */
    public Optional<V> update(String key, UnaryOperator<V> change) {
        V updated = entries.computeIfPresent(key, (k, current) -> change.apply(current));
        if (updated != null) {
            changed();
        }
        return Optional.ofNullable(updated);
    }

    public boolean remove(String key) {
        boolean removed = entries.remove(key) != null;
        if (removed) {
            changed();
        }
        return removed;
    }

    /** Removes every entity matching {@code condition}. */
    public void removeIf(Predicate<V> condition) {
        if (entries.values().removeIf(condition)) {
            changed();
        }
    }

    public Stream<V> values() {
        return entries.values().stream();
    }

    public int size() {
        return entries.size();
    }

    public void clear() {
        entries.clear();
        changed();
    }

    @JsonValue
    protected Map<String, V> asMap() {
        return Collections.unmodifiableMap(entries);
    }

    protected void changed() {
        changeListener.run();
    }

    void onChange(Runnable listener) {
        this.changeListener = listener;
    }
}
