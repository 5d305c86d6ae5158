package dev.camelzest.routes.filedrop;

import java.io.Closeable;

/** A flow's checks of the rows of one file, in file order; may keep per-file state (ids seen), closed at the end. */
public interface RowCheck<R, O> extends Closeable {

    Checked<R, O> check(R row);

    @Override
    void close();
}
