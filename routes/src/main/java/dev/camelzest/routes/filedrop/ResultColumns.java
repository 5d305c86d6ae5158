package dev.camelzest.routes.filedrop;

import java.util.List;
import java.util.function.Function;

/** A flow's results file layout: the column names, and the values of one outcome in that order. */
public record ResultColumns<O>(List<String> names, Function<O, Object[]> values) {

    public ResultColumns {
        names = List.copyOf(names);
    }
}
