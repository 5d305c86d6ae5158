package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import dev.camelzest.routes.investors.HeaderMapping;
import dev.camelzest.routes.investors.InvestorFlow;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A call's permit when the import ends while the call waits for it: before its first attempt, and before a
 * redelivery (Camel's {@code onRedelivery}), which Camel would send whatever the step threw.
 */
@Timeout(30)
class CallPermitsTest {

    private final DefaultCamelContext camel = new DefaultCamelContext();
    private final ExecutorService recordingThread = Executors.newSingleThreadExecutor();
    private final InFlightLimit callLimit = new InFlightLimit(1, Duration.ofSeconds(10));
    private final InFlightLimit window = new InFlightLimit(2, Duration.ofSeconds(10));
    private final FileRun<?> run = new FileRun<>(new InvestorFlow(HeaderMapping.parse(""), ',', null), "drop.csv",
            "import-1", FileFormat.CSV, Path.of("drop.csv"), Path.of("staging"), Clock.systemUTC(), callLimit, window,
            new BatchRecorder(recordingThread, window::release));

    @AfterEach
    void stop() {
        recordingThread.shutdownNow();
        camel.stop();
    }

    /** A batch's call waits for room; the import ends: it is not sent, and the end waits for it no longer. */
    @Test
    void aCallWaitingForRoomWhenTheImportEndsFailsWithTheEndAndIsNotAwaited() throws Exception {
        CallPermits.acquire(callOf(0));
        Exchange waiting = callOf(1);
        CompletableFuture<Void> acquiring = CompletableFuture.runAsync(() -> {
            try {
                CallPermits.acquire(waiting);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        await().atMost(Duration.ofSeconds(5)).until(() -> run.sentBatches().count() == 2);

        run.callLimit().close(); // FileRun.endPartWay

        assertThatThrownBy(() -> acquiring.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(
                ImportInterruptedException.class).hasMessageContaining("ended before this batch was sent");
        assertThat(run.sentBatches().count()).as("only the batch sent is awaited").isEqualTo(1);
    }

    /**
     * A first attempt interrupted while it waits for room (Camel forcing its stop): it fails there, holding no permit;
     * its batch counts until the failure's report settles it ({@code FileDropImport.stopped}).
     */
    @Test
    void aFirstAttemptInterruptedWhileWaitingForRoomFailsWithoutAPermit() throws Exception {
        CallPermits.acquire(callOf(0));
        Exchange waiting = callOf(1);

        InterruptedWait calling = InterruptedWait.of(() -> CallPermits.acquire(waiting));

        assertThat(calling.failure()).isInstanceOf(InterruptedException.class);
        assertThat(run.callLimit().inFlight()).as("no permit taken").isEqualTo(1);
        assertThat(waiting.getVariable("zestCallPermit")).isNull();
    }

    /**
     * A redelivery due after the import ended: not sent. Camel sends a redelivery whatever its {@code onRedelivery}
     * step threw, unless the exchange is marked to stop: it is, failed with the end.
     */
    @Test
    void aRedeliveryDueAfterTheImportEndedIsMarkedNotToBeSent() {
        Exchange redelivery = callOf(4);
        run.callLimit().close();

        CallPermits.reacquire(redelivery);

        assertThat(redelivery.isRouteStop()).as("not sent").isTrue();
        assertThat(redelivery.getException()).isInstanceOf(ImportInterruptedException.class);
        assertThat(run.sentBatches().count()).isZero();
    }

    /** A redelivery interrupted while it waits for room (Camel forcing its stop): not sent, the interrupt kept. */
    @Test
    void aRedeliveryInterruptedWhileWaitingForRoomIsNotSentAndKeepsTheInterrupt() throws Exception {
        CallPermits.acquire(callOf(0));
        Exchange redelivery = callOf(1);

        InterruptedWait redelivering = InterruptedWait.of(() -> CallPermits.reacquire(redelivery));

        assertThat(redelivering.failure()).isNull();
        assertThat(redelivering.interruptKept()).isTrue();
        assertThat(redelivery.isRouteStop()).as("not sent").isTrue();
        assertThat(redelivery.getException()).isInstanceOf(InterruptedException.class);
    }

    /** A redelivery given room goes as a first attempt does, holding its permit until answered. */
    @Test
    void aRedeliveryGivenRoomIsSentHoldingItsPermit() {
        Exchange redelivery = callOf(2);

        CallPermits.reacquire(redelivery);

        assertThat(redelivery.isRouteStop()).isFalse();
        assertThat(redelivery.getException()).isNull();
        assertThat(run.callLimit().inFlight()).isEqualTo(1);
        CallPermits.answered(redelivery);
        assertThat(run.callLimit().inFlight()).isZero();
    }

    /** A call exchange of the batch numbered {@code batch}, as {@link FileDropImport#prepareCall} leaves it. */
    private Exchange callOf(long batch) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.setProperty(FileDropImport.RUN, run);
        exchange.setVariable(FileDropImport.CALL, new Call<>(null, batch, 0));
        return exchange;
    }
}
