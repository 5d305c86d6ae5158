package dev.camelzest.sandbox.state;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import com.fasterxml.jackson.annotation.JsonCreator;

/**
 * Persons by zestPersonId, with the two lookups bulk onboarding needs: by (client, partnerInvestorId)
 * for replays, and by (client, email) for conflicts. Both are scoped per partner client: one partner
 * never sees another's investors.
 */
public final class PersonStore extends KeyedStore<Person> {

    /** What onboarding one row ended in. */
    public sealed interface Outcome permits Created, AlreadyExists, EmailTaken {
    }

    public record Created(Person person) implements Outcome {
    }

    public record AlreadyExists(Person person) implements Outcome {
    }

    /** The email belongs to another partnerInvestorId of the same client. */
    public record EmailTaken(String partnerInvestorId) implements Outcome {
    }

    private final Map<String, String> personByInvestor = new ConcurrentHashMap<>();
    private final Map<String, String> investorByEmail = new ConcurrentHashMap<>();

    public PersonStore() {
        this(null);
    }

    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    public PersonStore(Map<String, Person> persons) {
        super(persons);
        values().forEach(this::index);
    }

    /**
     * The person of this client's partnerInvestorId if there is one; otherwise creates it with
     * {@code newPerson} unless its email is taken. Atomic, so concurrent batches with the same investor
     * create one person.
     */
    public synchronized Outcome createOrFind(String clientId, String partnerInvestorId, String email,
                                             Supplier<Person> newPerson) {
        Optional<Person> existing = byPartnerInvestorId(clientId, partnerInvestorId);
        if (existing.isPresent()) {
            return new AlreadyExists(existing.get());
        }
        String owner = investorByEmail.get(emailKey(clientId, email));
        if (owner != null) {
            return new EmailTaken(owner);
        }
        Person person = newPerson.get();
        index(person);
        put(person.zestPersonId(), person);
        return new Created(person);
    }

    public Optional<Person> byPartnerInvestorId(String clientId, String partnerInvestorId) {
        return Optional.ofNullable(personByInvestor.get(investorKey(clientId, partnerInvestorId))).flatMap(this::find);
    }

    /** The person if it exists and was onboarded by {@code clientId}. */
    public Optional<Person> findOwned(String zestPersonId, String clientId) {
        return find(zestPersonId).filter(p -> p.clientId().equals(clientId));
    }

    @Override
    public synchronized void clear() {
        personByInvestor.clear();
        investorByEmail.clear();
        super.clear();
    }

    private void index(Person person) {
        personByInvestor.put(investorKey(person.clientId(), person.partnerInvestorId()), person.zestPersonId());
        investorByEmail.put(emailKey(person.clientId(), person.email()), person.partnerInvestorId());
    }

    private static String investorKey(String clientId, String partnerInvestorId) {
        return clientId + '\n' + partnerInvestorId;
    }

    /** Emails compare case-insensitively, as mailbox providers treat them. */
    private static String emailKey(String clientId, String email) {
        return clientId + '\n' + email.toLowerCase(Locale.ROOT);
    }
}
