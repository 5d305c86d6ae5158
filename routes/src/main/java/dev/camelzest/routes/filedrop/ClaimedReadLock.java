package dev.camelzest.routes.filedrop;

import java.util.function.Consumer;

import dev.camelzest.routes.ledger.FileClaims;
import org.apache.camel.Exchange;
import org.apache.camel.LoggingLevel;
import org.apache.camel.component.file.FileEndpoint;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileEndpoint;
import org.apache.camel.component.file.GenericFileExclusiveReadLockStrategy;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.remote.strategy.SftpChangedExclusiveReadLockStrategy;
import org.apache.camel.component.file.strategy.FileChangedExclusiveReadLockStrategy;
import org.apache.camel.spi.IdempotentRepository;

/**
 * The read lock of every drop directory: Camel's changed read lock (the file's size and time stop changing), of the
 * file or the SFTP component as the endpoint is; and, with a claims repository (several replicas on one directory),
 * a claim on the file taken first, as Camel's {@code readLock=idempotent-changed} does for local files (camel-ftp has
 * no idempotent read lock for SFTP, so the pipeline has this one for both). A file whose claim another replica holds
 * is skipped; the claim is kept once the file is processed and moved (so a listing made before the move cannot take
 * it again; it expires), and released when the import stopped or failed, so that any replica may try it again.
 * <p>
 * Without a repository it is Camel's changed read lock as {@code readLock=changed} sets it up, marker file included;
 * with one there is no marker file: a marker left by a replica that was killed would hold the file for ever.
 */
final class ClaimedReadLock<T> implements GenericFileExclusiveReadLockStrategy<T> {

    /** Exchange property: the {@link HeldClaim} on the exchange's file, when several replicas read the directory. */
    static final String CLAIM = "CamelZestFileClaim";

    /** Whether this replica still holds the claim on the file it took. */
    @FunctionalInterface
    interface HeldClaim {
        boolean stillHeld();
    }

    /** How long Camel's changed read lock waits for a file still being written: its own defaults. */
    static final long FILE_TIMEOUT = 10_000;
    static final long SFTP_TIMEOUT = 20_000;

    private final IdempotentRepository claims;
    private final long checkInterval;
    private final long minAge;
    private GenericFileExclusiveReadLockStrategy<T> changed;
    private GenericFileEndpoint<T> endpoint;

    /** {@code claims} may be null: a single instance reads the directory. */
    ClaimedReadLock(IdempotentRepository claims, long checkInterval, long minAge) {
        this.claims = claims;
        this.checkInterval = checkInterval;
        this.minAge = minAge;
    }

    @Override
    public void prepareOnStartup(GenericFileOperations<T> operations, GenericFileEndpoint<T> endpoint)
            throws Exception {
        this.endpoint = endpoint;
        changed = changedLockOf(endpoint);
        changed.setCheckInterval(checkInterval);
        changed.setTimeout(endpoint instanceof FileEndpoint ? FILE_TIMEOUT : SFTP_TIMEOUT);
        changed.setReadLockLoggingLevel(LoggingLevel.DEBUG);
        changed.setMarkerFiler(claims == null);
        changed.setDeleteOrphanLockFiles(claims == null);
        changed.prepareOnStartup(operations, endpoint);
    }

    @SuppressWarnings("unchecked")
    private GenericFileExclusiveReadLockStrategy<T> changedLockOf(GenericFileEndpoint<T> endpoint) {
        if (endpoint instanceof FileEndpoint) {
            FileChangedExclusiveReadLockStrategy file = new FileChangedExclusiveReadLockStrategy();
            file.setMinAge(minAge);
            return (GenericFileExclusiveReadLockStrategy<T>) (Object) file;
        }
        SftpChangedExclusiveReadLockStrategy sftp = new SftpChangedExclusiveReadLockStrategy();
        sftp.setMinAge(minAge);
        return (GenericFileExclusiveReadLockStrategy<T>) (Object) sftp;
    }

    @Override
    public boolean acquireExclusiveReadLock(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        if (claims == null) {
            return changed.acquireExclusiveReadLock(operations, file, exchange);
        }
        String key = claimKey(file);
        if (!claims.add(key)) {
            return false;
        }
        if (!operations.existsFile(file.getAbsoluteFilePath())) {
            // listed before another replica finished it and moved it away, and its claim expired since
            claims.remove(key);
            return false;
        }
        if (claims instanceof FileClaims fileClaims) {
            exchange.setProperty(CLAIM, (HeldClaim) () -> fileClaims.holds(key));
        }
        boolean acquired = false;
        try {
            acquired = changed.acquireExclusiveReadLock(operations, file, exchange);
            return acquired;
        } finally {
            if (!acquired) {
                claims.remove(key);
            }
        }
    }

    @Override
    public void releaseExclusiveReadLockOnAbort(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        release(() -> changed.releaseExclusiveReadLockOnAbort(operations, file, exchange),
                claims -> claims.remove(claimKey(file)));
    }

    @Override
    public void releaseExclusiveReadLockOnRollback(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        release(() -> changed.releaseExclusiveReadLockOnRollback(operations, file, exchange),
                claims -> claims.remove(claimKey(file)));
    }

    @Override
    public void releaseExclusiveReadLockOnCommit(GenericFileOperations<T> operations, GenericFile<T> file,
            Exchange exchange) throws Exception {
        release(() -> changed.releaseExclusiveReadLockOnCommit(operations, file, exchange),
                claims -> claims.confirm(claimKey(file)));
    }

    /** One of Camel's releases of the changed lock. */
    @FunctionalInterface
    private interface ChangedLockRelease {
        void release() throws Exception;
    }

    /** Releases Camel's changed lock, then does {@code toClaim} to the file's claim (if any) whatever became of that. */
    private void release(ChangedLockRelease changedLock, Consumer<IdempotentRepository> toClaim) throws Exception {
        try {
            changedLock.release();
        } finally {
            if (claims != null) {
                toClaim.accept(claims);
            }
        }
    }

    /** The same on every replica: the directory as configured (host, port and path for SFTP) and the file in it. */
    private String claimKey(GenericFile<T> file) {
        return endpoint.getEndpointBaseUri() + "/" + file.getRelativeFilePath();
    }

    // the route configures the lock through its constructor; these are Camel's URI options, not used here
    @Override
    public void setTimeout(long timeout) {
    }

    @Override
    public void setCheckInterval(long checkInterval) {
    }

    @Override
    public void setReadLockLoggingLevel(LoggingLevel readLockLoggingLevel) {
    }

    @Override
    public void setMarkerFiler(boolean markerFile) {
    }

    @Override
    public void setDeleteOrphanLockFiles(boolean deleteOrphanLockFiles) {
    }
}
