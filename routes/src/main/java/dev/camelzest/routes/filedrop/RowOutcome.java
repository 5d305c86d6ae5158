package dev.camelzest.routes.filedrop;

/** What became of one input row: the part of a flow's result line the pipeline counts and sorts by. */
public interface RowOutcome {

    long rowNumber();

    RowStatus status();
}
