package dev.camelzest.routes.filedrop;

import org.apache.camel.Exchange;
import org.apache.camel.Expression;
import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileOperations;
import org.apache.camel.component.file.strategy.GenericFileExpressionRenamer;
import org.apache.camel.component.file.strategy.GenericFileRenamer;
import org.apache.camel.support.builder.ExpressionBuilder;

/**
 * Where a consumed file moves: the name its expression gives ({@code done/investors.csv}) when nothing is there, else
 * the first free one of {@code done/investors-2.csv}, {@code done/investors-3.csv}, ... Camel's own move deletes
 * whatever holds the target name (an earlier file of the same name), and nothing in a drop directory's done or error
 * directory may be lost.
 */
final class FreeNameRenamer<T> implements GenericFileRenamer<T> {

    private static final int MOST_NUMBERS = 10_000;

    private final Expression name;

    FreeNameRenamer(Expression name) {
        this.name = name;
    }

    @Override
    public GenericFile<T> renameFile(GenericFileOperations<T> operations, Exchange exchange, GenericFile<T> file) {
        String wanted = name.evaluate(exchange, String.class);
        for (int number = 1; number <= MOST_NUMBERS; number++) {
            GenericFile<T> target = renamed(operations, exchange, file, numbered(wanted, number));
            if (!operations.existsFile(target.getAbsoluteFilePath())) {
                return target;
            }
        }
        throw new IllegalStateException("No free name for " + wanted + ": " + MOST_NUMBERS + " files of that name");
    }

    private static <T> GenericFile<T> renamed(GenericFileOperations<T> operations, Exchange exchange,
            GenericFile<T> file, String newName) {
        return new GenericFileExpressionRenamer<T>(ExpressionBuilder.constantExpression(newName))
                .renameFile(operations, exchange, file);
    }

    /** {@code done/a.csv}, then {@code done/a-2.csv}: the number before the extension, which stays last. */
    static String numbered(String path, int number) {
        if (number == 1) {
            return path;
        }
        int slash = path.lastIndexOf('/');
        int dot = path.lastIndexOf('.');
        return dot > slash + 1 ? path.substring(0, dot) + "-" + number + path.substring(dot)
                : path + "-" + number;
    }
}
