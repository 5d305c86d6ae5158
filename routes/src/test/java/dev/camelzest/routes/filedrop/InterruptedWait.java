package dev.camelzest.routes.filedrop;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * A blocking step run on a thread of its own and interrupted once it waits (as Camel interrupts the threads it waits
 * for when it stops): how the step ended, and whether the thread still carries the interrupt afterwards.
 *
 * @param failure what the step threw; null when it returned
 */
record InterruptedWait(Exception failure, boolean interruptKept) {

    interface Step {
        void run() throws Exception;
    }

    static InterruptedWait of(Step step) throws Exception {
        CompletableFuture<InterruptedWait> ended = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            Exception failure = null;
            try {
                step.run();
            } catch (Exception e) {
                failure = e;
            }
            ended.complete(new InterruptedWait(failure, Thread.currentThread().isInterrupted()));
        });
        thread.start();
        await().atMost(Duration.ofSeconds(5)).until(() -> thread.getState() == Thread.State.TIMED_WAITING);
        thread.interrupt();
        return ended.get(5, TimeUnit.SECONDS);
    }
}
