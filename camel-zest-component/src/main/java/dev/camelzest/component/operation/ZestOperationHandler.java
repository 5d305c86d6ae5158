package dev.camelzest.component.operation;

/** Carries out one Zest operation for one exchange: reads the message, calls Zest, sets the reply. */
@FunctionalInterface
public interface ZestOperationHandler {

    void handle(ZestCall call) throws Exception;
}
