package dev.camelzest.routes.documents;

import org.apache.camel.Exchange;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.GenericFileProcessStrategy;

/**
 * The process strategy of the documents consumer and of the manifest beside each document: Camel's own (the read
 * lock, the move or delete on commit), except for a document that waits — its manifest is not there yet, or it is a
 * funding receipt whose signed form is not on record. Waiting is not a failure: the exchange ends without an error,
 * and its commit leaves the document and its manifest where they are, as an aborted poll does, so that a later poll
 * sees them again. (A failure would instead roll back, with Camel's warning, on every poll.)
 */
public final class WaitingDocuments<T> implements GenericFileProcessStrategy<T> {

    /** Exchange property: the document waits, in place, for a later poll. */
    public static final String WAITING = "zestDocumentWaiting";
    /** The registry name of the manifests' strategy, shared by every documents route of a Camel context. */
    public static final String MANIFESTS = "zestDocumentManifests";

    private final GenericFileProcessStrategy<T> camels;

    public WaitingDocuments(GenericFileProcessStrategy<T> camels) {
        this.camels = camels;
    }

    static boolean waits(Exchange exchange) {
        return exchange.getProperty(WAITING, false, Boolean.class);
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint)
            throws Exception {
        camels.prepareOnStartup(operations, endpoint);
    }

    @Override
    public boolean begin(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        return camels.begin(operations, endpoint, exchange, file);
    }

    @Override
    public void abort(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        camels.abort(operations, endpoint, exchange, file);
    }

    @Override
    public void commit(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        if (waits(exchange)) {
            camels.abort(operations, endpoint, exchange, file);
        } else {
            camels.commit(operations, endpoint, exchange, file);
        }
    }

    @Override
    public void rollback(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint, Exchange exchange,
            GenericFile<T> file) throws Exception {
        camels.rollback(operations, endpoint, exchange, file);
    }
}
