package dev.camelzest.sandbox;

/** Command-line entry point of the sandbox. */
public final class SandboxMain {
    private SandboxMain() {
    }

    public static void main(String[] args) {
        throw new UnsupportedOperationException("not yet");
    }
}
