package dev.camelzest.routes.filedrop;

import org.apache.camel.CamelContext;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;

/** The filter of a drop directory that holds no file back: it only tells the directory's {@link FileBacklog}. */
public final class ListedFiles implements GenericFileFilter<Object> {

    private final FileBacklog backlog;

    public ListedFiles(CamelContext camelContext) {
        this.backlog = FileBacklog.of(camelContext, this);
    }

    @Override
    public boolean accept(GenericFile<Object> file) {
        if (!file.isDirectory()) {
            backlog.listed(file);
        }
        return true;
    }
}
