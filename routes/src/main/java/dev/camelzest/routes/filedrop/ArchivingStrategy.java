package dev.camelzest.routes.filedrop;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileRenameProcessStrategy;

/**
 * The process strategy of every drop directory: Camel's rename strategy (the read lock, the move on commit), which
 * also lets the route look into the drop directory through the consumer's own connection ({@link #DIRECTORY}) and,
 * once the file has moved, runs the step the route left for that ({@link #AFTER_MOVE}).
 */
final class ArchivingStrategy<T> extends GenericFileRenameProcessStrategy<T> {

    /** Exchange property: the {@link DropDirectory} the exchange's file was taken from. */
    static final String DIRECTORY = "CamelZestDropDirectory";
    /** Exchange property: a {@link Runnable} run once the file has moved (not when the move failed). */
    static final String AFTER_MOVE = "CamelZestAfterMove";

    /** What the drop directory holds. */
    @FunctionalInterface
    interface DropDirectory {
        /** Whether a file is at {@code path}, relative to the drop directory ({@code results/a.results.csv}). */
        boolean holds(String path);
    }

    /** The directory the exchange's file was dropped in, as every replica names it. */
    static String source(Exchange exchange) {
        return exchange.getFromEndpoint().getEndpointBaseUri();
    }

    /** Whether a file is at {@code path}, relative to the drop directory the exchange's file was taken from. */
    static boolean holds(Exchange exchange, String path) {
        DropDirectory directory = exchange.getProperty(DIRECTORY, DropDirectory.class);
        return directory != null && directory.holds(path);
    }

    @Override
    public boolean begin(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        boolean begun = super.begin(operations, endpoint, exchange, file);
        String directory = endpoint.getConfiguration().getDirectory();
        exchange.setProperty(DIRECTORY, (DropDirectory) path -> operations.existsFile(directory + "/" + path));
        return begun;
    }

    @Override
    public void commit(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        super.commit(operations, endpoint, exchange, file);
        Runnable afterMove = exchange.getProperty(AFTER_MOVE, Runnable.class);
        if (afterMove != null) {
            afterMove.run();
        }
    }
}
