package dev.camelzest.routes.filedrop;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(30)
class SentBatchesTest {

    private final SentBatches sent = new SentBatches();

    @Test
    void nothingSentIsNothingToWaitFor() {
        assertThat(sent.awaitNone(Duration.ZERO)).isTrue();
    }

    @Test
    void anAnsweredBatchCountsUntilItIsSettled() throws Exception {
        sent.sending(4);
        sent.sending(5);
        CompletableFuture<Boolean> waiting = CompletableFuture.supplyAsync(() -> sent.awaitNone(Duration.ofSeconds(20)));

        sent.settled(5);
        Thread.sleep(100);
        assertThat(waiting).as("batch 4 is still open").isNotDone();
        sent.settled(4);

        assertThat(waiting.get(10, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aBatchWhoseAttemptsAllFailedIsNotWaitedForWhileItWaitsForARedelivery() {
        sent.sending(0);
        sent.attemptFailed(0);

        assertThat(sent.awaitNone(Duration.ZERO)).isTrue();
    }

    @Test
    void aBatchWithOneCallAnsweredStillCountsWhenAnotherOfItsCallsFails() {
        sent.sending(0); // its first call, answered
        sent.sending(0); // its second call
        sent.attemptFailed(0);

        assertThat(sent.count()).isEqualTo(1);
        assertThat(sent.awaitNone(Duration.ofMillis(50))).as("timed out").isFalse();
    }

    @Test
    void aFailureReportedAfterTheBatchSettledCountsNothingAgain() {
        sent.sending(0);
        sent.settled(0);
        sent.attemptFailed(0);

        assertThat(sent.count()).isZero();
    }

    @Test
    void anInterruptDoesNotCutTheWaitShortAndIsKept() throws Exception {
        sent.sending(7);
        CompletableFuture<Boolean> interruptedAfter = new CompletableFuture<>();
        Thread waiter = new Thread(() -> {
            boolean none = sent.awaitNone(Duration.ofSeconds(20));
            interruptedAfter.complete(none && Thread.currentThread().isInterrupted());
        });
        waiter.start();
        Thread.sleep(50);
        waiter.interrupt();
        Thread.sleep(100);
        assertThat(interruptedAfter).isNotDone();

        sent.settled(7);
        assertThat(interruptedAfter.get(10, TimeUnit.SECONDS)).isTrue();
    }
}
